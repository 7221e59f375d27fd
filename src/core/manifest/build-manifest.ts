import { realpath } from 'node:fs/promises';
import type { ApplicationData } from '../application/types.js';
import { FileReadError } from '../fs/read-file.js';
import { FileCache } from './file-cache.js';
import { encodeManifestPath, sortByUtf8 } from './format.js';
import { hashFile, mapLimit } from './hash-file.js';
import type { PathResolver } from './path-resolver.js';
import { FolderResolver, referencedFiles, type ResolvedFile } from './referenced-files.js';

export interface ManifestEntry {
  /** Relative to the application folder, with `/`. */
  path: string;
  size: number;
  sha256: string;
  mtimeMs: number;
}

export interface Manifest {
  /** Exactly the bytes of manifest-sha256.txt: what `sign` signs and `pack` writes. */
  text: string;
  /** In manifest order. */
  entries: ManifestEntry[];
}

export interface BuildManifestOptions {
  /** Reuse and update `.svmc/file-cache.json` (default true). */
  cache?: boolean;
  /** A cache the caller already holds and saves itself (check shares it with its rules). */
  fileCache?: FileCache;
  /** Resolves the folder's paths; one shared with other readers stats each file once. */
  resolver?: PathResolver;
  /** Create `.svmc/` for the cache when missing (default false: reading commands add no folders). */
  createCacheDir?: boolean;
  /** Files hashed at once (default 4). */
  concurrency?: number;
  /** Called as bytes are hashed, for a progress bar; cached files count at once. */
  onBytes?: (bytes: number) => void;
}

/**
 * The evidence manifest of an application folder: svmc.yaml and every file it references.
 * References that are unsafe, missing or unreadable are left out; the check rules report them.
 */
export async function buildManifest(
  dir: string,
  data: ApplicationData | undefined,
  options: BuildManifestOptions = {},
): Promise<Manifest> {
  const root = options.resolver?.root ?? (await realpath(dir));
  const owned = options.fileCache === undefined && (options.cache ?? true);
  const cache = options.fileCache ?? (owned ? await FileCache.load(root) : undefined);
  const resolver = new FolderResolver(options.resolver ?? root);
  const present: { path: string; encoded: string; file: ResolvedFile }[] = [];
  for (const path of referencedFiles(data)) {
    const file = resolver.resolve(path);
    if (file) present.push({ path, encoded: encodeManifestPath(path), file });
  }
  sortByUtf8(present, (item) => item.encoded);
  const hashes = present.map(({ path, file }) => cache?.sha256(path, file.stats));
  const missing: number[] = [];
  hashes.forEach((sha256, i) => {
    if (sha256 === undefined) missing.push(i);
    else options.onBytes?.(present[i]!.file.stats.size);
  });
  await mapLimit(missing, options.concurrency ?? 4, async (i) => {
    const { path, file } = present[i]!;
    const startedAt = Date.now();
    try {
      hashes[i] = await hashFile(file.absolute, options.onBytes);
    } catch (error) {
      if (!isReadError(error)) throw error;
      return;
    }
    cache?.recordSha256(path, file.stats, hashes[i]!, startedAt);
  });
  if (owned) await cache?.save(root, options.createCacheDir ?? false);
  const entries: ManifestEntry[] = [];
  let text = '';
  present.forEach(({ path, encoded, file: { stats } }, i) => {
    const sha256 = hashes[i];
    if (sha256 === undefined) return;
    entries.push({ path, size: stats.size, sha256, mtimeMs: stats.mtimeMs });
    text += `${sha256}  ${encoded}\n`;
  });
  return { text, entries };
}

/** A file the user cannot read (permissions, a folder, a device error): reported by the check, not a crash. */
function isReadError(error: unknown): boolean {
  if (error instanceof FileReadError) return true;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && ['EACCES', 'EPERM', 'EISDIR', 'ELOOP', 'EIO', 'ENOENT', 'ENXIO'].includes(code);
}
