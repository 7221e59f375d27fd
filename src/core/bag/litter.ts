/** Files and folders that desktops leave behind when they show, copy or zip a folder. */
const LITTER_FILES = new Set(['.ds_store', 'thumbs.db', 'ehthumbs.db', 'desktop.ini', '.localized', '.directory', '.apdisk', 'icon\r']);
const LITTER_FOLDERS = new Set(['__macosx', '.spotlight-v100', '.trashes', '.fseventsd', '.temporaryitems']);

/** System litter: a bag that holds it unlisted is still valid (with a warning), as no one put it there on purpose. */
export function isLitter(path: string): boolean {
  const segments = path.toLowerCase().split('/');
  const name = segments.at(-1) ?? '';
  return LITTER_FILES.has(name) || name.startsWith('._') || segments.slice(0, -1).some((folder) => LITTER_FOLDERS.has(folder));
}
