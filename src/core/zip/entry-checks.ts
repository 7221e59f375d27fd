import type { ZipEntry } from './central-directory.js';
import { unsafeNameProblem } from './entry-names.js';
import * as Z from './format.js';

/** Far above any real pack: a zip that declares more than this in all is a decompression bomb. */
const DEFAULT_MAX_TOTAL_BYTES = 64 * 1024 ** 3;

export interface EntryProblem {
  /** The entry's name in the zip, or `(zip)` for the zip as a whole. */
  name: string;
  problem: string;
}

export const isFolderEntry = (entry: ZipEntry): boolean =>
  entry.name.endsWith('/') || entry.dosDirectory || (entry.unixMode !== undefined && (entry.unixMode & Z.S_IFMT) === Z.S_IFDIR);

/**
 * Judges the zip's directory before a byte of content is read: names that could land outside an
 * extraction folder, duplicates, links, encryption, unknown methods, and a total that no pack
 * reaches. An entry's inflated size is held to what it declares as it is read, whatever its ratio.
 */
export function entryProblems(entries: ZipEntry[], maxTotal = DEFAULT_MAX_TOTAL_BYTES): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const add = (name: string, problem: string): void => void problems.push({ name, problem });
  const seen = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    const { name } = entry;
    const unsafe = unsafeNameProblem(name);
    if (entry.badName) add(name, 'the name is not UTF-8');
    if (unsafe) add(name, unsafe);
    if (entry.unicodePathMismatch) add(name, 'a hidden Unicode path field gives the entry another name');
    if (seen.has(name)) add(name, 'the name appears more than once in the zip');
    seen.add(name);
    const type = entry.unixMode === undefined ? 0 : entry.unixMode & Z.S_IFMT;
    if (type === Z.S_IFLNK) add(name, 'it is a symbolic link');
    else if (type !== 0 && type !== Z.S_IFREG && type !== Z.S_IFDIR) add(name, 'it is not a regular file');
    if ((entry.flags & (Z.FLAG_ENCRYPTED | Z.FLAG_STRONG_ENCRYPTION)) !== 0 || entry.method === 99) add(name, 'it is encrypted');
    else if (entry.method !== Z.METHOD_STORED && entry.method !== Z.METHOD_DEFLATED) add(name, `it uses compression method ${entry.method}; a bag's zip uses only stored and deflated entries`);
    else if (entry.method === Z.METHOD_STORED && entry.size !== entry.compressedSize) add(name, 'a stored entry declares two different sizes');
    if (isFolderEntry(entry) && entry.size > 0) add(name, 'a folder entry holds data');
    if (entry.size > maxTotal) add(name, `it declares ${entry.size} bytes, past the limit of ${maxTotal}: a decompression bomb`);
    total += entry.size;
  }
  if (total > maxTotal) add('(zip)', `it would inflate to ${total} bytes, past the limit of ${maxTotal}: a decompression bomb`);
  return problems;
}
