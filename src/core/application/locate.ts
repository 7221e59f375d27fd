import type { Document, LineCounter, Node } from 'yaml';
import { yamlLibrary } from '../schema/libraries.js';
import type { FindingLocation } from '../findings.js';

export type YamlPath = readonly (string | number)[];

/** Where a path of keys and indexes sits in svmc.yaml (its nearest existing ancestor when missing); with `preferKey`, at the key. */
export type Locate = (path: YamlPath, options?: { preferKey?: boolean }) => FindingLocation;

interface Reached {
  node: unknown;
  /** Key node of the pair holding `node`, when `node` is a map value. */
  key?: Node;
  /** True when the whole path was found. */
  complete: boolean;
}

/** Follows a path of keys and indexes through the document, as far as it exists. */
function reach(doc: Document, path: YamlPath): Reached {
  const { isCollection, isMap, isScalar, isSeq } = yamlLibrary();
  let node: unknown = doc.contents;
  let key: Node | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(segment));
      if (!pair) return { node, key, complete: false };
      key = isScalar(pair.key) || isCollection(pair.key) ? pair.key : undefined;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) return { node, key, complete: false };
      key = undefined;
      node = item;
    } else {
      return { node, key, complete: false };
    }
  }
  return { node, key, complete: true };
}

export function keyText(key: unknown): string | undefined {
  if (yamlLibrary().isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

/**
 * Where a path sits in svmc.yaml: a scalar or flow value at its own position, a block map or list at
 * its key's line, a missing node at its nearest existing ancestor. With `preferKey`, at the key.
 */
export function locateIn(
  doc: Document,
  lineCounter: LineCounter,
  path: YamlPath,
  options: { preferKey?: boolean } = {},
): FindingLocation {
  const { isCollection, isScalar } = yamlLibrary();
  const { node, key, complete } = reach(doc, path);
  const flat = isScalar(node) || (isCollection(node) && node.flow === true);
  const target = (options.preferKey && complete) || !flat ? (key ?? node) : node;
  const offset = rangeStart(target) ?? rangeStart(node) ?? rangeStart(key) ?? 0;
  const { line, col } = lineCounter.linePos(offset);
  return { file: 'svmc.yaml', line, col };
}

function rangeStart(node: unknown): number | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: [number, number, number] | null }).range;
    return range ? range[0] : undefined;
  }
  return undefined;
}
