import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { crc32 } from './crc32.js';

export interface RangeDigest {
  /** Hex digest per algorithm asked for. */
  digests: Record<string, string>;
  crc: number;
  size: number;
}

let shared: Buffer | undefined;

/**
 * Bytes `start` to `start + length` of an open file (to its end when it is shorter) into each
 * algorithm and CRC-32, synchronously, through one buffer per thread.
 */
export function digestRange(fd: number, start: number, length: number, algorithms: readonly string[]): RangeDigest {
  const buffer = (shared ??= Buffer.allocUnsafeSlow(1 << 20));
  const hashes = algorithms.map((algorithm) => createHash(algorithm));
  let crc = 0;
  let size = 0;
  while (size < length) {
    const read = readSync(fd, buffer, 0, Math.min(buffer.length, length - size), start + size);
    if (read === 0) break;
    const chunk = buffer.subarray(0, read);
    for (const hash of hashes) hash.update(chunk);
    crc = crc32(chunk, crc);
    size += read;
  }
  return { digests: Object.fromEntries(algorithms.map((algorithm, i) => [algorithm, hashes[i]!.digest('hex')])), crc, size };
}

/** A whole regular file by its path, into SHA-256 and CRC-32; never blocks on a FIFO put in its place. */
export function digestFile(path: string): RangeDigest {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw Object.assign(new Error(`${path} is not a regular file`), { code: 'EINVAL' });
    return digestRange(fd, 0, Number.POSITIVE_INFINITY, ['sha256']);
  } finally {
    closeSync(fd);
  }
}
