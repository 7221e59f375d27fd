import type { FileHandle } from 'node:fs/promises';
import { isLitter } from '../bag/litter.js';
import type { BagSource } from '../bag/source.js';
import { findingAt, type Finding } from '../findings.js';
import { repackEvidence } from './canonical.js';
import { InvalidZipError, readCentralDirectory } from './central-directory.js';
import { strayBytes } from './coverage.js';
import { entryProblems, isFolderEntry } from './entry-checks.js';
import { readEntry, readStoredElsewhere } from './entry-reader.js';
import type { ParallelHasher } from '../fs/parallel-hash.js';
import { locateEntry, type LocatedEntry } from './local-headers.js';

export interface ZipBag {
  /** Absent when the zip may not be read further: nothing of its content is then read. */
  source?: BagSource;
  findings: Finding[];
  /** Why the zip is not byte for byte one svmc wrote, when its records are sound otherwise. */
  repacked?: string;
}

/**
 * A zip holding a bag, read in place and treated as hostile: its records are judged before any
 * content is read, every byte must belong to an entry, the directory or the end records, and the
 * bag is either the zip's root or its one top-level folder.
 */
export interface ZipBagOptions {
  /** The most the entries may hold in all, uncompressed. */
  maxTotal?: number | undefined;
  /** Hashes large stored entries on a second thread while this one reads others. */
  hasher?: ParallelHasher;
}

export async function openZipBag(handle: FileHandle, size: number, { maxTotal, hasher }: ZipBagOptions = {}): Promise<ZipBag> {
  let directory: Awaited<ReturnType<typeof readCentralDirectory>>;
  try {
    directory = await readCentralDirectory(handle, size);
  } catch (error) {
    if (!(error instanceof InvalidZipError)) throw error;
    return { findings: [findingAt(error.code, '(zip)', error.message)] };
  }
  const findings = entryProblems(directory.entries, maxTotal).map(({ name, problem }) => findingAt('ZIP_UNSAFE', name, problem));
  const located: LocatedEntry[] = [];
  for (const entry of directory.entries) {
    const result = await locateEntry(handle, entry);
    if ('problem' in result) findings.push(findingAt(result.code, entry.name, result.problem));
    else located.push(result);
  }
  if (findings.length > 0) return { findings };
  for (const problem of strayBytes(located, directory)) findings.push(findingAt('ZIP_UNSAFE', '(zip)', problem));
  if (findings.length > 0) return { findings };

  const prefix = bagPrefix(located.map(({ entry }) => entry.name));
  if (located.length === 0) return { findings: [findingAt('BAG_INVALID', '(zip)', 'the zip is empty: there is no bag in it')] };
  if (prefix === undefined) {
    const tops = [...new Set(located.map(({ entry }) => entry.name).filter((name) => !isLitter(name)).map((name) => name.split('/')[0]!))];
    return { findings: [findingAt('BAG_INVALID', '(zip)', `it holds ${tops.length} things at its top (${tops.slice(0, 5).join(', ')}): a bag's zip holds one folder, or the bag itself`)] };
  }
  const files = new Map<string, number>();
  const folders = new Set<string>();
  const byPath = new Map<string, LocatedEntry>();
  for (const item of located) {
    const { name } = item.entry;
    if (!name.startsWith(prefix)) {
      if (isLitter(name)) findings.push(findingAt('BAG_LITTER', name, 'system litter beside the bag folder: passed over'));
      else findings.push(findingAt('BAG_INVALID', name, 'it lies outside the bag folder'));
      continue;
    }
    const path = name.slice(prefix.length).replace(/\/$/, '');
    if (path === '') continue;
    if (isFolderEntry(item.entry)) folders.add(path);
    else {
      files.set(path, item.entry.size);
      byPath.set(path, item);
    }
  }
  const source: BagSource = {
    container: 'zip',
    ...(prefix === '' ? {} : { name: prefix.slice(0, -1) }),
    files,
    folders,
    read: (path, algorithms, keep) => {
      const item = byPath.get(path);
      if (!item) throw new Error(`no entry ${path} in the zip`);
      return (hasher && readStoredElsewhere(handle, item, algorithms, keep, hasher)) || readEntry(handle, item, algorithms, keep);
    },
    close: async () => undefined,
  };
  const repacked = repackEvidence(located);
  return { source, findings, ...(repacked ? { repacked } : {}) };
}

/** `''` when bagit.txt is at the zip's root; `name/` when the zip holds one folder (besides litter); else undefined. */
function bagPrefix(names: string[]): string | undefined {
  if (names.includes('bagit.txt')) return '';
  const tops = new Set(names.filter((name) => !isLitter(name)).map((name) => name.split('/')[0]!));
  const [top] = tops;
  return tops.size === 1 && names.some((name) => name.startsWith(`${top}/`)) ? `${top}/` : undefined;
}
