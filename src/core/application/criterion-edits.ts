import type { Catalogue, Criterion } from '../catalogue/types.js';
import { STAGES } from '../domain.js';
import { criterionEntry, criterionListPath, field } from './evidence-refs.js';
import type { ApplicationData, EvidenceItem } from './types.js';
import type { YamlEdit } from './yaml-edit.js';

/** The keys of a criterion written with its statement, in the order they are written. */
const FORM_KEYS = ['statement', 'evidence'];

/** Where new keys go: stages in cycle order, criteria in catalogue order, statement before evidence. */
function evidenceOrder(catalogue: Catalogue): string[][] {
  return [[], [...STAGES], catalogue.criteria.map((c) => c.id), FORM_KEYS];
}

/**
 * The edits that add `items` to a criterion and, when `statement` is given and differs, set its
 * statement: a list becomes `{statement, evidence}`, and an absent criterion is written that way.
 */
export function criterionEdits(data: ApplicationData | undefined, criterion: Criterion, catalogue: Catalogue, change: { items?: EvidenceItem[]; statement?: string }): YamlEdit[] {
  const { stage, id } = criterion;
  const value = field(data, 'evidence', stage, id);
  const entry = criterionEntry(value);
  const order = evidenceOrder(catalogue);
  const items = change.items ?? [];
  const statement = change.statement !== undefined && change.statement !== entry.statement ? change.statement : undefined;
  const edits: YamlEdit[] = [];
  const listed = Array.isArray(value) && value.length > 0;
  if (statement === undefined || entry.nested || listed) {
    if (items.length > 0) edits.push({ path: criterionListPath(stage, id, entry.nested), append: items, order });
    if (statement === undefined) return edits;
    if (listed) edits.push({ path: ['evidence', stage, id], nest: { before: { statement }, under: 'evidence' }, order });
    else edits.push({ path: ['evidence', stage, id, 'statement'], set: statement, order });
    return edits;
  }
  // Absent or empty: written at once with its statement.
  edits.push({ path: ['evidence', stage, id, 'statement'], set: statement, order });
  if (items.length > 0) edits.push({ path: criterionListPath(stage, id, true), append: items, order });
  return edits;
}
