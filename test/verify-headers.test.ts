import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { verifyPack } from '../src/core/verify/verify-pack.js';
import { tempDir } from './helpers/cli.js';
import { signedPack } from './pack-fixtures.js';

let zip: Buffer;
beforeAll(() => {
  zip = readFileSync(signedPack().zip);
});

/** Every byte of every zip header: local headers, the central directory and the end records. */
function headerBytes(bytes: Buffer): number[] {
  const end = bytes.lastIndexOf(Buffer.from('PK\x05\x06', 'latin1'));
  const directory = bytes.readUInt32LE(end + 16);
  const positions: number[] = [];
  for (let at = 0; at < directory && bytes.readUInt32LE(at) === 0x04034b50; ) {
    const headerEnd = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    for (let p = at; p < headerEnd; p++) positions.push(p);
    at = headerEnd + bytes.readUInt32LE(at + 18);
  }
  for (let p = directory; p < bytes.length; p++) positions.push(p);
  return positions;
}

// A changed header alone no longer fails a pack (another tool's zip differs in the same way), but
// it is never silent: the pack is either not valid or noted as re-packed.
it('notices a changed bit in any zip header: flags, versions, modes, dates, local copies of sizes', async () => {
  const path = join(tempDir(), 'flipped.zip');
  const positions = headerBytes(zip);
  const stillValid: number[] = [];
  // Every seventh position keeps the test quick while touching every field of every header kind.
  for (const position of positions.filter((_, i) => i % 7 === 0)) {
    const copy = Buffer.from(zip);
    copy[position]! ^= 0x01;
    writeFileSync(path, copy);
    const result = await verifyPack(path).catch(() => undefined);
    if (result?.valid && !result.findings.some((f) => f.code === 'ZIP_REPACKED')) stillValid.push(position);
  }
  expect(positions.length).toBeGreaterThan(1000);
  expect(stillValid).toEqual([]);
});
