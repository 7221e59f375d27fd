import { join, sep } from 'node:path';
import { isInside } from '../fs/inside.js';

/** The folders of an application whose every file is the application's own. */
const OWN_FOLDERS = ['evidence', 'signoffs', 'drafts', '.svmc'];

/**
 * Why `real` (a real path) is a file of the application at `root` (its real path) that an output
 * must never replace, or undefined when it is not one. `referenced`: the files svmc.yaml names.
 */
export function ownFileReason(root: string, real: string, referenced: readonly string[] = []): string | undefined {
  if (!isInside(root, real) || real === root) return undefined;
  const relative = real.slice(root.length + 1).split(sep).join('/');
  if (relative === 'svmc.yaml') return `it is the application's svmc.yaml`;
  const folder = OWN_FOLDERS.find((name) => relative.startsWith(`${name}/`));
  if (folder) return `it is inside the application's ${folder}/ folder`;
  if (referenced.some((path) => join(root, ...path.split('/')) === real)) return `svmc.yaml names it as a file of the application`;
  return undefined;
}
