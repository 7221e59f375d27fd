import { signoffFindings } from '../signing/signoff-findings.js';
import type { Rule } from './types.js';

/** SIGNOFF_MISSING, SIGNOFF_STALE, SIGNOFF_INVALID; judged only on an application that follows the schema. */
export const signoffs: Rule = (context) => {
  if (context.skipSignoffs || !context.schemaValid) return [];
  return signoffFindings({ dir: context.dir, data: context.data, locate: (path) => context.locate(path) });
};
