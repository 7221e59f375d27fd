import { findingAt, type Finding } from '../findings.js';
import { isPayloadPath } from './bag-paths.js';
import { checksTagManifests } from './declaration.js';
import { readFetchList } from './fetch-lines.js';
import { infoValues, readBagInfo } from './info-lines.js';
import { isLitter } from './litter.js';
import { readManifest } from './manifest-lines.js';
import { nameMatcher } from './match-names.js';
import { checkPayload, type ListedManifest } from './payload-checks.js';
import { readBag, type BagReading, type ReadBagOptions } from './read-bag.js';
import type { BagSource } from './source.js';
import { decodeTagText } from './tag-text.js';

/** What RFC 8493 makes of a bag, with what was read on the way. */
export interface BagValidation {
  findings: Finding[];
  version?: string;
  encoding?: string;
  payloadFiles: number;
  payloadBytes: number;
  /** bag-info.txt's lines, in order; a label may repeat. */
  info: [string, string][];
  /** The algorithms of the payload manifests, and of the tag manifests. */
  manifests: string[];
  tagManifests: string[];
  /** Each tag manifest's listed paths, by its file name. */
  tagListings: Map<string, Set<string>>;
  reading: BagReading;
}

/**
 * Validates a bag as RFC 8493 defines it (and its drafts 0.93 to 0.97, by their own rules): the
 * declaration, every payload manifest in full, the tag manifests, the metadata with Payload-Oxum,
 * fetch.txt. Every problem is a finding; nothing is thrown for a bad bag.
 */
export async function validateBag(source: BagSource, options: ValidateBagOptions = {}): Promise<BagValidation> {
  const { keep, onTags } = options;
  const reading = await readBag(source, { ...(keep ? { keep } : {}), ...(onTags ? { onKept: (partial) => onTags(judgeReading(source, partial)) } : {}) });
  return judgeReading(source, reading);
}

export interface ValidateBagOptions {
  keep?: ReadBagOptions['keep'];
  /**
   * Called before the payload is hashed, with the bag as its tag files describe it: all but its
   * findings is what the validation will return, as each rests on the tag files alone; its
   * findings are no verdict, since no payload file has been read yet.
   */
  onTags?: (tags: BagValidation) => void;
}

function judgeReading(source: BagSource, reading: BagReading): BagValidation {
  const findings: Finding[] = [];
  const add = (code: Parameters<typeof findingAt>[0], file: string, message: string): void => void findings.push(findingAt(code, file, message));
  const { declaration, contents, outcomes } = reading;
  const version = declaration.declaration?.version ?? '1.0';
  const encoding = declaration.declaration?.encoding ?? 'UTF-8';
  for (const [path, outcome] of outcomes) if (outcome.problem) add(source.container === 'zip' ? 'ZIP_DAMAGED' : 'BAG_INVALID', path, outcome.problem);

  if (!source.files.has('bagit.txt') && reading.manifests.length === 0) {
    add('BAG_INVALID', 'bagit.txt', 'missing, and so is every manifest: this is not a BagIt bag');
    return { findings, payloadFiles: 0, payloadBytes: 0, info: [], manifests: [], tagManifests: [], tagListings: new Map(), reading };
  }
  if (!source.files.has('bagit.txt')) add('BAG_INVALID', 'bagit.txt', 'missing: a BagIt bag starts with bagit.txt');
  else if (!contents.has('bagit.txt')) add('BAG_INVALID', 'bagit.txt', 'too large to be a bag declaration');
  for (const problem of declaration.problems) add('BAG_INVALID', 'bagit.txt', problem);
  if (!source.folders.has('data') && ![...source.files.keys()].some(isPayloadPath)) add('BAG_INVALID', 'data/', 'missing: a bag holds its payload in data/, even when it is empty');

  const text = (path: string): string | undefined => {
    const bytes = contents.get(path);
    if (!source.files.has(path)) return undefined;
    if (!bytes) {
      if (!outcomes.get(path)?.problem) add('BAG_INVALID', path, 'too large to be read as a tag file');
      return undefined;
    }
    const decoded = decodeTagText(bytes, encoding);
    if ('problem' in decoded) {
      add('BAG_INVALID', path, `cannot be read: ${decoded.problem} (bagit.txt declares ${encoding})`);
      return undefined;
    }
    if (decoded.bom && encoding.toUpperCase().replace('_', '-') === 'UTF-8') add('BAG_IRREGULAR', path, 'starts with a byte-order mark, which UTF-8 tag files should not have');
    return decoded.text;
  };

  const listed: ListedManifest[] = [];
  for (const manifest of reading.manifests) {
    if (!manifest.known) {
      add('BAG_IRREGULAR', manifest.file, `svmc cannot compute ${manifest.algorithm} checksums: this manifest is not checked`);
      continue;
    }
    if (manifest.kind === 'tag' && !checksTagManifests(version)) continue;
    const content = text(manifest.file);
    if (content === undefined) continue;
    const parsed = readManifest(content, manifest.algorithm, manifest.kind, version);
    for (const { line, message } of parsed.problems) add('BAG_INVALID', manifest.file, `line ${line} ${message}`);
    for (const { line, path } of parsed.repeats) add('BAG_IRREGULAR', manifest.file, `line ${line} lists ${path} again, with the same checksum`);
    listed.push({ ...manifest, reading: parsed });
  }
  const payloadManifests = listed.filter((m) => m.kind === 'payload');
  if (!reading.manifests.some((m) => m.kind === 'payload' && m.known)) {
    add('BAG_INVALID', 'manifest-sha256.txt', 'no payload manifest (manifest-<algorithm>.txt) that svmc can check: a bag has at least one');
  }

  const toFetch = new Set<string>();
  const fetchText = text('fetch.txt');
  if (fetchText !== undefined) {
    const fetch = readFetchList(fetchText, version);
    for (const { line, message } of fetch.problems) add('BAG_INVALID', 'fetch.txt', `line ${line} ${message}`);
    for (const { line, path } of fetch.outside) add('BAG_IRREGULAR', 'fetch.txt', `line ${line} lists ${path}, outside data/: fetch.txt lists payload files, so it is passed over`);
    const present = nameMatcher(source.files.keys());
    for (const item of fetch.items) {
      if (present(item.path) !== undefined) continue;
      toFetch.add(item.path);
      add('BAG_INCOMPLETE', item.path, `not in the bag: fetch.txt says to download it from ${item.url}; svmc never downloads, so the bag is incomplete`);
    }
    for (const item of fetch.items) {
      const unlisted = payloadManifests.filter((m) => !m.reading.files.some((f) => f.path === item.path));
      if (unlisted.length > 0) add('BAG_INVALID', 'fetch.txt', `line ${item.line} lists ${item.path}, which ${unlisted.map((m) => m.file).join(' and ')} does not: a file to fetch is listed in every payload manifest`);
    }
  }

  findings.push(...checkPayload(source.files, outcomes, payloadManifests, toFetch));
  const tagListings = checkTagFiles(source, reading, listed, add);
  const payload = [...source.files].filter(([path]) => isPayloadPath(path) && !isLitter(path));
  const payloadBytes = payload.reduce((sum, [, size]) => sum + size, 0);
  const info = readInfo(reading.infoFile, text(reading.infoFile), version, add);
  const oxum = [...new Set(infoValues(info, 'Payload-Oxum'))];
  if (oxum.length > 1) add('BAG_INVALID', reading.infoFile, `it gives Payload-Oxum ${oxum.length} different values`);
  const stated = oxum[0];
  if (stated !== undefined && !/^\d+\.\d+$/.test(stated)) add('BAG_INVALID', reading.infoFile, `Payload-Oxum ${stated} is not <octets>.<files>`);
  else if (stated !== undefined && stated !== `${payloadBytes}.${payload.length}`) {
    add('BAG_INVALID', reading.infoFile, `Payload-Oxum is ${stated}, but the payload holds ${payloadBytes} bytes in ${payload.length} files`);
  }
  return {
    findings,
    ...(declaration.declaration ? { version: declaration.declaration.version, encoding: declaration.declaration.encoding } : {}),
    payloadFiles: payload.length,
    payloadBytes,
    info,
    manifests: reading.manifests.filter((m) => m.kind === 'payload').map((m) => m.algorithm),
    tagManifests: reading.manifests.filter((m) => m.kind === 'tag').map((m) => m.algorithm),
    tagListings,
    reading,
  };
}

/** Every file a tag manifest lists is present, with the listed checksum. */
function checkTagFiles(source: BagSource, reading: BagReading, listed: ListedManifest[], add: (code: 'FILE_MISSING' | 'FILE_CHANGED', file: string, message: string) => void): Map<string, Set<string>> {
  const listings = new Map<string, Set<string>>();
  const find = nameMatcher([...source.files.keys()].filter((path) => !isPayloadPath(path)));
  for (const manifest of listed.filter((m) => m.kind === 'tag')) {
    const paths = new Set<string>();
    listings.set(manifest.file, paths);
    for (const entry of manifest.reading.files) {
      const file = find(entry.path);
      paths.add(file ?? entry.path);
      if (file === undefined) add('FILE_MISSING', entry.path, `listed in ${manifest.file} but not in the bag: a tag file was removed`);
      else {
        const outcome = reading.outcomes.get(file);
        if (outcome && !outcome.problem && outcome.digests[manifest.algorithm] !== entry.checksum) add('FILE_CHANGED', file, `its checksum does not match ${manifest.file}: the tag file was changed`);
      }
    }
  }
  return listings;
}

function readInfo(file: string, text: string | undefined, version: string, add: (code: 'BAG_INVALID', file: string, message: string) => void): [string, string][] {
  if (text === undefined) return [];
  const parsed = readBagInfo(text, version);
  for (const { line, message } of parsed.problems) add('BAG_INVALID', file, `line ${line} ${message}`);
  return parsed.fields;
}
