import type { FindingLocation } from '../findings.js';
import type { Locate, YamlPath } from './locate.js';

/** Locations of the shallow paths of svmc.yaml, "path|k" for the key variant, kept in the parse cache. */
export type LocationTable = Record<string, [line: number, col: number]>;

const EVIDENCE_DEPTH = 3;
const OTHER_DEPTH = 4;

function children(node: unknown): [string | number, unknown][] {
  if (Array.isArray(node)) return node.map((v, i) => [i, v]);
  if (node !== null && typeof node === 'object') return Object.entries(node);
  return [];
}

const depthLimit = (path: YamlPath): number => (path[0] === 'evidence' ? EVIDENCE_DEPTH : OTHER_DEPTH);

/** Every path down to the stage's criteria (evidence) or four levels (the rest). */
export function buildLocationTable(data: unknown, locate: Locate): LocationTable {
  const table: LocationTable = {};
  const visit = (node: unknown, path: (string | number)[]): void => {
    for (const preferKey of [false, true]) {
      const { line = 1, col = 1 } = locate(path, { preferKey });
      table[`${JSON.stringify(path)}|${preferKey ? 'k' : ''}`] = [line, col];
    }
    if (path.length < depthLimit(path) || path.length === 0) {
      for (const [key, value] of children(node)) visit(value, [...path, key]);
    }
  };
  visit(data, []);
  return table;
}

/** The location from the table, or undefined when only the full document can tell. */
export function tableLocate(table: LocationTable, data: unknown, path: YamlPath, preferKey = false): FindingLocation | undefined {
  let node = data;
  let depth = 0;
  for (const segment of path) {
    const next = children(node).find(([key]) => String(key) === String(segment));
    if (!next) break;
    node = next[1];
    depth += 1;
  }
  const complete = depth === path.length;
  const entry = table[`${JSON.stringify(path.slice(0, depth))}|${complete && preferKey ? 'k' : ''}`];
  return entry ? { file: 'svmc.yaml', line: entry[0], col: entry[1] } : undefined;
}
