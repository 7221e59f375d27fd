import type { CodeInfo } from './finding-codes.js';

/** The codes a check of a folder reports (see FINDING_CODES). */
export const CHECK_FINDING_CODES = {
  YAML_SYNTAX: {
    severity: 'error',
    scope: 'check',
    title: 'svmc.yaml is not valid YAML',
    description:
      '`svmc.yaml` cannot be read as YAML: a syntax error, a key written twice in the same map, more than one document, bytes that are not UTF-8 or binary data, aliases used more than 100 times, nesting far deeper than any application needs, or a file over 16 MiB. The common mistakes get one finding each, in plain words, with the parser\'s own words in brackets: a colon and a space inside a value (`summary: "Board minutes: March"` needs the quotes), a tab in the indentation, no space after a colon (`level: 2`, not `level:2`), a quote never closed, a line indented more or less than its siblings or a list not under its key. The errors that only follow from such a mistake are not listed.',
    help: 'Fix the text at the line and column given, or save the file as UTF-8.',
  },
  SCHEMA_VIOLATION: {
    severity: 'error',
    scope: 'check',
    title: 'svmc.yaml breaks the application schema',
    description:
      '`svmc.yaml` breaks the application schema: an unknown key (often a typo; the message suggests the nearest key), a missing required key, a wrong type, a value outside its list (level, size, scope), a date that is not a real `YYYY-MM-DD`, a bad email, `renewal: true` with a level other than 3, or `scope: programme` without `programme`.',
    help: 'Correct the value at the given place.',
  },
  CATALOGUE_INVALID: {
    severity: 'error',
    scope: 'check',
    title: 'The criteria catalogue cannot be used',
    description: 'The criteria catalogue named by `catalogue:` cannot be used: the file is missing, is not a regular file, does not have the catalogue format, or has no criteria for your level.',
    help: 'Fix the catalogue file, or remove `catalogue:` to use the built-in one.',
  },
  UNKNOWN_CRITERION: {
    severity: 'error',
    scope: 'check',
    title: 'Criterion not in the catalogue at this level, or under the wrong stage',
    description:
      'A key under `evidence.<stage>` is not a criterion of this stage at your level. The message says which stage it belongs under, that it is a criterion of another level, or which id you probably meant.',
    help: 'Move or rename it; `svmc criteria --level N` lists the criteria.',
  },
  CRITERION_MISSING_EVIDENCE: {
    severity: 'error',
    scope: 'check',
    title: 'A required criterion has no evidence',
    description: 'A required criterion of your level has no evidence: its key is absent, or its list is empty.',
    help: 'Map a file to it with `svmc map CRITERION FILE`.',
  },
  EVIDENCE_FILE_MISSING: {
    severity: 'error',
    scope: 'check',
    title: 'A mapped evidence file does not exist',
    description:
      'A mapped file does not exist at that path. When a file under `evidence/` that nothing maps holds exactly the content the missing file last had (the same size and SHA-256, as recorded in `.svmc/` or in a sign-off\'s manifest), the message asks whether the file moved there.',
    help: 'Fix the spelling, write the new path of a moved file, or add the file.',
  },
  EVIDENCE_FILE_EMPTY: {
    severity: 'error',
    scope: 'check',
    title: 'A mapped evidence file is empty',
    description: 'A mapped file is 0 bytes.',
    help: 'Replace it with the real document.',
  },
  EVIDENCE_FILE_UNREADABLE: {
    severity: 'error',
    scope: 'check',
    title: 'A mapped evidence file cannot be read',
    description: 'A mapped path cannot be read: it is a folder, a device, a loop of symbolic links, or its permissions deny reading.',
    help: 'Map a readable file, or fix the permissions.',
  },
  EVIDENCE_PATH_OUTSIDE: {
    severity: 'error',
    scope: 'check',
    title: 'An evidence path leaves the application folder',
    description:
      'A path in `svmc.yaml` (evidence or Terms & Conditions) would leave the application folder: it is absolute, climbs out with `..`, uses `\\`, is a URL such as `file:`, contains a NUL, or is a symbolic link leading outside.',
    help: 'Copy the file into the folder (for example under `evidence/`) and write its path relative to the folder, with `/`.',
  },
  EVIDENCE_SECRET: {
    severity: 'error',
    scope: 'check',
    title: 'An evidence file holds a private key or similar secret',
    description:
      'A file that would go into the pack holds a private key or token: PEM or OpenSSH private keys, minisign secret keys, PuTTY keys, or AWS, GitHub, Slack, Google or Stripe credentials. `svmc.yaml` itself is scanned, comments included, and every evidence file whole up to 64 MiB, except files whose first bytes show a compressed or binary format (PDF, DOCX, XLSX, images, zip), which are read only at their start: a key saved under a `.pdf` name is still found. A secret stops every pack, a draft included.',
    help: 'Remove the secret from the file, and replace the key, as it may already have been shared.',
  },
  EVIDENCE_NAME_UNPORTABLE: {
    severity: 'error',
    scope: 'check',
    title: "A file's name cannot travel to Windows or macOS intact",
    description:
      "A file that would go into the pack has a name that cannot be unzipped intact on the assessor's Windows or Mac: it holds a control character (a line break or tab), one of `< > : \" | ? *`, ends a name with a dot or a space, uses a name Windows reserves (`CON`, `PRN`, `AUX`, `NUL`, `COM1`…, `LPT1`…, with any extension), or equals another file's name but for upper and lower case or the way an accent is encoded (NFC or NFD). It stops every pack, a draft included.",
    help: 'Rename the file and its entry in `svmc.yaml`.',
  },
  EVIDENCE_UNMAPPED: {
    severity: 'warning',
    scope: 'check',
    title: 'A file under evidence/ is mapped to nothing',
    description:
      'Warning: a file under `evidence/` is mapped to no criterion. Hidden files are ignored, and the signed Terms & Conditions counts as mapped. With `--strict` this fails the check.',
    help: 'Map it with `svmc map`, or move it out of `evidence/`.',
  },
  REPRESENTATIVE_MISSING: {
    severity: 'error',
    scope: 'check',
    title: 'Lead or senior leader absent, or the same person',
    description:
      '`representatives.lead` or `representatives.senior` is absent, or both name the same person (the same email ignoring case, or the same name), or the same public key is registered for both.',
    help: 'Name two different people, each with their own key.',
  },
  PRIOR_AWARD_MISSING: {
    severity: 'error',
    scope: 'check',
    title: "The previous level's award is not cited",
    description: 'A level-2 application must cite the level-1 award, a level-3 application the level-2 award, and a renewal the level-3 award.',
    help: 'Add it under `application.previousAwards` with `level`, `awarded` and `reference`.',
  },
  PRIOR_AWARD_EXPIRED: {
    severity: 'error',
    scope: 'check',
    title: 'The previous award is more than two years old',
    description: 'The newest cited award of the level you need was made more than two years ago, and an award is valid for two years.',
    help: 'Check the date, or ask the Assurance Manager whether you must apply for that level again.',
  },
  LEVEL3_SINGLE_AREA: {
    severity: 'error',
    scope: 'check',
    title: 'Level-3 evidence comes from only one area',
    description: 'Level-3 evidence must show decision-making in more than one area of the organisation, but the items name one `area` or none.',
    help: 'Set `area:` on your evidence items and add evidence from another area.',
  },
  LEVEL3_SINGLE_OCCASION: {
    severity: 'error',
    scope: 'check',
    title: 'Level-3 evidence comes from only one occasion',
    description: 'Level-3 evidence must come from more than one occasion, but the items carry one `date` or none.',
    help: 'Set `date:` on your evidence items and add evidence from another occasion.',
  },
  PREREQUISITE_MISSING: {
    severity: 'error',
    scope: 'check',
    title: 'Membership, preparation call or signed T&C not recorded',
    description:
      'A prerequisite is not recorded: `applicant.membership.network`, `applicant.membership.number`, `application.preparationCall` or `application.termsAndConditions`; or the recorded Terms & Conditions file is missing, empty, a folder, or cannot be read.',
    help: 'Record it, and put the signed file in the folder.',
  },
  FEE_DISCOUNT_TOO_LARGE: {
    severity: 'error',
    scope: 'check',
    title: 'The fee discount is more than the fee',
    description:
      '`application.fee.discount` is a percentage above 100%, or an amount in pence larger than the fee-table price of the application, so no fee can be worked out and the pack would state none.',
    help: 'Write the membership discount you were given: a percentage such as `"10%"`, or whole pence such as `7500` for £75.00.',
  },
  STATEMENT_MISSING: {
    severity: 'warning',
    scope: 'check',
    title: 'A required criterion has evidence but no statement',
    description:
      'A required criterion has evidence mapped to it but no `statement`: the criteria-and-evidence form asks, against each criterion, how the organisation meets it, and without one the assessor sees only file names.',
    help: 'Write one with `svmc statement CRITERION "How we meet it…"`, or by hand as `statement:` beside `evidence:` under the criterion.',
  },
  DATE_IN_FUTURE: {
    severity: 'error',
    scope: 'check',
    title: 'An award or the preparation call is dated after today',
    description:
      'An award in `application.previousAwards` or the `application.preparationCall` is dated after today: an award not yet made cannot be cited, nor a call that has not happened. A date counts as after today only once it is so in every time zone.',
    help: 'Record it once it has taken place, or correct the date.',
  },
  SIGNOFF_MISSING: {
    severity: 'error',
    scope: 'check',
    title: 'A representative has not signed',
    description: 'A representative has not signed the evidence; in a pack, a sign-off is absent.',
    help:
      'Once the application is complete, each representative signs with their own key: `svmc sign --as lead --key PATH` (or with the key\'s text in `SVMC_SIGNING_KEY`); the message names the default key (`~/.config/svmc/<role>.key`) when it is there. A senior leader without the folder signs a draft pack instead (`svmc sign --as senior --pack DRAFT.zip`), and the lead files that sign-off with `svmc signoff add`.',
  },
  SIGNOFF_STALE: {
    severity: 'error',
    scope: 'check',
    title: 'Evidence or the application changed after signing',
    description:
      'Evidence or `svmc.yaml` changed after a representative signed; the message gives the time of the sign-off and names the files that changed, were added or were removed. `map`, `register-key` and `keygen --register` say which sign-offs their change makes stale. `svmc pack` also stops with this code when a file changes while it is being packed.',
    help: 'Check the changes, then sign again with `svmc sign --as ROLE --key PATH` (or the key\'s text in `SVMC_SIGNING_KEY`), as the message says.',
  },
  SIGNOFF_INVALID: {
    severity: 'error',
    scope: 'check',
    title: 'A signature does not verify or uses an unregistered key',
    description:
      'A signature does not verify, cannot be read, claims another role, or was made with a key that is not registered under `representatives.<role>.publicKey` (in a pack: not the pinned key, or the same key for both representatives).',
    help:
      'Register the key the representative signs with (`svmc register-key --as ROLE KEY.pub`, or `svmc keygen --as ROLE --register` for a new one; `--replace` to change a registered key), then sign again with `svmc sign --as ROLE --key PATH`.',
  },
  FOLDER_NOT_CHECKED: {
    severity: 'warning',
    scope: 'check',
    title: 'A folder named to check is not an application folder',
    description:
      'One of the folders given to `svmc check` (or to `svmc status`) does not exist, is a file, or holds no readable `svmc.yaml`, so it was not checked. The other folders were checked as usual; only when none of them is an application folder does the command stop with exit code 2.',
    help: 'Name only application folders (for example `clients/*/` rather than `clients/*`), or create one with `svmc init`.',
  },
} as const satisfies Record<string, CodeInfo>;
