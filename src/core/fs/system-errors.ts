import { UsageError } from '../errors.js';

/**
 * What the file system says about the user's environment, in their words: a full disk, a file
 * size limit, permissions, a read-only or missing place. These stop a command (exit 2); they are
 * never a bug.
 */
const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full: free some space, or choose another disk, and run again',
  EDQUOT: 'your disk quota is used up: free some space, or choose another place, and run again',
  EFBIG: 'the file would be larger than this system lets a file grow (see "ulimit -f"): choose another place, or raise the limit',
  EACCES: 'permission denied (check the permissions of the file and of its folder)',
  EPERM: 'the operation is not permitted (check the permissions and the owner of the file and its folder)',
  EROFS: 'it is on a read-only file system: choose a writable place',
  ENOENT: 'it does not exist',
  ENOTDIR: 'a part of its path is not a folder',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'it already exists',
  ENAMETOOLONG: 'the name is too long for this file system',
  EMFILE: 'too many files are open at once: close other programs, or raise the limit ("ulimit -n"), and run again',
  ENFILE: 'the system has too many files open: close other programs and run again',
  EIO: 'the disk reported an input/output error: check the disk',
  ENXIO: 'it is a device or pipe with nothing at the other end',
  ELOOP: 'it is a loop of symbolic links',
  EBUSY: 'it is in use by another program: try again',
  ETXTBSY: 'it is in use by another program: try again',
};

export function isSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return error instanceof Error && typeof code === 'string' && code in REASONS;
}

/** `cannot read X: permission denied (…)`, naming `path` (the user's file, not a temporary one) or the error's own. */
export function explainSystemError(error: NodeJS.ErrnoException & { code: string }, doing?: string): string {
  const what = doing ?? (error.path === undefined ? 'svmc could not go on' : `cannot use ${error.path}`);
  return `${what}: ${REASONS[error.code]}`;
}

/** The error as a UsageError (exit 2) when it is the environment's doing; anything else is returned as it was. */
export function asUsageError(error: unknown, doing?: string): unknown {
  if (!isSystemError(error) || error instanceof UsageError) return error;
  return Object.assign(new UsageError(explainSystemError(error, doing)), { code: error.code });
}
