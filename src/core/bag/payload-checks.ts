import { findingAt, type Finding } from '../findings.js';
import { isPayloadPath } from './bag-paths.js';
import { isLitter } from './litter.js';
import type { ManifestReading } from './manifest-lines.js';
import { clashingNames, nameMatcher } from './match-names.js';
import type { ManifestFile } from './read-bag.js';
import type { ReadOutcome } from './source.js';

export interface ListedManifest extends ManifestFile {
  reading: ManifestReading;
}

interface PathState {
  listedIn: string[];
  missingIn: string[];
  changedIn: string[];
}

/**
 * The payload against every payload manifest: each listed file present with the listed checksum,
 * each payload file listed in every manifest (RFC 8493 §3). Unlisted litter and names that would
 * collide on another machine are warnings. Files still to be fetched are incomplete, not missing.
 */
export function checkPayload(files: ReadonlyMap<string, number>, outcomes: ReadonlyMap<string, ReadOutcome>, manifests: ListedManifest[], toFetch: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  const payload = [...files.keys()].filter(isPayloadPath);
  const find = nameMatcher(payload);
  const states = new Map<string, PathState>();
  const state = (path: string): PathState => {
    let found = states.get(path);
    if (!found) states.set(path, (found = { listedIn: [], missingIn: [], changedIn: [] }));
    return found;
  };
  for (const manifest of manifests) {
    for (const listed of manifest.reading.files) {
      const file = find(listed.path);
      if (file === undefined) {
        state(listed.path).missingIn.push(manifest.file);
        continue;
      }
      if (file !== listed.path) findings.push(findingAt('BAG_NAME_CLASH', file, `${manifest.file} lists it as ${listed.path}, the same name in another Unicode form: some systems will not find it`));
      state(file).listedIn.push(manifest.file);
      const outcome = outcomes.get(file);
      if (outcome && !outcome.problem && outcome.digests[manifest.algorithm] !== listed.checksum) state(file).changedIn.push(manifest.file);
    }
  }
  for (const [path, { missingIn, changedIn }] of states) {
    if (missingIn.length > 0 && toFetch.has(path)) continue;
    if (missingIn.length > 0) findings.push(findingAt('FILE_MISSING', path, `listed in ${both(missingIn)} but not in the bag: a file was removed`));
    if (changedIn.length > 0) findings.push(findingAt('FILE_CHANGED', path, `its checksum does not match ${both(changedIn)}: the file was changed`));
  }
  const all = manifests.map((m) => m.file);
  for (const path of payload) {
    const listedIn = states.get(path)?.listedIn ?? [];
    if (listedIn.length === 0 && isLitter(path)) findings.push(findingAt('BAG_LITTER', path, 'system litter that no manifest lists: passed over'));
    else if (listedIn.length === 0) findings.push(findingAt('FILE_EXTRA', path, `not listed in ${all.length > 1 ? 'any payload manifest' : (all[0] ?? 'a payload manifest')}: a file was added`));
    else if (listedIn.length < all.length) {
      findings.push(findingAt('BAG_INVALID', path, `listed in ${both(listedIn)} but not in ${both(all.filter((m) => !listedIn.includes(m)))}: every payload file is listed in every payload manifest`));
    }
  }
  for (const { names, by } of clashingNames(payload.filter((path) => !isLitter(path)))) {
    const how = by === 'case' ? 'only in upper and lower case' : 'only in their Unicode normalisation';
    findings.push(findingAt('BAG_NAME_CLASH', names[0]!, `${names.join(' and ')} differ ${how}: on macOS and Windows they become one file`));
  }
  return findings;
}

const both = (names: string[]): string => names.join(' and ');
