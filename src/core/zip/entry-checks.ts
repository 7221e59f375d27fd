import * as Z from '../zip/format.js';
import type { ZipEntry } from '../zip/central-directory.js';
import { unsafeNameProblem } from '../zip/entry-names.js';
import { packFinding, type VerifyProblem } from './types.js';

/** Deflate cannot shrink data more than about 1032:1; past this ratio a large entry is a bomb, not evidence. */
const MAX_RATIO = 200;
/** Small entries may have any ratio: they cannot do harm. */
const RATIO_FLOOR_BYTES = 1 << 20;
const DEFAULT_MAX_TOTAL_BYTES = 64 * 1024 ** 3;

export interface BagLayout {
  /** The single top-level folder. */
  name?: string;
  /** File entries by their path inside the bag folder. */
  files: Map<string, ZipEntry>;
  problems: VerifyProblem[];
}

/**
 * Judges the zip's directory before a byte of content is read: names that could land outside
 * an extraction folder, duplicates, links, encryption, bombs, overlapping data, and the rule of
 * one top-level folder. Any problem here means the content is not read at all.
 */
export function inspectStructure(entries: ZipEntry[], directoryOffset: number, maxTotal = DEFAULT_MAX_TOTAL_BYTES): BagLayout {
  const problems: VerifyProblem[] = [];
  const add = (file: string, problem: string): void => void problems.push(packFinding('ZIP_UNSAFE', file, problem));
  const seen = new Set<string>();
  const tops = new Set<string>();
  const files = new Map<string, ZipEntry>();
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
    const isDirectory = name.endsWith('/') || entry.dosDirectory || type === Z.S_IFDIR;
    if (type === Z.S_IFLNK) add(name, 'it is a symbolic link');
    else if (type !== 0 && type !== Z.S_IFREG && type !== Z.S_IFDIR) add(name, 'it is not a regular file');
    if ((entry.flags & (Z.FLAG_ENCRYPTED | Z.FLAG_STRONG_ENCRYPTION)) !== 0 || entry.method === 99) add(name, 'it is encrypted');
    else if (entry.method !== Z.METHOD_STORED && entry.method !== Z.METHOD_DEFLATED) {
      add(name, `it uses compression method ${entry.method}; packs use only stored and deflated entries`);
    } else if (entry.method === Z.METHOD_STORED && entry.size !== entry.compressedSize) {
      add(name, 'a stored entry declares two different sizes');
    }
    if (entry.size > RATIO_FLOOR_BYTES && entry.size > entry.compressedSize * MAX_RATIO) {
      add(name, `it would inflate ${Math.round(entry.size / Math.max(entry.compressedSize, 1))} times: a decompression bomb`);
    }
    total += entry.size;
    const top = name.split('/')[0] ?? '';
    if (!unsafe) tops.add(top);
    if (isDirectory) {
      if (entry.size > 0) add(name, 'a folder entry holds data');
      continue;
    }
    if (!unsafe && !name.includes('/')) add(name, 'a file at the top of the zip, outside the bag folder');
    else if (!unsafe) files.set(name.slice(top.length + 1), entry);
  }
  if (total > maxTotal) add('(zip)', `it would inflate to ${total} bytes, past the limit of ${maxTotal}`);
  if (tops.size > 1) add('(zip)', `it holds ${tops.size} top-level folders (${[...tops].slice(0, 5).join(', ')}); a pack holds one`);
  if (entries.length === 0) add('(zip)', 'the zip is empty');
  problems.push(...overlaps(entries, directoryOffset));
  const name = tops.size === 1 ? [...tops][0] : undefined;
  return { ...(name !== undefined ? { name } : {}), files, problems };
}

/** Entries whose data runs into the next entry or the directory: the trick behind overlapping-file bombs. */
function overlaps(entries: ZipEntry[], directoryOffset: number): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  const sorted = [...entries].sort((a, b) => a.offset - b.offset);
  sorted.forEach((entry, i) => {
    const next = sorted[i + 1]?.offset ?? directoryOffset;
    const minimalEnd = entry.offset + Z.LOCAL_HEADER_SIZE + Buffer.byteLength(entry.name) + entry.compressedSize;
    if (minimalEnd > next) problems.push(packFinding('ZIP_UNSAFE', entry.name, 'its data overlaps another entry or the zip directory'));
  });
  return problems;
}
