import { BAG_FILES } from '../bag/layout.js';
import { parseBagInfo, parseBagManifest } from '../bag/bag-text.js';
import type { EntryDigest } from '../zip/entry-reader.js';
import type { FindingCode } from '../findings.js';
import { packFinding, type BagSummary, type VerifyProblem } from './types.js';

/** What the bag check needs of each file: its digest and, for tag files, its text. */
export type BagFiles = Map<string, EntryDigest>;

const text = (files: BagFiles, name: string): string | undefined => files.get(name)?.head.toString('utf8');

/**
 * RFC 8493 completeness and validity: the declaration, every payload file listed and matching,
 * nothing unlisted, Payload-Oxum, and every tag file covered by the tag manifest.
 */
export function checkBag(files: BagFiles, problems: VerifyProblem[]): Omit<BagSummary, 'name'> {
  const add = (code: FindingCode, file: string, problem: string): void => void problems.push(packFinding(code, file, problem));
  const payload = [...files].filter(([name]) => name.startsWith('data/'));
  const summary: Omit<BagSummary, 'name'> = {
    files: files.size,
    payloadFiles: payload.length,
    payloadBytes: payload.reduce((sum, [, digest]) => sum + digest.size, 0),
    draft: false,
    info: {},
  };

  const declaration = text(files, BAG_FILES.declaration);
  if (declaration === undefined) add('BAG_INVALID', BAG_FILES.declaration, 'missing: the zip is not a BagIt bag');
  else {
    const fields = Object.fromEntries(parseBagInfo(declaration).fields);
    const version = fields['BagIt-Version'];
    if (version !== undefined) summary.bagitVersion = version;
    if (version !== '1.0') add('BAG_INVALID', BAG_FILES.declaration, `BagIt-Version is ${version ?? 'missing'}, not 1.0`);
    if (fields['Tag-File-Character-Encoding']?.toUpperCase() !== 'UTF-8') add('BAG_INVALID', BAG_FILES.declaration, 'Tag-File-Character-Encoding is not UTF-8');
  }

  const info = text(files, BAG_FILES.info);
  if (info === undefined) add('BAG_INVALID', BAG_FILES.info, 'missing');
  else {
    const parsed = parseBagInfo(info);
    for (const line of parsed.malformed) add('BAG_INVALID', BAG_FILES.info, `line ${line} is not "Label: value"`);
    summary.info = Object.fromEntries(parsed.fields);
    summary.draft = summary.info['SVMC-Draft'] === 'true';
    const oxum = summary.info['Payload-Oxum'];
    if (oxum !== undefined) summary.payloadOxum = oxum;
    const actual = `${summary.payloadBytes}.${summary.payloadFiles}`;
    if (oxum === undefined) add('BAG_INVALID', BAG_FILES.info, 'Payload-Oxum is missing');
    else if (oxum !== actual) add('BAG_INVALID', BAG_FILES.info, `Payload-Oxum is ${oxum}, but the payload holds ${actual} (octets.files)`);
  }

  checkManifest(files, BAG_FILES.manifest, (name) => name.startsWith('data/'), 'payload', add);
  checkManifest(files, BAG_FILES.tagManifest, (name) => !name.startsWith('data/') && name !== BAG_FILES.tagManifest, 'tag', add);
  return summary;
}

function checkManifest(
  files: BagFiles,
  manifest: string,
  covers: (name: string) => boolean,
  kind: 'payload' | 'tag',
  add: (code: FindingCode, file: string, problem: string) => void,
): void {
  const content = text(files, manifest);
  if (content === undefined) {
    add('BAG_INVALID', manifest, 'missing');
    return;
  }
  const { lines, malformed } = parseBagManifest(content);
  for (const line of malformed) add('BAG_INVALID', manifest, `line ${line} is not "<sha256>  <path>"`);
  const listed = new Set<string>();
  for (const { line, sha256, path } of lines) {
    if (listed.has(path)) add('BAG_INVALID', manifest, `line ${line} lists ${path} a second time`);
    listed.add(path);
    if (!covers(path)) {
      add('BAG_INVALID', manifest, `line ${line} lists ${path}, which is not a ${kind} file`);
      continue;
    }
    const digest = files.get(path);
    if (!digest) add('FILE_MISSING', path, `listed in ${manifest} but missing from the pack`);
    else if (!digest.problem && digest.sha256 !== sha256) add('FILE_CHANGED', path, `its SHA-256 does not match ${manifest}: the file was changed`);
  }
  for (const name of files.keys()) {
    if (covers(name) && !listed.has(name)) add('FILE_EXTRA', name, `not listed in ${manifest}: a file was added`);
  }
}
