import { criterionEdits } from '../application/criterion-edits.js';
import { parseDay } from '../application/dates.js';
import { criterionEntries, evidenceRefs, text } from '../application/evidence-refs.js';
import { findCriterion, editedCatalogue, assertEditable } from '../application/find-criterion.js';
import type { LoadedApplication } from '../application/load.js';
import { normalisePath, pathTextProblem } from '../application/paths.js';
import type { EvidenceItem } from '../application/types.js';
import { cleanStatement } from '../application/write-statement.js';
import type { YamlEdit } from '../application/yaml-edit.js';
import type { Criterion } from '../catalogue/types.js';
import { InvalidInputError } from '../errors.js';
import { ITEM_FIELDS } from './columns.js';
import type { ReadRow } from './read.js';

/** One change the import makes, as it is shown before it is made. */
export interface RegisterChange {
  kind: 'add' | 'update' | 'remove' | 'statement';
  criterion: string;
  file?: string;
  /** For an update: field → [before, after]; '' is absent. */
  fields?: Record<string, [string, string]>;
}

/** Rows that cannot be imported, each with its row number; nothing is written. */
export class RegisterRowsError extends InvalidInputError {
  override name = 'RegisterRowsError';
  constructor(
    message: string,
    readonly problems: { row: number; problem: string }[],
  ) {
    super(message);
  }
}

interface Wanted {
  row: number;
  criterion: Criterion;
  file: string;
  fields: Record<(typeof ITEM_FIELDS)[number], string>;
}

/** The rows checked and turned into what svmc.yaml should hold, or every bad row. */
function wantedRows(loaded: LoadedApplication, header: string[], rows: ReadRow[], name: string): { items: Wanted[]; statements: Map<Criterion, { row: number; text: string }> } {
  for (const column of ['criterion', 'file']) {
    if (!header.includes(column)) throw new InvalidInputError(`${name} has no "${column}" column: its first row must name the columns (export one with "svmc evidence export" to see them)`);
  }
  const problems: { row: number; problem: string }[] = [];
  const items: Wanted[] = [];
  const seen = new Map<string, number>();
  const statements = new Map<Criterion, { row: number; text: string }>();
  for (const { row, cells } of rows) {
    const bad = (problem: string): void => {
      problems.push({ row, problem });
    };
    let criterion: Criterion;
    try {
      criterion = findCriterion(loaded, cells.criterion ?? '');
    } catch (error) {
      bad(cells.criterion ? (error as Error).message : 'the criterion is empty');
      continue;
    }
    const stage = cells.stage ?? '';
    if (stage !== '' && stage !== criterion.stage) bad(`${criterion.id} is in stage ${criterion.stage}, not ${stage}`);
    const raw = cells.file ?? '';
    const problem = raw === '' ? 'the file is empty' : pathTextProblem(raw);
    if (problem) {
      bad(raw === '' ? problem : `the file ${raw} ${problem}`);
      continue;
    }
    const file = normalisePath(raw);
    const key = `${criterion.id}\n${file}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) bad(`${file} is listed under ${criterion.id} already, in row ${earlier}`);
    seen.set(key, row);
    const date = cells.date ?? '';
    if (date !== '' && !parseDay(date)) bad(`the date ${date} is not a real date written YYYY-MM-DD`);
    const written = (cells.statement ?? '').trim();
    let statement = '';
    try {
      statement = written === '' ? '' : cleanStatement(written);
    } catch (error) {
      bad(`its statement cannot be used: ${(error as Error).message}`);
    }
    // The statement repeats on every row of its criterion; rows that disagree leave no way to tell which is meant.
    if (statement !== '') {
      const other = statements.get(criterion);
      if (other && other.text !== statement) bad(`its statement for ${criterion.id} differs from the one in row ${other.row}: give the criterion's rows the same statement (or leave all but one empty)`);
      else if (!other) statements.set(criterion, { row, text: statement });
    }
    items.push({ row, criterion, file, fields: { summary: cells.summary ?? '', date, area: cells.area ?? '', locator: cells.locator ?? '' } });
  }
  if (problems.length > 0) throw new RegisterRowsError(`${name}: ${problems.length} row${problems.length === 1 ? '' : 's'} cannot be imported; svmc.yaml is unchanged`, problems);
  return { items, statements };
}

/**
 * What importing the register into svmc.yaml changes: items added, their summary, date, area and
 * locator updated (an empty cell removes the field), statements set (an empty cell keeps the
 * one there), and with `prune` the items the register no longer lists removed.
 */
export function planRegisterImport(loaded: LoadedApplication, header: string[], rows: ReadRow[], options: { prune: boolean; name: string }): { changes: RegisterChange[]; edits: YamlEdit[] } {
  assertEditable(loaded);
  const { items, statements } = wantedRows(loaded, header, rows, options.name);
  const catalogue = editedCatalogue(loaded);
  const existing = evidenceRefs(loaded.data);
  const byKey = new Map(existing.map((ref) => [`${ref.criterion}\n${normalisePath(ref.item.file)}`, ref]));
  const changes: RegisterChange[] = [];
  const edits: YamlEdit[] = [];
  const added = new Map<Criterion, EvidenceItem[]>();
  const listed = new Set<string>();
  for (const wanted of items) {
    const key = `${wanted.criterion.id}\n${wanted.file}`;
    listed.add(key);
    const ref = byKey.get(key);
    if (!ref) {
      const item: EvidenceItem = { file: wanted.file };
      for (const name of ITEM_FIELDS) if (wanted.fields[name] !== '') item[name] = wanted.fields[name];
      added.set(wanted.criterion, [...(added.get(wanted.criterion) ?? []), item]);
      changes.push({ kind: 'add', criterion: wanted.criterion.id, file: wanted.file });
      continue;
    }
    const fields: Record<string, [string, string]> = {};
    for (const name of ITEM_FIELDS) {
      const before = text(ref.item[name]) ?? '';
      const after = wanted.fields[name];
      if (before === after) continue;
      fields[name] = [before, after];
      edits.push(after === '' ? { path: [...ref.path, name], remove: true } : { path: [...ref.path, name], set: after });
    }
    if (Object.keys(fields).length > 0) changes.push({ kind: 'update', criterion: ref.criterion, file: ref.item.file, fields });
  }
  const current = new Map(criterionEntries(loaded.data).map(({ criterion, entry }) => [criterion, entry.statement ?? '']));
  const criteria = new Set<Criterion>([...added.keys(), ...statements.keys()]);
  for (const criterion of criteria) {
    const statement = statements.get(criterion)?.text;
    const change = statement !== undefined && statement !== current.get(criterion.id);
    if (change) changes.push({ kind: 'statement', criterion: criterion.id, fields: { statement: [current.get(criterion.id) ?? '', statement] } });
    edits.push(...criterionEdits(loaded.data, criterion, catalogue, { items: added.get(criterion) ?? [], ...(change ? { statement } : {}) }));
  }
  if (options.prune) {
    for (const ref of existing) {
      if (listed.has(`${ref.criterion}\n${normalisePath(ref.item.file)}`)) continue;
      changes.push({ kind: 'remove', criterion: ref.criterion, file: ref.item.file });
      edits.push({ path: ref.path, remove: true });
    }
  }
  return { changes, edits: edits.filter((edit) => !('append' in edit) || edit.append.length > 0) };
}
