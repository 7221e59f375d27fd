import type { ApplicationFolder } from '../application/folder.js';
import { parallelHasher, type ParallelHasher } from '../fs/parallel-hash.js';
import { mapLimit } from '../map-limit.js';
import { encodeManifestPath, sortByUtf8 } from './format.js';

export interface ManifestEntry {
  /** Relative to the application folder, with `/`. */
  path: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  /** Exactly the bytes of manifest-sha256.txt: what `sign` signs and `pack` writes. */
  text: string;
  /** In manifest order. */
  entries: ManifestEntry[];
}

export interface BuildManifestOptions {
  /** Files hashed at once (default 4). */
  concurrency?: number;
  /** Called as bytes are hashed, for a progress bar; known files count at once. */
  onBytes?: (bytes: number) => void;
  /** Where large files are hashed (default: two workers, started only for a large file). */
  hasher?: ParallelHasher;
}

/**
 * The evidence manifest of an application folder: svmc.yaml and every file it references
 * (`referenced`, normalised). References that are unsafe, missing or unreadable are left out;
 * the check rules report them.
 */
export async function buildManifest(folder: ApplicationFolder, referenced: readonly string[], options: BuildManifestOptions = {}): Promise<Manifest> {
  const present: { path: string; encoded: string; size: number }[] = [];
  for (const path of referenced) {
    const found = folder.locate(path);
    if (found.kind === 'found' && found.stats.isFile) present.push({ path, encoded: encodeManifestPath(path), size: found.stats.size });
  }
  sortByUtf8(present, (item) => item.encoded);
  const hasher = options.hasher ?? parallelHasher(2);
  let hashes: (string | undefined)[];
  try {
    hashes = await mapLimit(present, options.concurrency ?? 4, ({ path }) => folder.sha256(path, options.onBytes, hasher));
  } finally {
    if (!options.hasher) await hasher.close();
  }
  const entries: ManifestEntry[] = [];
  let text = '';
  present.forEach(({ path, encoded, size }, i) => {
    const sha256 = hashes[i];
    if (sha256 === undefined) return;
    entries.push({ path, size, sha256 });
    text += `${sha256}  ${encoded}\n`;
  });
  return { text, entries };
}
