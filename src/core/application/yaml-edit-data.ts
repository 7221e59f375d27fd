import { UsageError } from '../errors.js';
import type { YamlEdit, YamlKey } from './yaml-edit.js';

type Data = Record<string, unknown>;
type Container = Data | unknown[];

/**
 * The data a document must hold after the edit: a copy of `data` with it applied. The one judge
 * of whether the edit fits the data at all; a value in the way is the user's to fix.
 */
export function editedData(data: unknown, edit: YamlEdit): Data {
  const root = isEmpty(data) ? {} : copy(data);
  if (!isMap(root)) throw new UsageError('svmc.yaml is not a map of keys, so it cannot be edited (see "svmc check")');
  let node: Container = root;
  edit.path.forEach((key, index) => {
    const value = get(node, key);
    if (index < edit.path.length - 1) {
      const next = edit.path[index + 1];
      if (typeof next === 'number') {
        if (!Array.isArray(value)) throw inTheWay(String(key), 'a list');
        node = value;
      } else if (isMap(value)) node = value;
      else if (isEmpty(value) && typeof key === 'string') node = put(node, key, {});
      else throw inTheWay(String(key), 'a map');
    } else if ('remove' in edit) {
      if (Array.isArray(node) && typeof key === 'number' && key < node.length) node.splice(key, 1);
      else if (isMap(node) && typeof key === 'string' && key in node) delete node[key];
      else throw new UsageError(`svmc.yaml has nothing at ${edit.path.join(' → ')} to remove`);
    } else if ('set' in edit) {
      put(node, key, edit.set);
    } else if ('nest' in edit) {
      if (!Array.isArray(value)) throw inTheWay(String(key), 'a list');
      put(node, key, { ...edit.nest.before, [edit.nest.under]: value });
    } else {
      if (!Array.isArray(value) && !isEmpty(value)) throw inTheWay(String(key), 'a list');
      put(node, key, [...(Array.isArray(value) ? value : []), ...edit.append.map(copy)]);
    }
  });
  return root;
}

function get(node: Container, key: YamlKey): unknown {
  return Array.isArray(node) ? (typeof key === 'number' ? node[key] : undefined) : node[String(key)];
}

function put<T>(node: Container, key: YamlKey, value: T): T {
  if (Array.isArray(node)) {
    if (typeof key !== 'number' || key >= node.length) throw new UsageError(`svmc.yaml has no item ${key} there to change`);
    node[key] = value;
  } else node[String(key)] = value;
  return value;
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
