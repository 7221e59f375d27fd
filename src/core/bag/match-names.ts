/**
 * Finds the file a manifest lists: by its exact name, else by the same name in another Unicode
 * normalisation (a Mac stores names decomposed; a manifest written elsewhere has them composed).
 */
export function nameMatcher(files: Iterable<string>): (path: string) => string | undefined {
  const exact = new Set(files);
  const normalised = new Map<string, string>();
  for (const file of exact) normalised.set(file.normalize('NFC'), file);
  return (path) => (exact.has(path) ? path : normalised.get(path.normalize('NFC')));
}

/** Groups of paths that one file system could not hold apart: equal ignoring case or Unicode normalisation. */
export function clashingNames(paths: Iterable<string>): { names: string[]; by: 'case' | 'normalisation' }[] {
  const groups = new Map<string, string[]>();
  for (const path of paths) {
    const key = path.normalize('NFC').toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), path]);
  }
  return [...groups.values()]
    .filter((names) => names.length > 1)
    .map((names) => ({ names, by: new Set(names.map((name) => name.normalize('NFC'))).size < names.length ? 'normalisation' : 'case' }));
}
