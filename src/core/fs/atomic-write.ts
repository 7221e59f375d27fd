import { open, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';

/** Refusals by the file system that the user can act on: exit 2, naming their file, not ours. */
const REFUSALS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'EISDIR', 'ENOSPC', 'EDQUOT', 'EEXIST']);

export interface AtomicWriteOptions {
  /** File mode for a new file, e.g. 0o600 for private keys. */
  mode?: number;
  /** Sets `mode` as given rather than less the umask: to keep the mode of the file being replaced. */
  exactMode?: boolean;
}

/** A temporary name beside the target, so the final rename stays on one file system. */
export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes the whole file or nothing: a crash half-way never leaves a truncated file at `target`. */
export async function writeFileAtomic(
  target: string,
  content: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const temporary = temporaryPathFor(target);
  try {
    const handle = await open(temporary, 'wx', options.mode ?? 0o644);
    try {
      if (options.exactMode && options.mode !== undefined) await handle.chmod(options.mode);
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code && REFUSALS.has(code)) throw Object.assign(new UsageError(`cannot write ${target} (${code})`), { code });
    throw error;
  }
}
