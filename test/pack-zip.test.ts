import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packApplication } from '../src/core/pack/pack.js';
import { openApplication } from '../src/core/application/open.js';
import { chooseMethod } from '../src/core/pack/compression.js';
import { resolvePackDate } from '../src/core/pack/pack-date.js';
import { slugify } from '../src/core/pack/pack-name.js';
import { dosDateTime, METHOD_DEFLATED, METHOD_STORED } from '../src/core/zip/format.js';
import { ZipWriter } from '../src/core/zip/writer.js';
import { verifyPack } from '../src/core/verify/verify-pack.js';
import { UsageError } from '../src/core/errors.js';
import { copyOf, tempDir } from './helpers/cli.js';
import { toolAvailable } from './helpers/tools.js';
import { SVMC_VERSION } from '../src/core/package-root.js';
import { python } from './pack-fixtures.js';

const DATE = new Date('2026-03-01T12:34:56Z');

describe('the zip writer', () => {
  it.each([false, true])('writes entries other tools read back exactly (forceZip64 %s)', async (forceZip64) => {
    const zip = join(tempDir('svmc-zipw-'), 'w.zip');
    const writer = await ZipWriter.create(zip, { date: DATE, forceZip64 });
    const text = Buffer.from('hello, Zoë\n'.repeat(1000));
    const binary = Buffer.alloc(300_000, 7);
    await writer.addBuffer('top/a.txt', text, METHOD_DEFLATED);
    await writer.addBuffer('top/b.bin', binary, METHOD_STORED);
    await writer.addBuffer('top/empty', Buffer.alloc(0), METHOD_STORED);
    await writer.addBuffer('top/ünï.txt', Buffer.from('x'), METHOD_DEFLATED);
    await writer.finish();
    await writer.close();
    const read = python(
      `import hashlib, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
for i in z.infolist():
    print(i.filename, i.compress_type, i.date_time, oct(i.external_attr >> 16), hashlib.sha256(z.read(i)).hexdigest()[:8])`,
      zip,
    );
    expect(read.stderr).toBe('');
    expect(read.stdout.trim().split('\n')).toEqual([
      `top/a.txt 8 (2026, 3, 1, 12, 34, 56) 0o100644 ${sha8(text)}`,
      `top/b.bin 0 (2026, 3, 1, 12, 34, 56) 0o100644 ${sha8(binary)}`,
      `top/empty 0 (2026, 3, 1, 12, 34, 56) 0o100644 ${sha8(Buffer.alloc(0))}`,
      `top/ünï.txt 8 (2026, 3, 1, 12, 34, 56) 0o100644 ${sha8(Buffer.from('x'))}`,
    ]);
    if (toolAvailable('unzip')) expect(spawnSync('unzip', ['-tq', zip]).status).toBe(0);
  });

  it('stamps DOS dates in UTC and clamps them to the zip range', () => {
    expect(dosDateTime(new Date('1980-01-01T00:00:00Z'))).toEqual({ time: 0, date: (1 << 5) | 1 });
    expect(dosDateTime(new Date('1970-01-01T00:00:00Z'))).toEqual({ time: 0, date: (1 << 5) | 1 });
  });
});

describe('compression', () => {
  it('stores compressed formats, deflates text, and tries the rest', () => {
    expect(chooseMethod('x/photo.JPG', Buffer.alloc(1000))).toBe(METHOD_STORED);
    expect(chooseMethod('x/plan.docx', Buffer.alloc(1000))).toBe(METHOD_STORED);
    expect(chooseMethod('x/notes.md', Buffer.from('abc'))).toBe(METHOD_DEFLATED);
    expect(chooseMethod('x/data.bin', Buffer.alloc(65536))).toBe(METHOD_DEFLATED);
    expect(chooseMethod('x/data.bin', randomBytes(65536))).toBe(METHOD_STORED);
    expect(chooseMethod('x/empty.txt', Buffer.alloc(0))).toBe(METHOD_STORED);
  });
});

describe('the pack date', () => {
  const now = new Date('2030-01-01T00:00:00Z');
  it('takes --date, then SOURCE_DATE_EPOCH, then now', () => {
    expect(resolvePackDate('2026-03-01', '0', now).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(resolvePackDate('2026-03-01T10:00:00+01:00', undefined, now).toISOString()).toBe('2026-03-01T09:00:00.000Z');
    expect(resolvePackDate(undefined, '1767225600', now).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(resolvePackDate(undefined, undefined, now)).toBe(now);
  });
  it.each([['2026-02-30'], ['tomorrow'], ['1970-01-01']])('refuses --date %s', (date) => {
    expect(() => resolvePackDate(date, undefined, now)).toThrow(UsageError);
  });
});

describe('names', () => {
  it('slugs any organisation name to ASCII', () => {
    expect(slugify("Zoë's Café — Łódź")).toBe('zoes-cafe-lodz');
    expect(slugify('株式会社')).toBe('application');
  });
});

describe('pack and verify in process', () => {
  it('round-trips a draft written with ZIP64 records everywhere, and leaves the folder as it was', async () => {
    const dir = copyOf('examples/level-1', 'svmc-z64-');
    const before = snapshot(dir);
    const out = join(tempDir('svmc-z64out-'), 'p.zip');
    const result = await packApplication(await openApplication(dir), out, { date: DATE, draft: true, software: `svmc ${SVMC_VERSION}`, forceZip64: true });
    expect(result.draft).toBe(true);
    expect(snapshot(dir)).toEqual(before);
    if (toolAvailable('unzip')) expect(spawnSync('unzip', ['-tq', out]).status).toBe(0);
    const verified = await verifyPack(out);
    expect(verified.findings).toEqual([expect.objectContaining({ location: { file: 'bag-info.txt' }, message: expect.stringMatching(/draft/) })]);
    expect(verified.bag.payloadFiles).toBe(12);
  });
});

function snapshot(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => !name.startsWith('.svmc'))
    .sort()
    .map((name) => `${name} ${statSync(join(dir, name)).mtimeMs} ${statSync(join(dir, name)).isFile() ? readFileSync(join(dir, name)).length : ''}`);
}

function sha8(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 8);
}
