import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { crc32 } from '../fs/crc32.js';
import { HashStream } from '../bag/hash-stream.js';
import type { ReadOutcome } from '../bag/source.js';
import { readChunks } from '../fs/read-chunks.js';
import { PARALLEL_HASH_MIN_BYTES, type ParallelHasher } from '../fs/parallel-hash.js';
import * as Z from './format.js';
import type { LocatedEntry } from './local-headers.js';

/**
 * Streams an entry's data straight from the zip, inflating it in memory, hashing it with each
 * algorithm as it goes and stopping as soon as it passes its declared size: nothing is ever
 * written anywhere, and a decompression bomb costs no more than the size it admits to.
 */
export async function readEntry(handle: FileHandle, { entry, dataStart }: LocatedEntry, algorithms: readonly string[], keep: number): Promise<ReadOutcome> {
  const hashes = new HashStream(algorithms, entry.size <= keep ? keep : 0);
  let crc = 0;
  let problem: string | undefined;
  const take = (chunk: Buffer): boolean => {
    if (hashes.size + chunk.length > entry.size) {
      problem = 'it inflates past the size its header declares: a decompression bomb, or damaged';
      return false;
    }
    hashes.update(chunk);
    crc = crc32(chunk, crc);
    return true;
  };
  const raw = readChunks(handle, dataStart, dataStart + entry.compressedSize);
  try {
    if (entry.method === Z.METHOD_STORED) {
      for await (const chunk of raw) if (!take(chunk)) break;
    } else {
      const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
      const input = Readable.from(raw);
      input.on('error', (error) => inflate.destroy(error));
      input.pipe(inflate);
      try {
        for await (const chunk of inflate as AsyncIterable<Buffer>) if (!take(chunk)) break;
      } finally {
        input.destroy();
        inflate.destroy();
      }
    }
  } catch (error) {
    problem ??= `its compressed data is damaged (${(error as Error).message})`;
  }
  problem ??= sizeOrCrcProblem(entry, hashes.size, crc);
  const bytes = hashes.bytes();
  return { digests: hashes.digests(), size: hashes.size, ...(bytes && !problem ? { bytes } : {}), ...(problem ? { problem } : {}) };
}

/**
 * A large stored entry hashed on the hasher's thread, straight from the zip's descriptor, while
 * this thread reads another; undefined when it should be read here (small, kept, compressed, or the
 * hasher is busy or cannot run).
 */
export function readStoredElsewhere(
  handle: FileHandle,
  located: LocatedEntry,
  algorithms: readonly string[],
  keep: number,
  hasher: ParallelHasher,
): Promise<ReadOutcome> | undefined {
  const { entry, dataStart } = located;
  if (entry.method !== Z.METHOD_STORED || entry.size < PARALLEL_HASH_MIN_BYTES || keep > 0 || !hasher.idle) return undefined;
  const digest = hasher.hashRange(handle.fd, dataStart, entry.compressedSize, algorithms);
  return digest?.then(async (seen) => {
    if (!seen) return readEntry(handle, located, algorithms, keep);
    const problem = sizeOrCrcProblem(entry, seen.size, seen.crc);
    return { digests: seen.digests, size: seen.size, ...(problem ? { problem } : {}) };
  });
}

function sizeOrCrcProblem(entry: LocatedEntry['entry'], size: number, crc: number): string | undefined {
  if (size !== entry.size) return `it holds ${size} bytes, not the ${entry.size} its header declares`;
  if (crc >>> 0 !== entry.crc) return 'its CRC-32 does not match: the entry is damaged or was altered';
  return undefined;
}
