import { UsageError } from '../errors.js';
import type { YamlEdit } from './yaml-edit.js';

type Data = Record<string, unknown>;

/**
 * The data a document must hold after the edit: a copy of `data` with it applied. The one judge
 * of whether the edit fits the data at all; a value in the way is the user's to fix.
 */
export function editedData(data: unknown, edit: YamlEdit): Data {
  const root = isEmpty(data) ? {} : copy(data);
  if (!isMap(root)) throw new UsageError('svmc.yaml is not a map of keys, so it cannot be edited (see "svmc check")');
  let map = root;
  edit.path.forEach((key, index) => {
    const value = map[key];
    if (index < edit.path.length - 1) {
      if (!isMap(value) && !isEmpty(value)) throw inTheWay(key, 'a map');
      map = isMap(value) ? value : (map[key] = {});
    } else if ('set' in edit) {
      map[key] = edit.set;
    } else {
      if (!Array.isArray(value) && !isEmpty(value)) throw inTheWay(key, 'a list');
      map[key] = [...(Array.isArray(value) ? value : []), ...edit.append.map(copy)];
    }
  });
  return root;
}

function inTheWay(key: string, wanted: string): UsageError {
  return new UsageError(`"${key}" in svmc.yaml holds something other than ${wanted}: fix it first (see "svmc check")`);
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

function isMap(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy that shares nothing, so an edit through a YAML alias shows up as a difference. */
function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (isMap(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)])) as T;
  return value;
}
