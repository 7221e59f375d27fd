import { evidenceTree } from '../application/evidence-tree.js';
import { normalisePath } from '../application/paths.js';
import { finding } from '../findings.js';
import { fileTargets } from './file-targets.js';
import type { Rule } from './types.js';

/** EVIDENCE_UNMAPPED (warning): files under evidence/ that no criterion uses. Hidden files are ignored. */
export const evidenceUnmapped: Rule = (context) => {
  const { files } = evidenceTree(context.dir);
  const mapped = new Set(fileTargets(context).map((t) => normalisePath(t.file)));
  return files
    .filter((file) => !mapped.has(file))
    .sort()
    .map((file) =>
      finding('EVIDENCE_UNMAPPED', `${file} is not mapped to any criterion: map it with "svmc map CRITERION ${file}", or move it out of evidence/.`, {
        location: { file },
      }),
    );
};
