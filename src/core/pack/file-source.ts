import { createHash } from 'node:crypto';
import { readSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { openRegularFile } from '../fs/read-file.js';
import { chooseMethod, TRIAL_BYTES } from './compression.js';
import { takeTurn } from './payload-buffer.js';
import { readChunks } from '../fs/read-chunks.js';
import { digestFile, type RangeDigest } from '../fs/file-digest.js';
import { PARALLEL_HASH_MIN_BYTES, type ParallelHasher } from '../fs/parallel-hash.js';
import { METHOD_STORED } from '../zip/format.js';
import type { WrittenEntry } from '../zip/headers.js';
import type { ZipWriter } from '../zip/writer.js';

export interface FileSource {
  method: number;
  /** Hashed on a worker, whose digest may come after the file is written. */
  hashedElsewhere: boolean;
  /** Streams the file, read once and hashed on the way through, into a new entry `name` of `writer`. */
  writeTo(writer: ZipWriter, name: string, sizeHint: number): Promise<WrittenEntry>;
  /**
   * SHA-256 hex and size of what was written; call after `writeTo`. No hash when the file read on
   * a second thread was not the bytes written (it changed while being packed).
   */
  digest(): Promise<{ sha256: string | undefined; size: number }>;
  close(): Promise<void>;
}

export interface FileSourceOptions {
  signal?: AbortSignal;
  onBytes?: (bytes: number) => void;
  /** A buffer shared by the files of one pack; stored files are read through it. */
  buffer?: Buffer;
  /** Hashes large files on a second thread (see parallel-hash.ts). */
  hasher?: ParallelHasher;
  /** The size the file is expected to have, which decides whether it is hashed on the second thread. */
  expectedSize?: number;
}

/**
 * Opens `path` for one streaming pass: the first block doubles as the compression trial, the
 * rest follows from the same handle, and every byte goes through SHA-256 as it is handed on.
 */
export async function openFileSource(path: string, entryName: string, options: FileSourceOptions = {}): Promise<FileSource> {
  const handle = await openRegularFile(path);
  try {
    const first = Buffer.alloc(TRIAL_BYTES);
    const { bytesRead } = await handle.read(first, 0, TRIAL_BYTES, 0);
    const head = first.subarray(0, bytesRead);
    const hash = createHash('sha256');
    const large = (options.expectedSize ?? 0) >= PARALLEL_HASH_MIN_BYTES;
    const parallel = large ? options.hasher?.hashFile(path) : undefined;
    let size = 0;
    let closed = false;
    let written: WrittenEntry | undefined;
    const pass = (chunk: Buffer): Buffer => {
      options.signal?.throwIfAborted();
      if (!parallel) hash.update(chunk);
      size += chunk.length;
      options.onBytes?.(chunk.length);
      return chunk;
    };
    const method = chooseMethod(entryName, head);
    const buffer = options.buffer;
    return {
      method,
      hashedElsewhere: parallel !== undefined,
      writeTo: async (writer, name, sizeHint) => {
        written = await (method === METHOD_STORED && buffer
          ? writer.addStoredEntry(name, sizeHint, async (write) => {
              let chunk: Buffer = head;
              let position = head.length;
              for (let count = 1; chunk.length > 0; count++) {
                write(chunk);
                pass(chunk);
                if (chunk.length < buffer.length && chunk !== head) break;
                if (chunk === head && head.length < TRIAL_BYTES) break;
                await takeTurn(count);
                chunk = buffer.subarray(0, readSync(handle.fd, buffer, 0, buffer.length, position));
                position += chunk.length;
              }
            })
          : writer.addStream(name, readAll(handle, head, pass), method, sizeHint));
        return written;
      },
      async digest() {
        if (!parallel) return { sha256: hash.digest('hex'), size };
        // The worker gave up (or is gone): the file is read once more here, and judged the same way.
        const seen = (await parallel) ?? digestOrNothing(path);
        const same = seen !== undefined && seen.size === size && seen.crc === written?.crc;
        return { sha256: same ? seen.digests.sha256 : undefined, size };
      },
      close: async () => {
        if (!closed) await handle.close();
        closed = true;
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

async function* readAll(handle: FileHandle, head: Buffer, pass: (chunk: Buffer) => Buffer): AsyncGenerator<Buffer> {
  if (head.length === 0) return;
  yield pass(head);
  if (head.length < TRIAL_BYTES) return;
  for await (const chunk of readChunks(handle, head.length)) yield pass(chunk);
}

/** A file gone or unreadable since it was written into the zip has changed, as far as the pack can tell. */
function digestOrNothing(path: string): RangeDigest | undefined {
  try {
    return digestFile(path);
  } catch {
    return undefined;
  }
}
