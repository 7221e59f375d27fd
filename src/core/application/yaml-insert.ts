import { isMap, isScalar, isSeq, type Document, type Node, type Pair, YAMLMap, YAMLSeq } from 'yaml';
import { UsageError } from '../errors.js';
import { keyText } from './locate.js';

/**
 * The block map under `key` in `map`, created when missing (or replacing an empty value), and
 * inserted before the first existing key that comes later in `order`, so stages and criteria
 * keep their natural order while everything already written stays where it is.
 */
export function childMap(doc: Document, map: YAMLMap, key: string, order: readonly string[]): YAMLMap {
  return child(doc, map, key, order, () => new YAMLMap(doc.schema), isMap) as YAMLMap;
}

export function childSeq(doc: Document, map: YAMLMap, key: string, order: readonly string[]): YAMLSeq {
  return child(doc, map, key, order, () => new YAMLSeq(doc.schema), isSeq) as YAMLSeq;
}

function child(
  doc: Document,
  map: YAMLMap,
  key: string,
  order: readonly string[],
  create: () => YAMLMap | YAMLSeq,
  fits: (node: unknown) => boolean,
): Node {
  const existing = map.items.find((pair) => keyText(pair.key) === key);
  if (existing && fits(existing.value)) return blockIfEmpty(existing.value as YAMLMap | YAMLSeq);
  if (existing && !isEmpty(existing.value)) {
    throw new UsageError(`"${key}" in svmc.yaml holds something other than ${fits === isMap ? 'a map' : 'a list'}: fix it first (see "svmc check")`);
  }
  const made = create();
  if (existing) {
    existing.value = made;
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
function blockIfEmpty(node: YAMLMap | YAMLSeq): YAMLMap | YAMLSeq {
  if (node.items.length === 0) node.flow = false;
  return node;
}

/** The document's top map, created for an empty document. */
export function rootMap(doc: Document): YAMLMap {
  if (isMap(doc.contents)) return doc.contents;
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    const map = new YAMLMap(doc.schema);
    doc.contents = map as unknown as typeof doc.contents;
    return map;
  }
  throw new UsageError('svmc.yaml is not a map of keys, so evidence cannot be added to it (see "svmc check")');
}
