import { normalisePath, pathTextProblem, unportableName } from '../application/paths.js';
import { finding, type Finding } from '../findings.js';
import { TERMS_PATH, fileTargets, type FileTarget } from './file-targets.js';
import type { Rule } from './types.js';

/** How two names that Windows or macOS would take for the same file compare. */
const collisionKey = (path: string): string => path.normalize('NFC').toLowerCase();

/**
 * EVIDENCE_NAME_UNPORTABLE: a file that would go into the pack under a name another system cannot
 * extract intact, or under a name equal to another's but for case or Unicode normalisation.
 */
export const evidenceNames: Rule = (context) => {
  const findings: Finding[] = [];
  const seen = new Map<string, string>();
  const report = (target: FileTarget, message: string): void => {
    const location = context.locate(target.ref ? [...target.ref.path, 'file'] : TERMS_PATH);
    findings.push(finding('EVIDENCE_NAME_UNPORTABLE', message, { location, ...(target.criterion ? { criterion: target.criterion } : {}) }));
  };
  for (const target of fileTargets(context)) {
    if (pathTextProblem(target.file)) continue;
    const path = normalisePath(target.file);
    const problem = unportableName(path);
    if (problem) {
      report(target, `${JSON.stringify(path)} ${problem}: rename the file and its entry in svmc.yaml, so the assessor can unzip it.`);
      continue;
    }
    const key = collisionKey(path);
    const other = seen.get(key);
    if (other !== undefined && other !== path) {
      report(target, `${JSON.stringify(path)} and ${JSON.stringify(other)} differ only in case or accents' encoding: on Windows or a Mac they would be one file; rename one of them.`);
    } else {
      seen.set(key, path);
    }
  }
  return findings;
};
