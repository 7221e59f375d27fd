import { normalisePath } from '../application/paths.js';
import { finding } from '../findings.js';
import { fileTargets } from './file-targets.js';
import type { Rule, RuleContext } from './types.js';

const known = new WeakMap<RuleContext, string[]>();

/** Files under evidence/ that svmc.yaml names nowhere, sorted; hidden files are ignored. Worked out once per check. */
export function unmappedFiles(context: RuleContext): string[] {
  let unmapped = known.get(context);
  if (!unmapped && context.asPacked) unmapped = [];
  if (!unmapped) {
    const mapped = new Set(fileTargets(context).map((t) => normalisePath(t.file)));
    unmapped = context.files.tree('evidence').files.filter((file) => !mapped.has(file)).sort();
    known.set(context, unmapped);
  }
  return unmapped;
}

/** EVIDENCE_UNMAPPED (warning): files under evidence/ that no criterion uses. */
export const evidenceUnmapped: Rule = (context) =>
  unmappedFiles(context).map((file) =>
      finding('EVIDENCE_UNMAPPED', `${file} is not mapped to any criterion: map it with "svmc map CRITERION ${file}", or move it out of evidence/.`, {
      location: { file },
    }),
  );
