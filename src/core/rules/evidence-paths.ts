import { finding } from '../findings.js';
import { inspectedTargets } from './file-targets.js';
import type { Rule } from './types.js';

/** EVIDENCE_PATH_OUTSIDE: absolute paths, `..`, `\`, URLs, NUL, symlinks that lead out. */
export const evidencePaths: Rule = (context) =>
  inspectedTargets(context).flatMap(({ target, state, where }) =>
    state.kind === 'outside'
      ? [finding('EVIDENCE_PATH_OUTSIDE', `"${target.file}" ${state.reason}. Keep every file inside the application folder (e.g. under evidence/) and write its path relative to it.`, where())]
      : [],
  );
