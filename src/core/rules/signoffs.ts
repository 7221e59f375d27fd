import { signoffFindings } from '../signing/signoff-findings.js';
import type { Rule } from './types.js';

/** SIGNOFF_MISSING, SIGNOFF_STALE, SIGNOFF_INVALID; judged only on an application that follows the schema. */
export const signoffs: Rule = (context) => {
  if (context.skipSignoffs || !context.schemaValid) return [];
  const { files } = context;
  return signoffFindings({
    dir: context.dir,
    data: context.data,
    locate: (path) => context.locate(path),
    // The files the other rules have just looked at: each is stat-ed once, and hashed only when changed.
    manifest: { resolver: files.resolver, fileCache: files.cache },
  });
};
