import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

export { READ_LIMITS } from './read-limits.js';

export type ReadFailure = 'missing' | 'not-a-file' | 'too-large' | 'unreadable';

/** A file that cannot be read whole: `reason` says why, `detail` says it in words (without the path). */
export class FileReadError extends Error {
  override name = 'FileReadError';
  readonly detail: string;
  constructor(
    readonly path: string,
    readonly reason: ReadFailure,
    /** The system's error code, when there was one. */
    readonly code?: string,
  ) {
    const detail = describe(reason, code);
    super(`${path} ${detail}`);
    this.detail = detail;
  }
}

function describe(reason: ReadFailure, code: string | undefined): string {
  switch (reason) {
    case 'missing':
      return 'does not exist';
    case 'not-a-file':
      return 'is not a regular file (it is a folder, device, pipe or socket)';
    case 'too-large':
      return 'is far larger than such a file can be';
    default:
      return code === 'EACCES' || code === 'EPERM' ? 'cannot be read: permission denied' : `cannot be read (${code ?? 'error'})`;
  }
}

// O_NONBLOCK: opening a FIFO with no writer returns at once, so fstat can refuse it instead of waiting for ever.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

function failure(path: string, error: unknown): FileReadError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new FileReadError(path, 'missing', code);
  if (code === 'EISDIR' || code === 'ENXIO' || code === 'EOPNOTSUPP') return new FileReadError(path, 'not-a-file', code);
  return new FileReadError(path, 'unreadable', code);
}

/**
 * Reads a regular file whole, never more than `maxBytes`: FIFOs, devices, sockets and folders are
 * refused before a byte is read, and a file that grows past the limit while read is refused too.
 */
export function readRegularFileSync(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, READ_FLAGS);
  } catch (error) {
    throw failure(path, error);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new FileReadError(path, 'not-a-file');
    const reader = new Collector(path, stats.size, maxBytes);
    while (reader.add(readSync(fd, reader.space(), 0, reader.space().length, null)));
    return reader.bytes();
  } catch (error) {
    throw error instanceof FileReadError ? error : failure(path, error);
  } finally {
    closeSync(fd);
  }
}

/** The asynchronous form of `readRegularFileSync`. */
export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  let handle: FileHandle;
  try {
    handle = await open(path, READ_FLAGS);
  } catch (error) {
    throw failure(path, error);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new FileReadError(path, 'not-a-file');
    const reader = new Collector(path, stats.size, maxBytes);
    for (;;) {
      const space = reader.space();
      if (!reader.add((await handle.read(space, 0, space.length, null)).bytesRead)) break;
    }
    return reader.bytes();
  } catch (error) {
    throw error instanceof FileReadError ? error : failure(path, error);
  } finally {
    await handle.close();
  }
}

/** Gathers reads until the end of the file; the stated size is only a hint, the limit is not. */
class Collector {
  private readonly chunks: Buffer[] = [];
  private current: Buffer;
  private total = 0;

  constructor(
    private readonly path: string,
    statedSize: number,
    private readonly maxBytes: number,
  ) {
    if (statedSize > maxBytes) throw new FileReadError(path, 'too-large');
    this.current = Buffer.allocUnsafe(statedSize + 1);
  }

  space(): Buffer {
    return this.current;
  }

  /** Takes a read of `count` bytes into `space()`; false at the end of the file. */
  add(count: number): boolean {
    if (count === 0) return false;
    this.total += count;
    if (this.total > this.maxBytes) throw new FileReadError(this.path, 'too-large');
    this.chunks.push(this.current.subarray(0, count));
    this.current = Buffer.allocUnsafe(64 * 1024);
    return true;
  }

  bytes(): Buffer {
    return this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.total);
  }
}

/** Opens a regular file for streaming reads, refusing anything else without blocking on it. */
export async function openRegularFile(path: string): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(path, READ_FLAGS);
  } catch (error) {
    throw failure(path, error);
  }
  const stats = await handle.stat().catch(async (error: unknown) => {
    await handle.close();
    throw failure(path, error);
  });
  if (!stats.isFile()) {
    await handle.close();
    throw new FileReadError(path, 'not-a-file');
  }
  return handle;
}
