import { realpath } from 'node:fs/promises';
import type { ApplicationData } from '../application/types.js';
import { compareManifestPaths, manifestLine } from './format.js';
import { HashCache } from './hash-cache.js';
import { hashFile, mapLimit } from './hash-file.js';
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
  /** Reuse and update `.svmc/hash-cache.json` (default true). */
  cache?: boolean;
  /** Create `.svmc/` for the cache when missing (default false: reading commands add no folders). */
  createCacheDir?: boolean;
  /** Files hashed at once (default 4). */
  concurrency?: number;
  /** Called as bytes are hashed, for a progress bar; cached files count at once. */
  onBytes?: (bytes: number) => void;
}

/**
 * The evidence manifest of an application folder: svmc.yaml and every file it references.
 * References that are unsafe or missing are left out; the check rules report them.
 */
export async function buildManifest(
  dir: string,
  data: ApplicationData | undefined,
  options: BuildManifestOptions = {},
): Promise<Manifest> {
  const root = await realpath(dir);
  const useCache = options.cache ?? true;
  const cache = useCache ? await HashCache.load(root) : undefined;
  const paths = referencedFiles(data);
  const resolver = new FolderResolver(root);
  const resolved = paths.map((path) => resolver.resolve(path));
  const present = paths
    .map((path, i) => ({ path, file: resolved[i] }))
    .filter((item): item is { path: string; file: ResolvedFile } => item.file !== undefined)
    .sort((a, b) => compareManifestPaths(a.path, b.path));
  const entries = await mapLimit(present, options.concurrency ?? 4, async ({ path, file }) => {
    const { stats } = file;
    let sha256 = cache?.lookup(path, stats);
    if (sha256 === undefined) {
      const startedAt = Date.now();
      sha256 = await hashFile(file.absolute, options.onBytes);
      cache?.record(path, stats, sha256, startedAt);
    } else {
      options.onBytes?.(stats.size);
    }
    return { path, size: stats.size, sha256, mtimeMs: stats.mtimeMs } satisfies ManifestEntry;
  });
  await cache?.save(root, options.createCacheDir ?? false);
  return { text: entries.map((e) => manifestLine(e.path, e.sha256)).join(''), entries };
}
