import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, pickCrc32 } from '../src/core/fs/crc32.js';
import { CENTRAL_HEADER, CENTRAL_HEADER_SIZE, LOCAL_HEADER, LOCAL_HEADER_SIZE } from '../src/core/zip/format.js';
import { svmc } from './helpers/cli.js';
import { bagName, mapExtraEvidence, signedPack } from './pack-fixtures.js';

/** Flips a bit of the CRC-32 the zip records for `name`, in its local and central headers alike. */
function alterRecordedCrc(zip: string, name: string): void {
  const bytes = readFileSync(zip);
  const wanted = Buffer.from(name);
  let altered = 0;
  for (let at = bytes.indexOf(wanted); at >= 0; at = bytes.indexOf(wanted, at + 1)) {
    if (at >= LOCAL_HEADER_SIZE && bytes.readUInt32LE(at - LOCAL_HEADER_SIZE) === LOCAL_HEADER) bytes[at - LOCAL_HEADER_SIZE + 14]! ^= 1;
    else if (at >= CENTRAL_HEADER_SIZE && bytes.readUInt32LE(at - CENTRAL_HEADER_SIZE) === CENTRAL_HEADER) bytes[at - CENTRAL_HEADER_SIZE + 16]! ^= 1;
    else continue;
    altered++;
  }
  expect(altered).toBe(2);
  writeFileSync(zip, bytes);
}

describe('CRC-32', () => {
  const data = randomBytes(3 << 20);
  const pieces = [data.subarray(0, 0), data.subarray(0, 7), data.subarray(7, 1 << 20), data.subarray(1 << 20)];
  const chained = (f: typeof crc32): number => pieces.reduce((value, piece) => f(piece, value), 0);

  it('gives zlib’s values, chunk after chunk, from the fast library and from its fallback alike', () => {
    const fallback = pickCrc32(undefined);
    const expected = zlibCrc32(data);
    expect(crc32(data)).toBe(expected);
    expect(chained(crc32)).toBe(expected);
    expect(chained(fallback)).toBe(expected);
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });

  it('still catches a zip whose recorded CRC-32 is not its entry’s, large or small', () => {
    const { zip } = signedPack((dir) => {
      writeFileSync(join(dir, 'evidence', 'film.bin'), randomBytes(6 << 20));
      mapExtraEvidence(dir, 'evidence/film.bin');
    });
    const root = bagName(zip);
    for (const entry of [`${root}/data/evidence/film.bin`, `${root}/bag-info.txt`]) {
      const copy = join(zip, '..', `${entry.split('/').pop()}.zip`);
      writeFileSync(copy, readFileSync(zip));
      alterRecordedCrc(copy, entry);
      const verified = svmc(['verify', copy]);
      expect(verified.code).toBe(1);
      expect(verified.stdout).toContain(entry.slice(root.length + 1));
      expect(verified.stdout).toMatch(/CRC-32 does not match/);
    }
  });
});
