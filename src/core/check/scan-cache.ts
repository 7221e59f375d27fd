import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';

type Entry = [size: number, mtimeMs: number, ino: number, secret: string | null];

const CACHE_FILE = 'check-cache.json';

/**
 * Remembers which unchanged files were already read for secrets, keyed by size, mtime and inode,
 * so a warm `check` of thousands of files only stats them. Lives in the git-ignored .svmc/.
 */
export class ScanCache {
  private dirty = false;
  /** Entries used in this run: files no longer mapped drop out on save. */
  private readonly next: Record<string, Entry> = {};

  private constructor(
    private readonly folder: string | undefined,
    private readonly entries: Record<string, Entry>,
  ) {}

  static async open(dir: string): Promise<ScanCache> {
    const folder = join(dir, '.svmc');
    const exists = await stat(folder).then((s) => s.isDirectory(), () => false);
    if (!exists) return new ScanCache(undefined, {});
    try {
      const parsed = JSON.parse(await readFile(join(folder, CACHE_FILE), 'utf8')) as { version?: number; files?: Record<string, Entry> };
      return new ScanCache(folder, parsed.version === 1 && parsed.files ? parsed.files : {});
    } catch {
      return new ScanCache(folder, {});
    }
  }

  /** The remembered secret (`null`: none) for an unchanged file, or `undefined` when it must be read. */
  get(path: string, info: { size: number; mtimeMs: number; ino: number }): string | null | undefined {
    const entry = this.entries[path];
    if (!entry || entry[0] !== info.size || entry[1] !== info.mtimeMs || entry[2] !== info.ino) return undefined;
    this.next[path] = entry;
    return entry[3];
  }

  set(path: string, info: { size: number; mtimeMs: number; ino: number }, secret: string | null): void {
    this.next[path] = [info.size, info.mtimeMs, info.ino, secret];
    this.dirty = true;
  }

  /** Only into an existing .svmc/: check never creates folders in the user's repository. Failure is harmless. */
  async save(): Promise<void> {
    const stale = Object.keys(this.entries).length !== Object.keys(this.next).length;
    if (!this.folder || (!this.dirty && !stale)) return;
    const content = JSON.stringify({ version: 1, files: this.next });
    await writeFileAtomic(join(this.folder, CACHE_FILE), content).catch(() => undefined);
  }
}
