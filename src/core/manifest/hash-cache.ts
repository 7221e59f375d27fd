import { lstat, mkdir, readFile, writeFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';

export const CACHE_DIR = '.svmc';
export const HASH_CACHE_FILE = 'hash-cache.json';
const VERSION = 2;
// A file changed within this long before it was hashed may change again with the same mtime
// (coarse file-system clocks), so such an entry is never trusted ("racy" entries, as in git).
const RACY_MS = 2000;

/** Arrays, not objects: the cache of a 10,000-file application is read on every check. */
type CacheEntry = [size: number, mtimeMs: number, ctimeMs: number, ino: number, sha256: string, hashedAtMs: number];

export class HashCache {
  private readonly fresh = new Map<string, CacheEntry>();
  private dirty = false;

  private constructor(private readonly stored: Map<string, CacheEntry>) {}

  /** Reads `.svmc/hash-cache.json`; a missing or corrupt cache is an empty one. */
  static async load(root: string): Promise<HashCache> {
    try {
      const parsed = JSON.parse(await readFile(join(root, CACHE_DIR, HASH_CACHE_FILE), 'utf8')) as {
        version?: unknown;
        entries?: Record<string, CacheEntry>;
      };
      if (parsed.version !== VERSION || typeof parsed.entries !== 'object' || parsed.entries === null) {
        return new HashCache(new Map());
      }
      return new HashCache(new Map(Object.entries(parsed.entries)));
    } catch {
      return new HashCache(new Map());
    }
  }

  /** The cached hash when the file is unchanged since it was hashed. */
  lookup(path: string, stats: Stats): string | undefined {
    const entry = this.stored.get(path);
    if (!Array.isArray(entry) || entry.length !== 6) return undefined;
    const [size, mtimeMs, ctimeMs, ino, sha256, hashedAtMs] = entry;
    const unchanged =
      size === stats.size &&
      mtimeMs === stats.mtimeMs &&
      ctimeMs === stats.ctimeMs &&
      ino === stats.ino &&
      hashedAtMs - mtimeMs >= RACY_MS &&
      typeof sha256 === 'string' &&
      /^[0-9a-f]{64}$/.test(sha256);
    if (!unchanged) return undefined;
    this.fresh.set(path, entry);
    return sha256;
  }

  record(path: string, stats: Stats, sha256: string, hashedAtMs: number): void {
    const { size, mtimeMs, ctimeMs, ino } = stats;
    this.fresh.set(path, [size, mtimeMs, ctimeMs, ino, sha256, hashedAtMs]);
    this.dirty = true;
  }

  /**
   * Writes the entries seen in this run, atomically; best effort, so a read-only folder still works.
   * Creates `.svmc/` only with `createDir`: commands that only read (check) never add folders.
   */
  async save(root: string, createDir = false): Promise<void> {
    if (!this.dirty && this.fresh.size === this.stored.size) return;
    const dir = join(root, CACHE_DIR);
    try {
      if (createDir) await mkdir(dir, { recursive: true });
      if (!(await lstat(dir)).isDirectory()) return;
      // Keeps the cache out of git without touching the user's own .gitignore.
      await writeFile(join(dir, '.gitignore'), '*\n', { flag: 'wx' }).catch(() => undefined);
      const entries = Object.fromEntries([...this.fresh].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      await writeFileAtomic(join(dir, HASH_CACHE_FILE), `${JSON.stringify({ version: VERSION, entries })}\n`);
    } catch {
      // A read-only folder or a full disk only costs the next run some hashing.
    }
  }
}
