import { isDeepStrictEqual } from 'node:util';
import { parseDocument, type Document } from 'yaml';
import { UsageError } from '../errors.js';
import { editedData } from './yaml-edit-data.js';
import { reprintEdit } from './yaml-reprint.js';
import { spliceEdit } from './yaml-splice.js';

export type YamlScalar = string | number | boolean;

interface EditPlace {
  path: readonly string[];
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

export type YamlEdit = AppendEdit | SetEdit;

export interface EditYamlResult {
  text: string;
  /** True when the document was printed anew, losing its alignment and blank lines. */
  reprinted: boolean;
}

/**
 * The YAML text with one edit made: spliced in, so that every other line stays as it was, or,
 * for a layout the splice does not handle, the document printed anew. Whichever is used is
 * parsed back and must hold exactly the old data plus the edit; otherwise nothing is returned
 * but a UsageError, as a file that means something else must never be written. `parsed`, the
 * document already parsed from `text`, saves parsing it again; it may be changed.
 */
export function editYaml(text: string, edit: YamlEdit, parsed?: Document): EditYamlResult {
  const doc = parsed ?? parse(text);
  const intended = editedData(dataOf(doc), edit);
  const spliced = spliceEdit(text, doc, edit);
  if (spliced !== undefined && means(spliced, intended)) return { text: spliced, reprinted: false };
  // Last, as it changes the document.
  const printed = reprintEdit(text, doc, edit);
  if (printed !== undefined && means(printed, intended)) return { text: printed, reprinted: true };
  throw new UsageError(`svmc.yaml is laid out in a way this change cannot be written into safely: add ${edit.path.join(' → ')} by hand`);
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
