import { lstat, open, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import { asUsageError } from './system-errors.js';

export interface AtomicWriteOptions {
  /** File mode, set exactly (not less the umask), e.g. 0o600 for private keys; default: the replaced file's mode, or 0o644 less the umask for a new file. */
  mode?: number;
}

/** A temporary name beside the target, so the final rename stays on one file system. */
export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Writes the whole file or nothing: a crash half-way never leaves a truncated file at `target`.
 * `target` must be a regular file or not exist (see output-target.ts for outputs the user names).
 * Failures of the environment (a full disk, permissions) are UsageErrors naming `target`.
 */
export async function writeFileAtomic(target: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const temporary = temporaryPathFor(target);
  try {
    const mode = options.mode ?? (await existingMode(target));
    const handle = await open(temporary, 'wx', mode ?? 0o644);
    try {
      await handle.writeFile(content);
      // The umask may have narrowed it: a replaced file keeps exactly the mode it had.
      if (mode !== undefined) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw writeError(error, target);
  }
}

/** The mode of the regular file at `target`, which a file replacing it keeps. */
export async function existingMode(target: string): Promise<number | undefined> {
  const stats = await lstat(target).catch(() => undefined);
  return stats?.isFile() ? stats.mode & 0o7777 : undefined;
}

/** A failed write as the user sees it: a missing folder is named as such, not as a missing file. */
export function writeError(error: unknown, target: string): unknown {
  if (error instanceof UsageError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return Object.assign(new UsageError(`cannot write ${target}: the folder ${dirname(target)} does not exist`), { code });
  }
  return asUsageError(error, `cannot write ${target}`);
}
