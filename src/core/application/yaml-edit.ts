import { isDeepStrictEqual } from 'node:util';
import { parseDocument, type Document } from 'yaml';
import { UsageError } from '../errors.js';
import { editedData } from './yaml-edit-data.js';
import { reprintEdit } from './yaml-reprint.js';
import { spliceEdits } from './yaml-splice.js';

export type YamlScalar = string | number | boolean;

/** A key of a map, or the index of an item in a list. */
export type YamlKey = string | number;

interface EditPlace {
  path: readonly YamlKey[];
  /** For each key of `path`, the order of its siblings: a new key goes before the first that comes later. */
  order?: readonly (readonly string[])[];
}

/** Appends items to the list at `path`, creating the maps and the list it needs. */
export interface AppendEdit extends EditPlace {
  /** Maps of scalars, such as evidence items. */
  append: readonly object[];
}

/** Sets the scalar at `path`, creating the maps it needs. */
export interface SetEdit extends EditPlace {
  set: YamlScalar;
}

/** Turns the list at `path` into a map: the scalars of `before`, then the list itself under `under`. */
interface NestEdit extends EditPlace {
  nest: { before: Readonly<Record<string, YamlScalar>>; under: string };
}

/** Removes the list item or map key at `path`, with its lines. */
interface RemoveEdit extends EditPlace {
  remove: true;
}

export type YamlEdit = AppendEdit | SetEdit | NestEdit | RemoveEdit;

export interface EditYamlResult {
  text: string;
  /** True when the document was printed anew, losing its alignment and blank lines. */
  reprinted: boolean;
}

/**
 * The YAML text with the edits made, in order: spliced in, so that every other line stays as it
 * was, or, for a layout the splice does not handle, the document printed anew. Whichever is used
 * is parsed back and must hold exactly the old data plus the edits; otherwise nothing is returned
 * but a UsageError, as a file that means something else must never be written. `parsed`, the
 * document already parsed from `text`, saves parsing it again; it may be changed. Edits of one
 * call name places as they are in `text`: a removed item's index is its index before any edit.
 */
export function editYaml(text: string, edits: YamlEdit | readonly YamlEdit[], parsed?: Document): EditYamlResult {
  const all = Array.isArray(edits) ? (edits as readonly YamlEdit[]) : [edits as YamlEdit];
  const doc = parsed ?? parse(text);
  const intended = inOrder(all).reduce<unknown>((data, edit) => editedData(data, edit), dataOf(doc));
  const spliced = spliceEdits(text, doc, all);
  if (spliced !== undefined && means(spliced, intended)) return { text: spliced, reprinted: false };
  if (all.length > 1) return oneByOne(text, all, intended);
  const edit = all[0]!;
  // Last, as it changes the document.
  const printed = reprintEdit(text, doc, edit);
  if (printed !== undefined && means(printed, intended)) return { text: printed, reprinted: true };
  throw new UsageError(`svmc.yaml is laid out in a way this change cannot be written into safely: change ${edit.path.join(' → ')} by hand`);
}

/** Removals last and from the end of each list, so that every index still names the item it named. */
function inOrder(edits: readonly YamlEdit[]): YamlEdit[] {
  const removals = edits.filter((edit) => 'remove' in edit);
  const rest = edits.filter((edit) => !('remove' in edit));
  const index = (edit: YamlEdit): number => (typeof edit.path.at(-1) === 'number' ? (edit.path.at(-1) as number) : -1);
  return [...rest, ...removals.sort((a, b) => index(b) - index(a))];
}

/** Edits whose splices could not be made together (two that create the same key, say), made one at a time. */
function oneByOne(text: string, edits: readonly YamlEdit[], intended: unknown): EditYamlResult {
  let result: EditYamlResult = { text, reprinted: false };
  for (const edit of inOrder(edits)) {
    const next = editYaml(result.text, edit);
    result = { text: next.text, reprinted: result.reprinted || next.reprinted };
  }
  if (!means(result.text, intended)) throw new UsageError('svmc.yaml is laid out in a way these changes cannot be written into safely: make them by hand');
  return result;
}

function parse(text: string): Document {
  return parseDocument(text, { uniqueKeys: true });
}

function dataOf(doc: Document): unknown {
  let problem = doc.errors[0]?.message.split('\n')[0];
  if (problem === undefined) {
    try {
      return doc.toJS();
    } catch (error) {
      // How the library refuses an alias bomb.
      problem = (error as Error).message;
    }
  }
  throw new UsageError(`svmc.yaml cannot be edited until it reads cleanly: ${problem} (see "svmc check")`);
}

function means(text: string, intended: unknown): boolean {
  const doc = parse(text);
  try {
    return doc.errors.length === 0 && isDeepStrictEqual(doc.toJS(), intended);
  } catch {
    return false;
  }
}
