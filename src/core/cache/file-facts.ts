import { RACY_MS, ensureCacheFolder, readCache, readCacheSync, writeCache } from './cache-folder.js';
import { decodeFileCache, encodeFileCache, type CachedFile, type DecodedCache } from './file-facts-format.js';

/** What identifies a file's content without reading it. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/**
 * What is known about each file of an application, keyed by its stamp: its sha256 (for the
 * manifest) and its secret scan (for check). One compact binary cache, `.svmc/file-facts.bin`,
 * so a warm check of 10,000 files reads one cache, stats each file once and creates few objects.
 */
export class FileFacts {
  /** Stored records that this run found unchanged or replaced: the others drop out on save. */
  private readonly used: Uint8Array;
  private usedCount = 0;
  /** Facts learnt in this run. */
  private readonly learnt = new Map<string, CachedFile>();

  private constructor(private readonly stored: DecodedCache) {
    this.used = new Uint8Array(stored.count);
  }

  static empty(): FileFacts {
    return new FileFacts(decodeFileCache(undefined));
  }

  /** Reads the folder's cache; a missing or corrupt cache is an empty one. */
  static async load(root: string): Promise<FileFacts> {
    return new FileFacts(decodeFileCache(await readCache(root, 'facts')));
  }

  static loadSync(root: string): FileFacts {
    return new FileFacts(decodeFileCache(readCacheSync(root, 'facts')));
  }

  /** The sha256 of an unchanged file, or undefined when it must be hashed. */
  sha256(path: string, stamp: FileStamp): string | undefined {
    const known = this.learnt.get(path);
    if (known) return sameStamp(known, stamp) ? known.sha256 : undefined;
    const index = this.unchanged(path, stamp);
    return index === undefined ? undefined : this.stored.sha256(index);
  }

  /** The secret found in an unchanged file ('' for none), or undefined when it must be read. */
  secret(path: string, stamp: FileStamp): string | undefined {
    const known = this.learnt.get(path);
    if (known) return sameStamp(known, stamp) ? known.secret : undefined;
    const index = this.unchanged(path, stamp);
    return index === undefined ? undefined : this.stored.secret(index);
  }

  /** The size and hash last recorded for `path`, whatever the file is now: what a file that has gone held. */
  recorded(path: string): { size: number; sha256: string } | undefined {
    const known = this.learnt.get(path);
    if (known?.sha256 !== undefined) return { size: known.size, sha256: known.sha256 };
    const index = this.stored.indexOf(path);
    const sha256 = index === undefined ? undefined : this.stored.sha256(index);
    return index === undefined || sha256 === undefined ? undefined : { size: this.stored.record(index).size, sha256 };
  }

  /** `readAtMs`: when reading the file began; what was read from a racy file is not kept. */
  recordSha256(path: string, stamp: FileStamp, sha256: string, readAtMs: number): void {
    if (settled(stamp, readAtMs)) this.entryFor(path, stamp).sha256 = sha256;
  }

  recordSecret(path: string, stamp: FileStamp, secret: string | undefined, readAtMs: number): void {
    if (settled(stamp, readAtMs)) this.entryFor(path, stamp).secret = secret ?? '';
  }

  /**
   * Writes the entries used in this run (files no longer referenced drop out); best effort.
   * Creates `.svmc/` only with `createDir`: commands that only read (check) never add folders.
   */
  async save(root: string, createDir = false): Promise<void> {
    if (this.learnt.size === 0 && this.usedCount === this.stored.count) {
      if (createDir) await ensureCacheFolder(root).catch(() => undefined);
      return;
    }
    const files = [...this.learnt.values()];
    for (let index = 0; index < this.stored.count; index++) {
      if (this.used[index] && !this.learnt.has(this.stored.path(index))) files.push(this.stored.record(index));
    }
    await writeCache(root, 'facts', () => encodeFileCache(files), { create: createDir });
  }

  /** The stored record of an unchanged file, marked as used. */
  private unchanged(path: string, stamp: FileStamp): number | undefined {
    const index = this.stored.indexOf(path);
    if (index === undefined || !this.stored.matches(index, stamp)) return undefined;
    this.use(index);
    return index;
  }

  private use(index: number): void {
    if (this.used[index]) return;
    this.used[index] = 1;
    this.usedCount += 1;
  }

  private entryFor(path: string, stamp: FileStamp): CachedFile {
    let entry = this.learnt.get(path);
    if (entry && sameStamp(entry, stamp)) return entry;
    const index = this.stored.indexOf(path);
    if (index !== undefined) this.use(index);
    const { size, mtimeMs, ctimeMs, ino } = stamp;
    entry = index !== undefined && this.stored.matches(index, stamp) ? this.stored.record(index) : { path, size, mtimeMs, ctimeMs, ino };
    this.learnt.set(path, entry);
    return entry;
  }
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

function settled(stamp: FileStamp, readAtMs: number): boolean {
  return readAtMs - stamp.mtimeMs >= RACY_MS;
}
