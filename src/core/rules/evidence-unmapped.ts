import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { normalisePath } from '../application/paths.js';
import { finding } from '../findings.js';
import { fileTargets } from './file-targets.js';
import type { Rule } from './types.js';

/** EVIDENCE_UNMAPPED (warning): files under evidence/ that no criterion uses. Hidden files are ignored. */
export const evidenceUnmapped: Rule = async (context) => {
  const root = join(context.dir, 'evidence');
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  const mapped = new Set(fileTargets(context).map((t) => normalisePath(t.file)));
  return entries
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => ['evidence', ...relative(root, join(entry.parentPath, entry.name)).split(sep)])
    .filter((parts) => !parts.some((part) => part.startsWith('.')))
    .map((parts) => parts.join('/'))
    .filter((file) => !mapped.has(file))
    .sort()
    .map((file) =>
      finding('EVIDENCE_UNMAPPED', `${file} is not mapped to any criterion: map it with "svmc map CRITERION ${file}", or move it out of evidence/.`, {
        location: { file },
      }),
    );
};
