import type { FileHandle } from 'node:fs/promises';

/** Read size: large enough to keep system calls few, small enough to keep memory flat. */
const CHUNK_BYTES = 1 << 20;

/**
 * The bytes of `handle` from `start` to `end` (exclusive; the end of the file when omitted),
 * with the next read already in flight while the caller works on the current chunk. Leaves
 * the handle open, unlike a read stream, so one handle serves many ranges.
 */
export async function* readChunks(handle: FileHandle, start: number, end = Number.POSITIVE_INFINITY): AsyncGenerator<Buffer> {
  let position = start;
  let done = false;
  const next = (): Promise<Buffer> | undefined => {
    const length = Math.min(CHUNK_BYTES, end - position);
    if (done || length <= 0) return undefined;
    const at = position;
    position += length;
    return handle.read(Buffer.allocUnsafe(length), 0, length, at).then(({ buffer, bytesRead }) => {
      if (bytesRead < length) {
        done = true;
        if (Number.isFinite(end)) throw new Error('the file ends early');
      }
      return buffer.subarray(0, bytesRead);
    });
  };
  let pending = next();
  try {
    while (pending) {
      const chunk = await pending;
      pending = next();
      if (chunk.length > 0) yield chunk;
    }
  } finally {
    pending?.catch(() => undefined);
  }
}
