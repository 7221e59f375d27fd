import { finding, type Finding } from '../findings.js';
import { criterionOf, fileTargets, targetPath } from './file-targets.js';
import type { Rule } from './types.js';

/** EVIDENCE_SECRET: a private key or token inside a file that would go into the pack. */
export const evidenceSecrets: Rule = (context) => {
  const targets = fileTargets(context);
  const states = targets.map((t) => context.files.inspect(t.file));
  const findings: Finding[] = [];
  states.forEach((state, i) => {
    const target = targets[i]!;
    if (state.kind !== 'ok' || !state.secret) return;
    const message = `${target.file} holds ${state.secret}: take the secret out of the file (and replace the key, as it may have been shared) before it goes into a pack.`;
    findings.push(finding('EVIDENCE_SECRET', message, { location: context.locate(targetPath(target)), ...criterionOf(target) }));
  });
  return findings;
};
