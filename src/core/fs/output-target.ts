import { constants, createReadStream } from 'node:fs';
import { lstat, open, readlink, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { writeError, writeFileAtomic } from './atomic-write.js';

/**
 * Where an output the user named (`--out`, `--output`) really goes: `-` is standard output; a
 * symbolic link is followed to its target; a device or FIFO is opened and written, never replaced;
 * a regular file (or a new one) is replaced atomically at its real path.
 */
export type OutputTarget =
  | { kind: 'stdout'; shown: string }
  | { kind: 'stream'; path: string; shown: string }
  | { kind: 'file'; path: string; shown: string };

const MAX_LINKS = 40;

/** Callers judge the real path (a file of an application must never be replaced) before writing. */
export async function resolveOutputTarget(given: string): Promise<OutputTarget> {
  if (given === '-') return { kind: 'stdout', shown: 'standard output' };
  if (given.trim() === '') throw new UsageError('the output path is empty');
  const real = await realDestination(resolve(given), given);
  const stats = await stat(real).catch(() => undefined);
  if (stats?.isDirectory()) throw new UsageError(`cannot write ${given}: it is a folder; name a file`);
  if (stats?.isSocket()) throw new UsageError(`cannot write ${given}: it is a socket`);
  if (stats && !stats.isFile()) return { kind: 'stream', path: real, shown: given };
  return { kind: 'file', path: real, shown: given };
}

/** The real path `path` leads to, following symbolic links even when the last one dangles. */
async function realDestination(path: string, shown: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops < MAX_LINKS; hops++) {
    const info = await lstat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw writeError(error, shown);
    });
    if (info?.isSymbolicLink()) {
      const link = await readlink(current);
      current = isAbsolute(link) ? link : join(dirname(current), link);
      continue;
    }
    if (info) return realpath(current);
    const folder = await realpath(dirname(current)).catch((error: unknown) => {
      throw writeError(error, shown);
    });
    return join(folder, basename(current));
  }
  throw new UsageError(`cannot write ${shown}: it is a loop of symbolic links`);
}

/** Writes `content` to a file or stream target; standard output is the caller's to write. */
export async function writeToTarget(target: Exclude<OutputTarget, { kind: 'stdout' }>, content: string | Uint8Array): Promise<void> {
  if (target.kind === 'file') {
    await writeFileAtomic(target.path, content);
    return;
  }
  try {
    // No O_CREAT, no O_TRUNC: a device or FIFO is written as it is.
    const handle = await open(target.path, constants.O_WRONLY);
    try {
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw writeError(error, target.shown);
  }
}

/** Copies a finished file to a device or FIFO target. */
export async function copyToTarget(source: string, target: Extract<OutputTarget, { kind: 'stream' }>): Promise<void> {
  try {
    const destination = await open(target.path, constants.O_WRONLY);
    try {
      for await (const chunk of createReadStream(source)) await destination.writeFile(chunk as Buffer);
    } finally {
      await destination.close();
    }
  } catch (error) {
    throw writeError(error, target.shown);
  }
}
