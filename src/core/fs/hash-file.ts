import { createHash } from 'node:crypto';
import { openRegularFile } from '../fs/read-file.js';

/** Large reads keep the hash throughput near `sha256sum` while memory stays at one chunk per file. */
const HASH_CHUNK_BYTES = 1 << 20;

/** SHA-256 of a file in hex, streamed: a large video is never read into memory whole. */
export async function hashFile(path: string, onBytes?: (bytes: number) => void): Promise<string> {
  const hash = createHash('sha256');
  const handle = await openRegularFile(path);
  for await (const chunk of handle.createReadStream({ highWaterMark: HASH_CHUNK_BYTES })) {
    hash.update(chunk as Buffer);
    onBytes?.((chunk as Buffer).length);
  }
  return hash.digest('hex');
}

/** Runs `task` over `items` with at most `limit` at a time, keeping the order of results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
