import { isLevel } from '../domain.js';
import { UsageError } from '../errors.js';
import { parseDay } from './dates.js';
import { editApplication, type EditOptions } from './edit-application.js';
import { field } from './evidence-refs.js';
import { assertEditable } from './find-criterion.js';
import { pathTextProblem } from './paths.js';
import type { YamlEdit, YamlScalar } from './yaml-edit.js';

type Kind = 'text' | 'day' | 'level' | 'flag' | 'path';

/** The details of an application a form may set, by their place in svmc.yaml. */
export const DETAIL_FIELDS = {
  'applicant.organisation': 'text',
  'applicant.scope': 'text',
  'applicant.programme': 'text',
  'applicant.membership.network': 'text',
  'applicant.membership.number': 'text',
  'applicant.membership.size': 'text',
  'application.level': 'level',
  'application.renewal': 'flag',
  'application.preparationCall': 'day',
  'application.termsAndConditions': 'path',
  'representatives.lead.name': 'text',
  'representatives.lead.email': 'text',
  'representatives.lead.role': 'text',
  'representatives.senior.name': 'text',
  'representatives.senior.email': 'text',
  'representatives.senior.role': 'text',
} as const satisfies Record<string, Kind>;

export type DetailField = keyof typeof DETAIL_FIELDS;

/** A previous award as a form gives it; `remove` drops a listed one. */
export interface AwardRow {
  level: string;
  awarded: string;
  reference: string;
  remove?: boolean;
}

export interface EditDetailsOptions extends EditOptions {
  dir: string;
  /** New values by field; an empty one removes the field, an absent one leaves it. */
  values: Partial<Record<DetailField, string>>;
  /** The previous awards in their order: those listed first, then any new ones. */
  awards?: AwardRow[];
}

/** Where a new key goes among its siblings, at each depth of svmc.yaml. */
const KEY_ORDER: Record<string, string[]> = {
  '': ['svmc', 'catalogue', 'applicant', 'application', 'representatives', 'evidence'],
  applicant: ['organisation', 'scope', 'programme', 'membership'],
  'applicant.membership': ['network', 'number', 'size'],
  application: ['level', 'renewal', 'preparationCall', 'termsAndConditions', 'previousAwards', 'fee'],
  representatives: ['lead', 'senior'],
  'representatives.lead': ['name', 'email', 'role', 'publicKey'],
  'representatives.senior': ['name', 'email', 'role', 'publicKey'],
};
const AWARD_KEYS = ['level', 'awarded', 'reference'];

/**
 * Sets the application's details in svmc.yaml from a form, through the same comment- and
 * layout-keeping edit as the commands. Values of the wrong kind are refused before anything is
 * written; what the schema and the rules say of the rest, `svmc check` tells.
 */
export async function editDetails(options: EditDetailsOptions): Promise<{ changed: number; reprinted: boolean }> {
  const { result, reprinted } = await editApplication(
    options.dir,
    (loaded) => {
      assertEditable(loaded);
      const edits: YamlEdit[] = [];
      for (const [name, given] of Object.entries(options.values) as [DetailField, string][]) {
        const path = name.split('.');
        const before = field(loaded.data, ...path);
        const value = scalarOf(name, given.trim());
        if (value === undefined) {
          if (before !== undefined) edits.push({ path, remove: true });
        } else if (before !== value) edits.push({ path, set: value, order: orderOf(path) });
      }
      edits.push(...awardEdits(field(loaded.data, 'application', 'previousAwards'), options.awards ?? []));
      return { edit: edits, result: edits.length };
    },
    options,
  );
  return { changed: result, reprinted };
}

function scalarOf(name: DetailField, value: string): YamlScalar | undefined {
  const kind: Kind = DETAIL_FIELDS[name];
  if (kind === 'flag') return value === 'true' ? true : undefined;
  if (value === '') return undefined;
  if (kind === 'level') {
    const level = Number(value);
    if (!isLevel(level)) throw new UsageError(`the level must be 1, 2 or 3, not ${value}`);
    return level;
  }
  if (kind === 'day' && !parseDay(value)) throw new UsageError(`${value} is not a real date written YYYY-MM-DD`);
  if (kind === 'path') {
    const problem = pathTextProblem(value);
    if (problem) throw new UsageError(`the file ${value} ${problem}`);
  }
  return value;
}

function orderOf(path: readonly string[]): string[][] {
  return path.map((_, depth) => KEY_ORDER[path.slice(0, depth).join('.')] ?? []);
}

function awardEdits(listed: unknown, rows: AwardRow[]): YamlEdit[] {
  const existing = Array.isArray(listed) ? listed : [];
  const edits: YamlEdit[] = [];
  const added: Record<string, YamlScalar>[] = [];
  rows.forEach((row, index) => {
    const level = row.level.trim() === '' ? undefined : Number(row.level);
    if (level !== undefined && !isLevel(level)) throw new UsageError(`a previous award's level must be 1, 2 or 3, not ${row.level}`);
    if (row.awarded.trim() !== '' && !parseDay(row.awarded.trim())) throw new UsageError(`${row.awarded} is not a real date written YYYY-MM-DD`);
    const wanted: Record<string, YamlScalar> = {};
    if (level !== undefined) wanted.level = level;
    if (row.awarded.trim() !== '') wanted.awarded = row.awarded.trim();
    if (row.reference.trim() !== '') wanted.reference = row.reference.trim();
    if (index >= existing.length) {
      if (!row.remove && Object.keys(wanted).length > 0) added.push(wanted);
      return;
    }
    const path = ['application', 'previousAwards', index];
    if (row.remove) {
      edits.push({ path, remove: true });
      return;
    }
    const before = (existing[index] ?? {}) as Record<string, unknown>;
    for (const key of AWARD_KEYS) {
      if (wanted[key] === before[key]) continue;
      if (wanted[key] === undefined) edits.push({ path: [...path, key], remove: true });
      else edits.push({ path: [...path, key], set: wanted[key], order: [[], [], [], AWARD_KEYS] });
    }
  });
  if (added.length > 0) edits.push({ path: ['application', 'previousAwards'], append: added, order: orderOf(['application', 'previousAwards']) });
  return edits;
}
