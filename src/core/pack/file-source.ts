import { createHash, type Hash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { chooseMethod, TRIAL_BYTES } from './compression.js';
import { readChunks } from './read-chunks.js';

export interface FileSource {
  method: number;
  /** The file's bytes, read once, hashed on the way through. */
  chunks: AsyncIterable<Buffer>;
  /** SHA-256 hex and size of what `chunks` yielded; call after they are consumed. */
  digest(): { sha256: string; size: number };
  close(): Promise<void>;
}

export interface FileSourceOptions {
  signal?: AbortSignal;
  onBytes?: (bytes: number) => void;
}

/**
 * Opens `path` for one streaming pass: the first block doubles as the compression trial, the
 * rest follows from the same handle, and every byte goes through SHA-256 as it is handed on.
 */
export async function openFileSource(path: string, entryName: string, options: FileSourceOptions = {}): Promise<FileSource> {
  const handle = await open(path, 'r');
  try {
    const first = Buffer.alloc(TRIAL_BYTES);
    const { bytesRead } = await handle.read(first, 0, TRIAL_BYTES, 0);
    const head = first.subarray(0, bytesRead);
    const hash = createHash('sha256');
    let size = 0;
    let closed = false;
    return {
      method: chooseMethod(entryName, head),
      chunks: readAll(handle, head, hash, options, (n) => (size += n)),
      digest: () => ({ sha256: hash.digest('hex'), size }),
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

async function* readAll(
  handle: FileHandle,
  head: Buffer,
  hash: Hash,
  { signal, onBytes }: FileSourceOptions,
  count: (n: number) => void,
): AsyncGenerator<Buffer> {
  const pass = (chunk: Buffer): Buffer => {
    signal?.throwIfAborted();
    hash.update(chunk);
    count(chunk.length);
    onBytes?.(chunk.length);
    return chunk;
  };
  if (head.length === 0) return;
  yield pass(head);
  if (head.length < TRIAL_BYTES) return;
  for await (const chunk of readChunks(handle, head.length)) yield pass(chunk);
}
