import { constants, type Dirent } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { findingAt, type Finding } from '../findings.js';
import { readChunks } from '../fs/read-chunks.js';
import { asUsageError } from '../fs/system-errors.js';
import { HashStream } from './hash-stream.js';
import { isLitter } from './litter.js';
import type { BagSource, ReadOutcome } from './source.js';

// Never through a link, never waiting on a FIFO swapped in after the walk.
const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * A bag on disk: `dir` itself, or the one folder in it that holds bagit.txt (what unzipping a pack
 * leaves). Its files are found without following links; a link or a device is a finding, never read.
 */
export async function openFolderBag(dir: string): Promise<{ source: BagSource; findings: Finding[] }> {
  const root = await bagRoot(dir);
  const files = new Map<string, number>();
  const folders = new Set<string>();
  const findings: Finding[] = [];
  const walk = async (relative: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(join(root, relative), { withFileTypes: true });
    } catch (error) {
      throw asUsageError(error, `cannot read the folder ${join(root, relative)}`);
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        folders.add(path);
        await walk(path);
      } else if (entry.isFile()) files.set(path, (await stat(join(root, path)).catch((error: unknown) => Promise.reject(asUsageError(error, `cannot read ${path}`)))).size);
      else if (entry.isSymbolicLink()) findings.push(findingAt('BAG_INVALID', path, 'it is a symbolic link: a bag holds files, and svmc does not follow links out of it'));
      else findings.push(findingAt('BAG_INVALID', path, 'it is not a regular file (a device, a pipe or a socket)'));
    }
  };
  await walk('');
  const source: BagSource = {
    container: 'folder',
    name: basename(root),
    files,
    folders,
    read: (path, algorithms, keep) => readFile(join(root, path), files.get(path) ?? 0, algorithms, keep),
    close: async () => undefined,
  };
  return { source, findings };
}

/** `dir`, unless bagit.txt is not there and `dir` holds exactly one folder (besides litter), which is then the bag. */
async function bagRoot(dir: string): Promise<string> {
  if (await stat(join(dir, 'bagit.txt')).catch(() => undefined)) return dir;
  const entries = (await readdir(dir, { withFileTypes: true }).catch((error: unknown) => Promise.reject(asUsageError(error, `cannot read ${dir}`)))).filter((entry) => !isLitter(entry.name));
  const only = entries.length === 1 && entries[0]?.isDirectory() ? join(dir, entries[0].name) : undefined;
  return only && (await stat(join(only, 'bagit.txt')).catch(() => undefined)) ? only : dir;
}

async function readFile(path: string, listedSize: number, algorithms: readonly string[], keep: number): Promise<ReadOutcome> {
  const hashes = new HashStream(algorithms, keep);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, FLAGS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return { digests: {}, size: 0, problem: 'it became a symbolic link while the bag was read' };
    throw asUsageError(error, `cannot read ${path}`);
  }
  try {
    if (!(await handle.stat()).isFile()) return { digests: {}, size: 0, problem: 'it is not a regular file' };
    for await (const chunk of readChunks(handle, 0)) hashes.update(chunk);
  } catch (error) {
    throw asUsageError(error, `cannot read ${path}`);
  } finally {
    await handle.close();
  }
  const bytes = hashes.bytes();
  const outcome: ReadOutcome = { digests: hashes.digests(), size: hashes.size, ...(bytes ? { bytes } : {}) };
  return hashes.size === listedSize ? outcome : { ...outcome, problem: 'it changed while the bag was read' };
}
