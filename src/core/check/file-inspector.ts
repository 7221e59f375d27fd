import { accessSync, closeSync, constants, lstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isInside, normalisePath, pathTextProblem } from '../application/paths.js';
import type { ScanCache } from './scan-cache.js';
import { SECRET_SCAN_BYTES, findSecret, worthScanning } from './secrets.js';

export type FileState =
  | { kind: 'outside'; reason: string }
  | { kind: 'missing' }
  | { kind: 'unreadable'; reason: string }
  | { kind: 'empty' }
  | { kind: 'ok'; size: number; secret?: string };

type Located = { real: string; info: Stats } | FileState;

/**
 * Looks at each mapped file once, however many criteria it serves. Synchronous on purpose: for
 * thousands of small files, one system call each on the main thread is many times faster than
 * the promise API's round trips through the thread pool.
 */
export class FileInspector {
  private readonly seen = new Map<string, FileState>();
  private readonly folders = new Map<string, Located>();

  constructor(
    private readonly dir: string,
    /** realpath of `dir`. */
    private readonly root: string,
    private readonly cache: ScanCache,
  ) {}

  async inspect(path: string): Promise<FileState> {
    const key = normalisePath(path);
    let state = this.seen.get(key);
    if (!state) {
      state = this.look(path, key);
      this.seen.set(key, state);
    }
    return state;
  }

  private look(path: string, key: string): FileState {
    const problem = pathTextProblem(path);
    if (problem) return { kind: 'outside', reason: problem };
    const found = this.resolve(path);
    if ('kind' in found) return found;
    const { real, info } = found;
    if (!isInside(this.root, real)) return { kind: 'outside', reason: 'leads out of the application folder through a symbolic link' };
    if (!info.isFile()) return { kind: 'unreadable', reason: 'is a folder or device, not a file: map the files inside it' };
    if (info.size === 0) return { kind: 'empty' };
    const cached = this.cache.get(key, info);
    if (cached !== undefined) return { kind: 'ok', size: info.size, ...(cached ? { secret: cached } : {}) };
    try {
      const secret = worthScanning(key, info.size) ? scan(real, Math.min(info.size, SECRET_SCAN_BYTES)) : readable(real);
      this.cache.set(key, info, secret ?? null);
      return { kind: 'ok', size: info.size, ...(secret ? { secret } : {}) };
    } catch (error) {
      return { kind: 'unreadable', reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): check its permissions` };
    }
  }

  /** Each folder is resolved once; the file itself is only lstat-ed unless it is a symbolic link. */
  private resolve(path: string): Located {
    const absolute = join(this.dir, path);
    const folderPath = dirname(absolute);
    let folder = this.folders.get(folderPath);
    if (!folder) {
      folder = located(folderPath);
      this.folders.set(folderPath, folder);
    }
    if ('kind' in folder) return folder;
    const real = join(folder.real, basename(absolute));
    try {
      const info = lstatSync(real);
      return info.isSymbolicLink() ? located(real) : { real, info };
    } catch (error) {
      return failed(error);
    }
  }
}

function located(path: string): Located {
  try {
    const real = realpathSync.native(path);
    return { real, info: statSync(real) };
  } catch (error) {
    return failed(error);
  }
}

function failed(error: unknown): FileState {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
  return { kind: 'unreadable', reason: code === 'ELOOP' ? 'is a loop of symbolic links' : `cannot be opened (${code})` };
}

function readable(path: string): undefined {
  accessSync(path, constants.R_OK);
  return undefined;
}

function scan(path: string, bytes: number): string | undefined {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return findSecret(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
}
