import { sep } from 'node:path';

/** True when `target` (already resolved by realpath) is inside `root` (also resolved), or is it. */
export function isInside(root: string, target: string): boolean {
  return target === root || target.startsWith(root.endsWith(sep) ? root : root + sep);
}
