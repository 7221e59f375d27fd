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
  let map = rootMap(doc);
  const last = edit.path.length - 1;
  for (let index = 0; index < last && map; index++) {
    map = child(doc, map, edit.path[index]!, edit.order?.[index] ?? [], () => new YAMLMap(doc.schema), isMap);
  }
  if (!map) return undefined;
  if ('set' in edit) {
    map.set(edit.path[last], edit.set);
  } else {
    const list = child(doc, map, edit.path[last]!, edit.order?.[last] ?? [], () => new YAMLSeq(doc.schema), isSeq);
    if (!list) return undefined;
    for (const item of edit.append) list.add(doc.createNode(item));
  }
  const printed = doc.toString({ lineWidth: 0 });
  return lineBreakOf(text) === '\r\n' ? printed.replace(/\n/g, '\r\n') : printed;
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
  const existing = map.items.find((pair) => keyText(pair.key) === key);
  if (existing && fits(existing.value)) return blockIfEmpty(existing.value);
  if (existing && !isEmpty(existing.value)) return undefined;
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
