import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { digestFile } from '../src/core/fs/file-digest.js';
import type { ParallelHasher } from '../src/core/fs/parallel-hash.js';
import { openFileSource } from '../src/core/pack/file-source.js';
import { payloadBuffer } from '../src/core/pack/payload-buffer.js';
import { ZipWriter } from '../src/core/zip/writer.js';
import { ROOT, svmc, tempDir } from './helpers/cli.js';
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

  it('refuses a FIFO put where a large file was, rather than block the worker for ever', () => {
    const fifo = join(tempDir('svmc-fifo-'), 'film.bin');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(() => digestFile(fifo)).toThrow(/not a regular file/);
  });

  it('hashes on up to the number of workers asked for, each request on a free one', async () => {
    // The built module: its worker file exists only in dist/.
    const built = pathToFileURL(join(ROOT, 'dist/core/fs/parallel-hash.js')).href;
    const { parallelHasher } = (await import(built)) as typeof import('../src/core/fs/parallel-hash.js');
    const dir = tempDir('svmc-pool-');
    const files = ['a.bin', 'b.bin'].map((name) => join(dir, name));
    for (const file of files) writeFileSync(file, randomBytes(1 << 20));
    const one = parallelHasher(1);
    const two = parallelHasher(2);
    try {
      const alone = one.hashFile(files[0]!);
      expect(one.idle).toBe(false);
      const first = two.hashFile(files[0]!);
      expect(two.idle).toBe(true);
      const second = two.hashFile(files[1]!);
      expect(two.idle).toBe(false);
      expect(await Promise.all([alone, first, second])).toEqual([digestFile(files[0]!), digestFile(files[0]!), digestFile(files[1]!)]);
      expect([one.idle, two.idle]).toEqual([true, true]);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
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
