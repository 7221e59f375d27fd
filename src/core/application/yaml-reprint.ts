import { isMap, isScalar, isSeq, type Document, type Pair, YAMLMap, YAMLSeq } from 'yaml';
import { keyText } from './locate.js';
import type { YamlEdit } from './yaml-edit.js';
import { lineBreakOf } from './yaml-text.js';

/**
 * The edit made on the document, which is then printed anew: comments survive, but not the
 * file's alignment or blank lines. For layouts the splice does not handle; undefined when the
 * document's shape does not take the edit.
 */
export function reprintEdit(text: string, doc: Document, edit: YamlEdit): string | undefined {
  let node: YAMLMap | YAMLSeq | undefined = rootMap(doc);
  const last = edit.path.length - 1;
  for (let index = 0; index < last && node; index++) {
    const key = edit.path[index]!;
    const nextIsIndex = typeof edit.path[index + 1] === 'number';
    if (typeof key === 'number') {
      const item = isSeq(node) ? node.items[key] : undefined;
      node = isMap(item) || isSeq(item) ? blockIfEmpty(item) : undefined;
    } else if (isMap(node)) {
      node = nextIsIndex ? existing(node, key, isSeq) : child(doc, node, key, edit.order?.[index] ?? [], () => new YAMLMap(doc.schema), isMap);
    } else node = undefined;
  }
  if (!node) return undefined;
  const key = edit.path[last]!;
  if ('remove' in edit) {
    if (typeof key === 'number' && isSeq(node) && key < node.items.length) node.items.splice(key, 1);
    else if (typeof key === 'string' && isMap(node) && node.has(key)) node.delete(key);
    else return undefined;
  } else if (typeof key === 'number' || !isMap(node)) {
    return undefined;
  } else if ('set' in edit) {
    node.set(key, edit.set);
  } else if ('nest' in edit) {
    const list = existing(node, key, isSeq);
    if (!list) return undefined;
    const map = new YAMLMap(doc.schema);
    for (const [name, value] of Object.entries(edit.nest.before)) map.set(name, value);
    map.set(edit.nest.under, list);
    node.set(key, map);
  } else {
    const list = child(doc, node, key, edit.order?.[last] ?? [], () => new YAMLSeq(doc.schema), isSeq);
    if (!list) return undefined;
    for (const item of edit.append) list.add(doc.createNode(item));
  }
  const printed = doc.toString({ lineWidth: 0 });
  return lineBreakOf(text) === '\r\n' ? printed.replace(/\n/g, '\r\n') : printed;
}

function existing<T extends YAMLMap | YAMLSeq>(map: YAMLMap, key: string, fits: (node: unknown) => node is T): T | undefined {
  const value = map.items.find((pair) => keyText(pair.key) === key)?.value;
  return fits(value) ? value : undefined;
}

/**
 * The map or list under `key`, created when missing (or replacing an empty value), and inserted
 * before the first existing key that comes later in `order`, so stages and criteria keep their
 * natural order while everything already written stays where it is.
 */
function child<T extends YAMLMap | YAMLSeq>(
  doc: Document,
  map: YAMLMap,
  key: string,
  order: readonly string[],
  create: () => T,
  fits: (node: unknown) => node is T,
): T | undefined {
  const found = map.items.find((pair) => keyText(pair.key) === key);
  if (found && fits(found.value)) return blockIfEmpty(found.value);
  if (found && !isEmpty(found.value)) return undefined;
  const made = create();
  if (found) {
    found.value = made;
    return made;
  }
  const pair = doc.createPair(key, made) as Pair;
  const rank = order.indexOf(key);
  const later = rank < 0 ? -1 : map.items.findIndex((p) => order.indexOf(keyText(p.key) ?? '') > rank);
  if (later < 0) map.items.push(pair);
  else map.items.splice(later, 0, pair);
  return made;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (isScalar(value) && (value.value === null || value.value === ''));
}

/** `evidence: {}` as written by a template becomes a block map once it has content. */
function blockIfEmpty<T extends YAMLMap | YAMLSeq>(node: T): T {
  if (node.items.length === 0) node.flow = false;
  return node;
}

/** The document's top map, created for an empty document. */
function rootMap(doc: Document): YAMLMap | undefined {
  if (isMap(doc.contents)) return doc.contents;
  if (doc.contents !== null && !(isScalar(doc.contents) && doc.contents.value === null)) return undefined;
  const map = new YAMLMap(doc.schema);
  doc.contents = map as unknown as typeof doc.contents;
  return map;
}
