import { lstatSync } from 'node:fs';
import { READ_LIMITS, readRegularFileSync } from '../fs/read-file.js';
import { join } from 'node:path';
import { evidenceTree } from '../application/evidence-tree.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { CACHE_DIR, RACY_MS } from '../manifest/file-cache.js';
import { u32 } from '../manifest/file-cache-format.js';
import type { PathStats } from '../manifest/path-resolver.js';
import type { ApplicationResult } from './types.js';

/**
 * The last check's result, kept with the lstat of everything it looked at (as git's index keeps
 * its files' stat data): while svmc.yaml, every mapped file, the signatures and the evidence
 * folders are as they were, the result is too, and a check of ten thousand files costs one lstat
 * each. Whatever cannot be judged by its stat is not kept at all.
 */
const CACHE_FILE = 'check-result.bin';
const MAGIC = Buffer.from('svmc-check-result 1\n');

/** Per watched path: kind (0 when missing), size, mtimeMs, ctimeMs, ino. */
const FIELDS = 5;
const FILE = 1;
const FOLDER = 2;
const LINK = 3;
const OTHER = 4;
const FAILED = 5;

export type KeptResult = Omit<ApplicationResult, 'dir'>;

/** What a result depends on besides svmc.yaml: files and folders, relative to the root, and their stamps. */
export interface Watched {
  /** The mapped files first, in the order given to `watch`; then the other files and the folders. */
  paths: string[];
  stamps: Float64Array;
  /** When stamping began. */
  at: number;
}

/** When a kept result holds: from the time of its check until `until` (an award's expiry), or for good when null. */
export interface Validity {
  from: number;
  until: number | null;
}

interface Header extends Validity {
  key: string;
  /** Whether a file can be read depends on who reads it. */
  uid: number;
  paths: number;
  result: KeptResult;
}

/** The kept result, when it was made from this text (`key`) and nothing it watched has changed since. */
export function keptResult(root: string, key: string, now: Date): KeptResult | undefined {
  let bytes: Buffer;
  try {
    bytes = readRegularFileSync(join(root, CACHE_DIR, CACHE_FILE), READ_LIMITS.cache);
  } catch {
    return undefined;
  }
  const kept = decode(bytes);
  if (!kept || kept.header.key !== key || kept.header.uid !== uid()) return undefined;
  const { from, until } = kept.header;
  if (now.getTime() < from || (until !== null && now.getTime() >= until)) return undefined;
  const stamps = stampAll(root, kept.paths);
  return bytesOf(stamps).equals(bytes.subarray(kept.stampsAt)) ? kept.header.result : undefined;
}

/**
 * Stats what a check will look at, before it reads any of it: a file that changes while it is
 * checked then shows a new stamp next time. `mapped` and `others`: plain, normalised file paths.
 */
export function watch(root: string, mapped: readonly string[], others: readonly string[]): Watched {
  const at = Date.now();
  const files = [...mapped, ...others];
  const folders = new Set<string>();
  for (const file of files) {
    for (let slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) folders.add(file.slice(0, slash));
  }
  // EVIDENCE_UNMAPPED reads every folder under evidence/: a file added or removed changes its folder's stamp.
  for (const folder of evidenceTree(root).folders) folders.add(folder);
  const paths = [...files, ...folders];
  return { paths, stamps: stampAll(root, paths), at };
}

/**
 * Keeps `result` for the next check, unless a watched path is a symbolic link (its own stamp says
 * nothing of its target), could not be stat-ed, or changed too recently to be told apart from a
 * change to come; or unless a file could not be read, which may pass without any stamp changing.
 * Only into an existing .svmc/; best effort.
 */
export async function keepResult(root: string, key: string, watched: Watched, validity: Validity, result: KeptResult): Promise<void> {
  if (result.findings.some((f) => TRANSIENT.has(f.code))) return;
  const { stamps } = watched;
  for (let i = 0; i < stamps.length; i += FIELDS) {
    const kind = stamps[i]!;
    if (kind === LINK || kind === FAILED) return;
    if ((kind === FILE || kind === FOLDER) && watched.at - Math.max(stamps[i + 2]!, stamps[i + 3]!) < RACY_MS) return;
  }
  const folder = join(root, CACHE_DIR);
  if (!lstatSync(folder, { throwIfNoEntry: false })?.isDirectory()) return;
  const header: Header = { key, uid: uid(), ...validity, paths: watched.paths.length, result };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const paths = Buffer.from(watched.paths.map((path) => `${path}\0`).join(''));
  try {
    await writeFileAtomic(join(folder, CACHE_FILE), Buffer.concat([MAGIC, u32(headerBytes.length), headerBytes, u32(paths.length), paths, bytesOf(stamps)]));
  } catch {
    // A read-only folder only costs the next check its work.
  }
}

/** Findings that may come from a passing cause (a busy disk, a lock), not from anything a stat shows. */
const TRANSIENT = new Set(['EVIDENCE_FILE_UNREADABLE', 'SIGNOFF_INVALID']);

/** The stats of the `index`th mapped file as lstat gave them, when it is a plain file or folder. */
export function watchedStats(watched: Watched, index: number): PathStats | undefined {
  const at = index * FIELDS;
  const kind = watched.stamps[at];
  if (kind !== FILE && kind !== FOLDER) return undefined;
  const [size, mtimeMs, ctimeMs, ino] = watched.stamps.subarray(at + 1, at + FIELDS);
  return { size: size!, mtimeMs: mtimeMs!, ctimeMs: ctimeMs!, ino: ino!, isFile: kind === FILE };
}

function stampAll(root: string, paths: readonly string[]): Float64Array {
  const stamps = new Float64Array(paths.length * FIELDS);
  paths.forEach((path, i) => {
    const at = i * FIELDS;
    try {
      const stats = lstatSync(`${root}/${path}`, { throwIfNoEntry: false });
      if (!stats) return;
      stamps[at] = stats.isFile() ? FILE : stats.isDirectory() ? FOLDER : stats.isSymbolicLink() ? LINK : OTHER;
      stamps[at + 1] = stats.size;
      stamps[at + 2] = stats.mtimeMs;
      stamps[at + 3] = stats.ctimeMs;
      stamps[at + 4] = stats.ino;
    } catch {
      stamps[at] = FAILED;
    }
  });
  return stamps;
}

function decode(bytes: Buffer): { header: Header; paths: string[]; stampsAt: number } | undefined {
  try {
    if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    let at = MAGIC.length;
    const headerLength = bytes.readUInt32LE(at);
    const header = JSON.parse(bytes.toString('utf8', at + 4, at + 4 + headerLength)) as Header;
    at += 4 + headerLength;
    const pathsLength = bytes.readUInt32LE(at);
    const paths = pathsLength === 0 ? [] : bytes.toString('utf8', at + 4, at + 4 + pathsLength - 1).split('\0');
    at += 4 + pathsLength;
    if (paths.length !== header.paths || bytes.length !== at + header.paths * FIELDS * 8) return undefined;
    return { header, paths, stampsAt: at };
  } catch {
    return undefined;
  }
}

function bytesOf(stamps: Float64Array): Buffer {
  return Buffer.from(stamps.buffer, stamps.byteOffset, stamps.byteLength);
}

function uid(): number {
  return process.getuid?.() ?? -1;
}
