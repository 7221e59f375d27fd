import type { ZipDirectory } from './central-directory.js';
import type { LocatedEntry } from './local-headers.js';

/**
 * Where the zip has bytes that belong to no record: before the first entry (a prefix), between
 * entries, before the central directory or between the end records. Forged local copies of a file
 * hide in such gaps, and a reader that goes through the zip from its start extracts them. Each
 * problem in words, naming what the bytes lie after.
 */
export function strayBytes(located: LocatedEntry[], directory: ZipDirectory): string[] {
  const problems: string[] = [];
  let cursor = 0;
  let before = 'the start of the file';
  const reach = (start: number, what: string, end: number): void => {
    if (start > cursor) problems.push(`${start - cursor} bytes between ${before} and ${what} belong to no entry${cursor === 0 ? ' (a prefix, such as a self-extracting stub)' : ''}`);
    else if (start < cursor) problems.push(`${what} overlaps ${before}`);
    cursor = Math.max(cursor, end);
    before = what;
  };
  for (const { entry, end } of [...located].sort((a, b) => a.entry.offset - b.entry.offset)) reach(entry.offset, `the entry ${entry.name}`, end);
  reach(directory.directoryOffset, 'the central directory', directory.directoryOffset + directory.directorySize);
  for (const record of directory.trailer) reach(record.start, record.name, record.end);
  return problems;
}
