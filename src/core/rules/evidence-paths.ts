import { finding, type Finding } from '../findings.js';
import { criterionOf, fileTargets, targetPath } from './file-targets.js';
import type { Rule } from './types.js';

/** EVIDENCE_PATH_OUTSIDE: absolute paths, `..`, `\`, URLs, NUL, symlinks that lead out. */
export const evidencePaths: Rule = (context) => {
  const targets = fileTargets(context);
  const states = targets.map((t) => context.files.inspect(t.file));
  const findings: Finding[] = [];
  states.forEach((state, i) => {
    const target = targets[i]!;
    if (state.kind !== 'outside') return;
    const message = `"${target.file}" ${state.reason}. Keep every file inside the application folder (e.g. under evidence/) and write its path relative to it.`;
    findings.push(finding('EVIDENCE_PATH_OUTSIDE', message, { location: context.locate(targetPath(target)), ...criterionOf(target) }));
  });
  return findings;
};
