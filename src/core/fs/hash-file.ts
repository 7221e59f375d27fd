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
