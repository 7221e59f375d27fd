import { targetFindings } from './file-targets.js';
import type { Rule } from './types.js';

/** EVIDENCE_SECRET: a private key or token inside a file that would go into the pack. */
export const evidenceSecrets: Rule = (context) =>
  targetFindings(context, 'EVIDENCE_SECRET', (target, state) =>
    state.kind === 'ok' && state.secret
      ? `${target.file} holds ${state.secret}: take the secret out of the file (and replace the key, as it may have been shared) before it goes into a pack.`
      : undefined,
  );
