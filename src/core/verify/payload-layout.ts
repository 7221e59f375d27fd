import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { isPayloadPath } from '../bag/bag-paths.js';
import { isInside } from '../fs/inside.js';

export interface PayloadLayout {
  /** The payload's folder: the application as the pack holds it. */
  folder: string;
  close(): Promise<void>;
}

/**
 * Lays a verified payload out in a private folder, for a check of the application it holds. The
 * files a check reads whole get their bytes; every other file only its size, as a sparse file: a
 * check of content already vouched for by its hash reads nothing more, and nothing is copied.
 */
export async function layOutPayload(files: ReadonlyMap<string, number>, contents: ReadonlyMap<string, Buffer>): Promise<PayloadLayout> {
  const root = await mkdtemp(join(tmpdir(), 'svmc-verify-'));
  const close = (): Promise<void> => rm(root, { recursive: true, force: true });
  const folder = join(root, 'data');
  try {
    for (const [path, size] of files) {
      if (!isPayloadPath(path)) continue;
      const target = resolve(root, ...path.split('/'));
      if (!isInside(folder, target)) continue;
      await mkdir(dirname(target), { recursive: true });
      const bytes = contents.get(path);
      if (bytes) await writeFile(target, bytes, { flag: 'wx', mode: 0o600 });
      else await sparseFile(target, size);
    }
    return { folder, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function sparseFile(target: string, size: number): Promise<void> {
  const handle = await open(target, 'wx', 0o600);
  try {
    await handle.truncate(size);
  } finally {
    await handle.close();
  }
}
