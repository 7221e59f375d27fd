import type { ApplicationDocument } from '../../core/application/open.js';
import type { Finding } from '../../core/findings.js';
import { anchor } from '../../report/ui/html.js';
import { findingTarget } from '../../report/ui/parts.js';

const ITEM_FIELDS = ['summary', 'date', 'area', 'locator'] as const;

/**
 * The field on the criteria page that fixes a finding on a criterion: its statement, the form
 * that adds evidence, or the evidence item (and the field of it) at the finding's line.
 */
export function criterionTargets(document: ApplicationDocument, findings: readonly Finding[]): (finding: Finding) => string {
  const items = new Map<string, { index: number; line: number; fields: Map<number, string> }[]>();
  for (const criterion of new Set(findings.flatMap((f) => (f.criterion ? [f.criterion] : [])))) {
    const refs = document.refs.filter((ref) => ref.criterion === criterion);
    items.set(
      criterion,
      refs.map((ref) => ({
        index: ref.index,
        line: document.locate(ref.path).line ?? 0,
        fields: new Map(ITEM_FIELDS.filter((name) => ref.item[name] !== undefined).map((name) => [document.locate([...ref.path, name]).line ?? 0, name])),
      })),
    );
  }
  return (finding) => {
    const criterion = finding.criterion;
    if (criterion === undefined) return findingTarget(finding);
    if (finding.code === 'STATEMENT_MISSING') return `#${anchor('st', criterion)}`;
    if (finding.code === 'CRITERION_MISSING_EVIDENCE') return `#${anchor('add', criterion, 'open')}`;
    const line = finding.location?.file === 'svmc.yaml' ? finding.location.line : undefined;
    const listed = items.get(criterion) ?? [];
    const item = line === undefined ? undefined : [...listed].reverse().find((i) => i.line <= line);
    if (!item) return `#${anchor('c', criterion)}`;
    const name = line === undefined ? undefined : item.fields.get(line);
    return `#${anchor('i', criterion, item.index)}${name ? `-${name}` : ''}`;
  };
}
