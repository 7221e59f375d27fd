import { isInside } from '../fs/inside.js';

/** The folders of an application whose every file is the application's own. */
const OWN_FOLDERS = ['evidence', 'signoffs', 'drafts', '.svmc'];
/** Files at the folder's top that svmc writes or reads as the application's. */
const OWN_FILES = ['svmc.yaml', 'self-assessment.yaml', 'self-assessment.svg'];

/** File names compare as the file system compares them: without case on macOS and Windows. */
const fold = (path: string): string => (process.platform === 'darwin' || process.platform === 'win32' ? path.toLowerCase() : path);

/**
 * Why `real` (a real path) is a file of the application at `root` (its real path) that an output
 * must never replace, or undefined when it is not one. `own`: real paths of the other files it
 * depends on (those svmc.yaml names, a catalogue of its own).
 */
export function ownFileReason(root: string, real: string, own: readonly string[] = []): string | undefined {
  if (!isInside(root, real) || real === root) return undefined;
  const relative = fold(real.slice(root.length + 1).split('\\').join('/'));
  if (OWN_FILES.includes(relative)) return `it is the application's ${relative}`;
  if (!relative.includes('/') && relative.startsWith('.')) return `it is the application's ${relative}`;
  const folder = OWN_FOLDERS.find((name) => relative.startsWith(`${name}/`));
  if (folder) return `it is inside the application's ${folder}/ folder`;
  if (own.some((path) => fold(path) === fold(real))) return 'it is a file the application uses (named in svmc.yaml)';
  return undefined;
}
