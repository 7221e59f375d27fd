import { UsageError } from '../errors.js';
import { parseDay } from './dates.js';
import { editApplication, type EditOptions } from './edit-application.js';
import { evidenceRefs, text, type EvidenceRef } from './evidence-refs.js';
import { assertEditable, findCriterion } from './find-criterion.js';
import type { LoadedApplication } from './load.js';
import { normalisePath } from './paths.js';
import type { YamlEdit } from './yaml-edit.js';

/** The fields of an evidence item besides its file, in the order they are written. */
const FIELDS = ['summary', 'date', 'area', 'locator'] as const;
type ItemField = (typeof FIELDS)[number];

export interface EvidenceItemOptions extends EditOptions {
  /** The application folder. */
  dir: string;
  criterion: string;
  /** The item's file as svmc.yaml records it. */
  file: string;
}

export interface EditItemOptions extends EvidenceItemOptions {
  /** New values; an empty one removes the field, an absent one leaves it as it is. */
  fields: Partial<Record<ItemField, string>>;
}

export interface ItemEditResult {
  criterion: string;
  /** Something was written. */
  changed: boolean;
  reprinted: boolean;
}

/** Changes an evidence item's summary, date, area or locator in svmc.yaml, keeping its comments and layout. */
export async function editEvidenceItem(options: EditItemOptions): Promise<ItemEditResult> {
  const date = options.fields.date?.trim();
  if (date && !parseDay(date)) throw new UsageError(`the date ${date} is not a real date written YYYY-MM-DD`);
  const { result, reprinted } = await editApplication(
    options.dir,
    (loaded) => {
      const ref = itemOf(loaded, options);
      const edits: YamlEdit[] = [];
      for (const name of FIELDS) {
        const wanted = options.fields[name];
        if (wanted === undefined) continue;
        const after = wanted.trim();
        if (after === (text(ref.item[name])?.trim() ?? '')) continue;
        edits.push(after === '' ? { path: [...ref.path, name], remove: true } : { path: [...ref.path, name], set: after, order: orderFor(ref.path) });
      }
      return { edit: edits, result: { criterion: ref.criterion, changed: edits.length > 0 } };
    },
    options,
  );
  return { ...result, reprinted };
}

/** Removes an evidence item from its criterion in svmc.yaml; the file itself stays where it is. */
export async function removeEvidenceItem(options: EvidenceItemOptions): Promise<ItemEditResult> {
  const { result, reprinted } = await editApplication(
    options.dir,
    (loaded) => {
      const ref = itemOf(loaded, options);
      return { edit: { path: ref.path, remove: true }, result: { criterion: ref.criterion, changed: true } };
    },
    options,
  );
  return { ...result, reprinted };
}

function itemOf(loaded: LoadedApplication, options: EvidenceItemOptions): EvidenceRef {
  assertEditable(loaded);
  const criterion = findCriterion(loaded, options.criterion);
  const file = normalisePath(options.file);
  const ref = evidenceRefs(loaded.data).find((r) => r.criterion === criterion.id && normalisePath(r.item.file) === file);
  if (!ref) throw new UsageError(`${file} is not mapped to ${criterion.id}`);
  return ref;
}

/** A new field goes in its place among the item's keys: file first, then the fields in order. */
function orderFor(itemPath: readonly (string | number)[]): string[][] {
  return [...itemPath.map(() => []), ['file', ...FIELDS]];
}
