import { lstatSync } from 'node:fs';
import { lstat, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { READ_LIMITS, readRegularFile, readRegularFileSync } from '../fs/read-file.js';
import { SVMC_VERSION } from '../package-root.js';

/**
 * `.svmc/` holds what svmc may forget: every file in it is a cache, written best effort and read
 * only when its header names this very format and svmc version, so deleting it is always safe.
 */
export const CACHE_DIR = '.svmc';

/** The caches, each with the version of its own format; bump one when its body changes shape. */
const CACHES = {
  facts: { file: 'file-facts.bin', version: 1 },
  document: { file: 'parsed-document.json', version: 1 },
  result: { file: 'check-result.bin', version: 1 },
} as const;

export type CacheKind = keyof typeof CACHES;

/**
 * A file changed within this long before it was read may change again with the same mtime (coarse
 * file-system clocks), so nothing read from it then is kept ("racy" files, as in git's index).
 */
export const RACY_MS = 2000;

function header(kind: CacheKind): Buffer {
  return Buffer.from(`svmc-cache ${kind} ${CACHES[kind].version} svmc ${SVMC_VERSION}\n`);
}

/** The cache's body, or undefined when there is none, or it was written by another format or svmc. */
export function readCacheSync(root: string, kind: CacheKind): Buffer | undefined {
  try {
    return bodyOf(readRegularFileSync(join(root, CACHE_DIR, CACHES[kind].file), READ_LIMITS.cache), kind);
  } catch {
    return undefined;
  }
}

export async function readCache(root: string, kind: CacheKind): Promise<Buffer | undefined> {
  try {
    return bodyOf(await readRegularFile(join(root, CACHE_DIR, CACHES[kind].file), READ_LIMITS.cache), kind);
  } catch {
    return undefined;
  }
}

function bodyOf(bytes: Buffer, kind: CacheKind): Buffer | undefined {
  const expected = header(kind);
  return bytes.subarray(0, expected.length).equals(expected) ? bytes.subarray(expected.length) : undefined;
}

export interface WriteCacheOptions {
  /** Create `.svmc/` when it is missing; otherwise a folder without one gets none. */
  create?: boolean;
}

/**
 * Writes a cache, atomically and best effort: a read-only folder or a full disk only costs the next
 * run some work. The body is made only once there is a folder to hold it: a check in a fresh clone
 * (no `.svmc/`) of 100 folders spent 0.1 s encoding caches it then threw away.
 */
export async function writeCache(root: string, kind: CacheKind, body: () => Uint8Array, options: WriteCacheOptions = {}): Promise<void> {
  try {
    const folder = options.create ? await ensureCacheFolder(root) : existingCacheFolder(root);
    if (folder === undefined) return;
    await writeFileAtomic(join(folder, CACHES[kind].file), Buffer.concat([header(kind), body()]));
  } catch {
    // Best effort, as the doc comment says.
  }
}

/** Synchronous: a check of 100 fresh folders spent 40 ms on these lstat promises. */
function existingCacheFolder(root: string): string | undefined {
  const folder = join(root, CACHE_DIR);
  return lstatSync(folder, { throwIfNoEntry: false })?.isDirectory() ? folder : undefined;
}

/** `.svmc/`, created when missing with a .gitignore that keeps it out of git; throws when it cannot be. */
export async function ensureCacheFolder(root: string): Promise<string> {
  const folder = join(root, CACHE_DIR);
  await mkdir(folder, { recursive: true });
  if (!(await lstat(folder)).isDirectory()) throw Object.assign(new Error(`${folder} is not a folder`), { code: 'ENOTDIR' });
  await writeFile(join(folder, '.gitignore'), '*\n', { flag: 'wx' }).catch(() => undefined);
  return folder;
}
