import { lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isInside, normalisePath, pathTextProblem } from '../application/paths.js';
import type { ApplicationData } from '../application/types.js';

export const APPLICATION_FILE = 'svmc.yaml';

/**
 * A path as svmc.yaml may name a file, normalised; undefined for anything unsafe (absolute, `..`
 * out of the folder, `\\`, a URL, NUL): the check rules report those.
 */
export function normaliseReference(reference: unknown): string | undefined {
  if (typeof reference !== 'string' || reference.trim() === '' || pathTextProblem(reference) !== undefined) {
    return undefined;
  }
  const normalised = normalisePath(reference);
  return normalised === '.' || normalised === '' ? undefined : normalised;
}

/** svmc.yaml and every file it references (evidence items, the signed T&C), each once, in no set order. */
export function referencedFiles(data: ApplicationData | undefined): string[] {
  const references: unknown[] = [data?.application?.termsAndConditions];
  for (const criteria of Object.values(data?.evidence ?? {})) {
    if (!criteria || typeof criteria !== 'object') continue;
    for (const items of Object.values(criteria)) {
      if (!Array.isArray(items)) continue;
      for (const item of items as unknown[]) {
        if (item && typeof item === 'object') references.push((item as { file?: unknown }).file);
      }
    }
  }
  const paths = new Set<string>([APPLICATION_FILE]);
  for (const reference of references) {
    const path = normaliseReference(reference);
    if (path !== undefined) paths.add(path);
  }
  return [...paths];
}

export interface ResolvedFile {
  /** The real path of the file, after any symlinks inside the folder. */
  absolute: string;
  stats: Stats;
}

/**
 * Finds the regular files that paths name inside `root` (a real path): undefined when missing or
 * leading out. Synchronous calls and one realpath per folder, not per file: a warm check of
 * 10,000 files is mostly this, and the thread pool would make it several times slower.
 */
export class FolderResolver {
  private readonly folders = new Map<string, string | undefined>();

  constructor(private readonly root: string) {}

  resolve(path: string): ResolvedFile | undefined {
    try {
      const folder = this.realFolder(dirname(join(this.root, path)));
      if (folder === undefined) return undefined;
      let absolute = join(folder, basename(path));
      let stats = lstatSync(absolute);
      if (stats.isSymbolicLink()) {
        absolute = realpathSync.native(absolute);
        if (!this.inside(absolute)) return undefined;
        stats = statSync(absolute);
      }
      return stats.isFile() ? { absolute, stats } : undefined;
    } catch {
      return undefined;
    }
  }

  private realFolder(folder: string): string | undefined {
    if (!this.folders.has(folder)) {
      let real: string | undefined;
      try {
        real = realpathSync.native(folder);
      } catch {
        real = undefined;
      }
      this.folders.set(folder, real !== undefined && (real === this.root || this.inside(real)) ? real : undefined);
    }
    return this.folders.get(folder);
  }

  private inside(real: string): boolean {
    return real !== this.root && isInside(this.root, real);
  }
}

/** The regular file `path` names inside `root` (a real path), or undefined when missing or leading out. */
export async function resolveInside(root: string, path: string): Promise<ResolvedFile | undefined> {
  return new FolderResolver(root).resolve(path);
}
