import { targetFindings } from './file-targets.js';
import type { Rule } from './types.js';

/** EVIDENCE_PATH_OUTSIDE: absolute paths, `..`, `\`, URLs, NUL, symlinks that lead out. */
export const evidencePaths: Rule = (context) =>
  targetFindings(context, 'EVIDENCE_PATH_OUTSIDE', (target, state) =>
    state.kind === 'outside'
      ? `"${target.file}" ${state.reason}. Keep every file inside the application folder (e.g. under evidence/) and write its path relative to it.`
      : undefined,
  );
