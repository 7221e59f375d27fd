import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestFile } from '../src/core/fs/file-digest.js';
import type { ParallelHasher } from '../src/core/fs/parallel-hash.js';
import { openFileSource } from '../src/core/pack/file-source.js';
import { payloadBuffer } from '../src/core/pack/payload-buffer.js';
import { ZipWriter } from '../src/core/zip/writer.js';
import { svmc, tempDir } from './helpers/cli.js';
import { bagName, mapExtraEvidence, python, REZIP, signedPack } from './pack-fixtures.js';

const LARGE = 6 << 20;

/** A hasher that answers with what `answer` makes of the file's true digest. */
function fakeHasher(answer: (path: string) => ReturnType<typeof digestFile>): ParallelHasher {
  return {
    idle: true,
    hashFile: (path) => Promise.resolve(answer(path)),
    hashRange: () => undefined,
    close: () => Promise.resolve(),
  };
}

async function packedDigest(hasher: ParallelHasher): Promise<{ sha256: string | undefined; size: number }> {
  const dir = tempDir('svmc-parallel-');
  const file = join(dir, 'film.bin');
  writeFileSync(file, randomBytes(LARGE));
  const writer = await ZipWriter.create(join(dir, 'out.zip'), { date: new Date('2026-03-01T00:00:00Z'), forceZip64: false });
  const source = await openFileSource(file, 'film.bin', { buffer: payloadBuffer(), hasher, expectedSize: LARGE });
  try {
    await source.writeTo(writer, 'film.bin', LARGE);
  } finally {
    await source.close();
    await writer.close();
  }
  return source.digest();
}

describe('hashing large files on a second thread', () => {
  it('takes the second reader’s hash when its size and CRC-32 agree with the bytes written', async () => {
    let path = '';
    const digest = await packedDigest(
      fakeHasher((file) => {
        path = file;
        return digestFile(file);
      }),
    );
    expect(digest).toEqual({ sha256: digestFile(path).digests.sha256, size: LARGE });
  });

  it('gives no hash when the second reader saw other bytes, so pack says the file changed', async () => {
    const digest = await packedDigest(fakeHasher((file) => ({ ...digestFile(file), crc: 0 })));
    expect(digest).toEqual({ sha256: undefined, size: LARGE });
  });

  it('packs and verifies a large file through the worker, and names it when a byte of it is flipped in the zip', () => {
    const { zip } = signedPack((dir) => {
      writeFileSync(join(dir, 'evidence', 'film.bin'), randomBytes(LARGE));
      mapExtraEvidence(dir, 'evidence/film.bin');
    });
    expect(svmc(['verify', zip]).code).toBe(0);
    const flipped = join(tempDir('svmc-flip-'), 'flipped.zip');
    const made = python(REZIP, zip, flipped, JSON.stringify({ flip: `${bagName(zip)}/data/evidence/film.bin` }));
    expect(made.code, made.stderr).toBe(0);
    const run = svmc(['verify', flipped, '--format', 'json']);
    expect(run.code).toBe(1);
    const files = (JSON.parse(run.stdout) as { packs: { findings: { file: string }[] }[] }).packs[0]!.findings.map((f) => f.file);
    expect(files).toContain('data/evidence/film.bin');
  });
});
