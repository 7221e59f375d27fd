import type { YamlPath } from './locate.js';

/**
 * Where a node of svmc.yaml starts, as the `yaml` library would place it; -1 where only that
 * library can tell (an empty value, a block scalar).
 */
export interface Spot {
  at: number;
  /** A scalar or a flow collection: located at itself, not at its key. */
  flat: boolean;
  /** Where the key of the pair holding this node starts, for a map's value. */
  key?: number;
  children?: Map<string, Spot> | Spot[];
}

export interface FastParse {
  data: unknown;
  /** The offset a finding on `path` points at, or undefined when only the full parser can tell. */
  offsetOf(path: YamlPath, preferKey: boolean): number | undefined;
}

export function spotted(data: unknown, root: Spot): FastParse {
  return { data, offsetOf: (path, preferKey) => offsetOf(root, path, preferKey) };
}

/** As locateIn: a scalar or flow value at itself, a block map or list at its key, a missing node at its nearest ancestor. */
function offsetOf(root: Spot, path: YamlPath, preferKey: boolean): number | undefined {
  let spot = root;
  let complete = true;
  for (const segment of path) {
    const { children } = spot;
    const next = Array.isArray(children) ? children[Number(segment)] : children?.get(String(segment));
    if (!next) {
      complete = false;
      break;
    }
    spot = next;
  }
  const atKey = ((preferKey && complete) || !spot.flat) && spot.key !== undefined;
  const offset = atKey ? spot.key : spot.at;
  return offset === undefined || offset < 0 ? undefined : offset;
}
