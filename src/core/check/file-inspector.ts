import { accessSync, closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { normalisePath, pathTextProblem } from '../application/paths.js';
import type { FileCache } from '../manifest/file-cache.js';
import type { PathResolver } from '../manifest/path-resolver.js';
import { OVERLAP_BYTES, SCAN_CHUNK_BYTES, findSecret, worthScanning } from './secrets.js';

export type FileState =
  | { kind: 'outside'; reason: string }
  | { kind: 'missing' }
  | { kind: 'unreadable'; reason: string }
  | { kind: 'empty' }
  | { kind: 'ok'; secret?: string };

/** Most files are fine: one shared state for all of them. */
const OK: FileState = Object.freeze({ kind: 'ok' });

/**
 * Looks at each mapped file once, however many criteria and rules ask. Synchronous on purpose:
 * for thousands of small files, one system call each on the main thread is many times faster
 * than the promise API's round trips through the thread pool.
 */
export class FileInspector {
  /** By the path as written and as normalised. */
  private readonly seen = new Map<string, FileState>();

  constructor(
    /** Shared with the manifest, so each file is stat-ed once per check. */
    readonly resolver: PathResolver,
    /** Shared with the manifest: one cache of file facts. */
    readonly cache: FileCache,
  ) {}

  inspect(path: string): FileState {
    let state = this.seen.get(path);
    if (!state) {
      const key = normalisePath(path);
      state = this.seen.get(key) ?? this.look(path, key);
      this.seen.set(key, state);
      this.seen.set(path, state);
    }
    return state;
  }

  private look(path: string, key: string): FileState {
    const problem = pathTextProblem(path);
    if (problem) return { kind: 'outside', reason: problem };
    const found = this.resolver.locate(key);
    if (found.kind === 'outside') return { kind: 'outside', reason: 'leads out of the application folder through a symbolic link' };
    if (found.kind === 'failed') return failed(found.code);
    const { real, stats } = found;
    if (!stats.isFile) return { kind: 'unreadable', reason: 'is a folder or device, not a file: map the files inside it' };
    if (stats.size === 0) return { kind: 'empty' };
    const cached = this.cache.secret(key, stats);
    if (cached !== undefined) return cached ? { kind: 'ok', secret: cached } : OK;
    try {
      const startedAt = Date.now();
      const secret = worthScanning(key, stats.size) ? scan(real, stats.size) : readable(real);
      this.cache.recordSecret(key, stats, secret, startedAt);
      return secret ? { kind: 'ok', secret } : OK;
    } catch (error) {
      return { kind: 'unreadable', reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): check its permissions` };
    }
  }
}

function failed(code: string): FileState {
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
  return { kind: 'unreadable', reason: code === 'ELOOP' ? 'is a loop of symbolic links' : `cannot be opened (${code})` };
}

function readable(path: string): undefined {
  accessSync(path, constants.R_OK);
  return undefined;
}

// A file swapped for a FIFO after its lstat must not stall the check: opened without waiting, then judged.
const SCAN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

let shared: Buffer | undefined;

/** The whole file, chunk by chunk: a key pasted at the end of a long text is found as surely as at its start. */
function scan(path: string, size: number): string | undefined {
  const fd = openSync(path, SCAN_FLAGS);
  try {
    if (!fstatSync(fd).isFile()) throw Object.assign(new Error('not a regular file'), { code: 'EINVAL' });
    const buffer = (shared ??= Buffer.allocUnsafe(SCAN_CHUNK_BYTES + OVERLAP_BYTES));
    // Each read follows the tail of the one before, so no secret hides across a chunk boundary.
    let kept = 0;
    for (let position = 0; ; ) {
      const read = readSync(fd, buffer, kept, buffer.length - kept, position);
      if (read === 0) return undefined;
      position += read;
      const filled = kept + read;
      const secret = findSecret(buffer.subarray(0, filled));
      if (secret) return secret;
      if (position >= size) return undefined;
      kept = Math.min(OVERLAP_BYTES, filled);
      buffer.copy(buffer, 0, filled - kept, filled);
    }
  } finally {
    closeSync(fd);
  }
}
