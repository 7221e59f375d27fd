import type { CodeInfo } from './finding-codes.js';

/** The codes pack and verify report about a pack (see FINDING_CODES). */
export const PACK_FINDING_CODES = {
  ZIP_UNSAFE: {
    severity: 'error',
    scope: 'pack',
    title: 'The zip is built to harm or to mislead whoever extracts it',
    description:
      'An entry of the zip could land outside an extraction folder (`..`, an absolute or drive-letter name, a backslash), is a symbolic link or encrypted, appears twice, would inflate past what it declares (a decompression bomb), or its local header says something other than the zip directory; or bytes of the zip belong to no entry (a prefix, a gap between entries, bytes after the end record, an end record hidden in the comment), where forged copies of a file hide for extractors that read the zip from its start. Nothing of the content is read.',
    help: 'Do not extract the zip; ask the applicant for a new pack made with `svmc pack`.',
  },
  ZIP_DAMAGED: {
    severity: 'error',
    scope: 'pack',
    title: 'The file is not a zip, or the zip is damaged or cut short',
    description: 'The file has no zip end record (it is not a zip, or it was cut short), or its records do not agree with its data: a bad CRC, a wrong size, a missing header.',
    help: 'Ask for the pack again; it may have been damaged on the way.',
  },
  ZIP_REPACKED: {
    severity: 'info',
    scope: 'pack',
    title: 'The zip was re-packed by another tool; the content is what counts',
    description:
      'Information: the zip is not byte for byte the one `svmc pack` wrote (folder entries, data descriptors, headers in another form, other dates), as when a pack is unzipped and zipped again. The verdict rests on the bag inside, which is checked in full; this alone never makes a pack invalid.',
    help: 'Nothing to do.',
  },
  BAG_INVALID: {
    severity: 'error',
    scope: 'pack',
    title: 'The bag breaks a rule of BagIt (RFC 8493)',
    description:
      '`bagit.txt` is missing or not exactly its two lines, a manifest or `bag-info.txt` is malformed, a manifest lists a path twice, a path outside the bag or a file of the wrong kind, a payload file is not listed in every payload manifest, or Payload-Oxum does not match the payload.',
    help: 'Ask for the bag again, made with a BagIt tool (a pack with `svmc pack`).',
  },
  BAG_INCOMPLETE: {
    severity: 'error',
    scope: 'pack',
    title: 'A file that fetch.txt lists is not in the bag',
    description: '`fetch.txt` lists a payload file to download, and the bag does not hold it. svmc never downloads anything, so the bag is incomplete and not valid.',
    help: 'Fetch the files into the bag with a BagIt tool, then verify again.',
  },
  BAG_IRREGULAR: {
    severity: 'warning',
    scope: 'pack',
    title: 'The bag is valid but departs from the usual form',
    description:
      'Warning: a tag file starts with a byte-order mark, a draft (0.97) manifest lists a path twice with the same checksum, a manifest uses an algorithm svmc cannot compute, or `fetch.txt` lists a file outside `data/`.',
    help: 'Nothing to do for this verification; a tool that writes the bag afresh will tidy it.',
  },
  BAG_LITTER: {
    severity: 'warning',
    scope: 'pack',
    title: 'System litter that no manifest lists',
    description: 'Warning: the bag holds files that desktops leave behind (`.DS_Store`, `Thumbs.db`, `__MACOSX/`, `._` files) and no manifest lists them. They are passed over.',
    help: 'Nothing to do; delete them before passing the bag on.',
  },
  BAG_NAME_CLASH: {
    severity: 'warning',
    scope: 'pack',
    title: 'Two payload names collide on macOS or Windows',
    description: 'Warning: two payload names are equal ignoring case or Unicode normalisation, or a manifest writes a name in another Unicode form than the file has: on a Mac or Windows machine they become one file, or the file is not found.',
    help: 'Ask the applicant to rename one of the files and pack again.',
  },
  FILE_CHANGED: {
    severity: 'error',
    scope: 'pack',
    title: 'A file of the bag is not the one its manifest lists',
    description: "A file's checksum does not match a manifest that lists it: it was changed after the bag was made.",
    help: 'Do not rely on the pack; ask the applicant for it again.',
  },
  FILE_MISSING: {
    severity: 'error',
    scope: 'pack',
    title: 'A file a manifest lists is not in the bag',
    description: 'A manifest lists a file that the bag does not hold: it was removed.',
    help: 'Ask for the pack again; a file was removed.',
  },
  FILE_EXTRA: {
    severity: 'error',
    scope: 'pack',
    title: 'The bag holds a file no manifest lists',
    description: 'The bag holds a payload file that no manifest lists, or (in a pack) a tag file that `svmc pack` never writes: it was added after packing.',
    help: 'Ask for the pack again; a file was added.',
  },
  NOT_A_PACK: {
    severity: 'error',
    scope: 'pack',
    title: 'A valid BagIt bag, but not an svmc submission pack',
    description: 'The bag is valid BagIt, but it has no `data/svmc.yaml` or no `summary.pdf`: it is not a pack made with `svmc pack`.',
    help: 'To check only that the bag is valid BagIt, run `svmc verify --bagit-only`.',
  },
  BAG_INFO_MISMATCH: {
    severity: 'error',
    scope: 'pack',
    title: "bag-info.txt does not agree with the signed svmc.yaml",
    description:
      "A line of `bag-info.txt` (the organisation, the level, the contact, the catalogue, the fee, the dates or the pack id) says something other than what `data/svmc.yaml` and the manifest, which the sign-offs cover, give: `bag-info.txt` is not signed, so it was rewritten after packing.",
    help: 'Trust the signed `data/svmc.yaml`, and ask the applicant for the pack again.',
  },
  PACK_DRAFT: {
    severity: 'error',
    scope: 'pack',
    title: 'The pack is a draft',
    description: 'The pack says `SVMC-Draft: true`: it was made with `svmc pack --draft`, carries no sign-offs and cannot be submitted.',
    help: 'Submit a pack made without `--draft` once both representatives have signed.',
  },
  SUMMARY_MISSING: {
    severity: 'error',
    scope: 'pack',
    title: 'The pack has no PDF summary',
    description: '`summary.pdf`, the criteria-and-evidence summary, is missing, is not a PDF, or no tag manifest covers it.',
    help: 'Ask for the pack again, made with `svmc pack`.',
  },
  SUMMARY_ALTERED: {
    severity: 'error',
    scope: 'pack',
    title: 'A rendered document does not show the signed data',
    description:
      '`summary.pdf`, the Word form or `index.html` differs from the one rendered again from the signed `data/svmc.yaml`, the manifest and the sign-offs (or `bag-info.txt` differs from the one they give): it was replaced or edited after packing, so it may say something the representatives never signed.',
    help: 'Read the application from `data/svmc.yaml`, not from the rendered documents, and ask the applicant for the pack again.',
  },
  SUMMARY_UNCONFIRMED: {
    severity: 'warning',
    scope: 'pack',
    title: 'The summary could not be confirmed',
    description:
      'Warning: the pack was made by another svmc version, or with a criteria catalogue this svmc does not ship, so the summary and the other rendered documents cannot be rendered again to prove they show exactly the signed data.',
    help: 'Verify with the svmc version named in `bag-info.txt` (Bag-Software-Agent), or compare the summary with `data/svmc.yaml` yourself; `--strict` makes this a failure.',
  },
  TRUST_KEY_UNUSED: {
    severity: 'error',
    scope: 'pack',
    title: 'A pinned key made neither signature',
    description: 'A public key given with `--trust` made neither sign-off of the pack.',
    help: 'Check that you pinned the representatives\' keys, or ask who signed the pack.',
  },
  GLYPH_MISSING: {
    severity: 'warning',
    scope: 'pack',
    title: 'The PDF summary could not draw some characters',
    description: 'Warning: some characters of the application have no glyph in the fonts the summary embeds; each is drawn as a box.',
    help: 'Check the names in `svmc.yaml`; the pack is valid either way.',
  },
} as const satisfies Record<string, CodeInfo>;
