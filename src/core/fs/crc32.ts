import { createRequire } from 'node:module';
import { crc32 as zlibCrc32 } from 'node:zlib';

/** The CRC-32 of `data` continued from `value` (0 to start), as zip records it. */
export type Crc32 = (data: Uint8Array, value?: number) => number;

/**
 * @node-rs/crc32 (carry-less multiply instructions) took 62 ms for 1 GiB where zlib's table-driven
 * crc32 took 360-400 ms, a third of SHA-256's time, on every byte pack writes and verify reads.
 * zlib's gives the same values and is used where no build of the library installs.
 */
export function pickCrc32(native: { crc32: Crc32 } | undefined): Crc32 {
  if (!native) return (data, value = 0) => zlibCrc32(data, value);
  return (data, value = 0) => native.crc32(data, value) >>> 0;
}

/**
 * Required rather than imported: an import of the CommonJS package has Node lex it for its named
 * exports, which cost each hash worker about 40 ms of CPU to start (115 ms against 75 ms).
 */
function loadNative(): { crc32: Crc32 } | undefined {
  try {
    return createRequire(import.meta.url)('@node-rs/crc32') as typeof import('@node-rs/crc32');
  } catch {
    return undefined;
  }
}

export const crc32 = pickCrc32(loadNative());
