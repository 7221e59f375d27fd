import { createHash } from 'node:crypto';
import { lstat, mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CACHE_DIR, ensureCacheFolder } from '../cache/cache-folder.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { READ_LIMITS, readRegularFile } from '../fs/read-file.js';

/**
 * The manifests of the last draft packs, kept in `.svmc/drafts/` so that `signoff add` can say
 * what changed since the draft a sign-off was made on. A cache like the rest: losing it only
 * loses that explanation.
 */
const DRAFTS = 'drafts';
const KEPT = 20;

/** Keeps the manifest of a draft just packed; best effort. */
export async function keepDraftManifest(root: string, manifestText: string): Promise<void> {
  try {
    const folder = join(await ensureCacheFolder(root), DRAFTS);
    await mkdir(folder, { recursive: true });
    const name = `${createHash('sha256').update(manifestText).digest('hex')}.manifest`;
    await writeFileAtomic(join(folder, name), manifestText);
    const kept = await keptFiles(folder);
    await Promise.all(kept.slice(KEPT).map(({ path }) => rm(path, { force: true })));
  } catch {
    // A cache: the draft itself is written already.
  }
}

/** The kept draft manifests, newest first. */
export async function draftManifests(root: string): Promise<string[]> {
  const kept = await keptFiles(join(root, CACHE_DIR, DRAFTS)).catch(() => []);
  const texts = await Promise.all(kept.map(({ path }) => readRegularFile(path, READ_LIMITS.manifest).then((bytes) => bytes.toString('utf8'), () => undefined)));
  return texts.filter((text): text is string => text !== undefined);
}

async function keptFiles(folder: string): Promise<{ path: string; time: number }[]> {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.manifest'));
  const files = await Promise.all(
    names.map(async (name) => {
      const path = join(folder, name);
      const stats = await lstat(path).catch(() => undefined);
      return stats?.isFile() ? [{ path, time: stats.mtimeMs }] : [];
    }),
  );
  return files.flat().sort((a, b) => b.time - a.time);
}
