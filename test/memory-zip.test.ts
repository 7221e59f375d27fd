import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderFormDocx } from '../src/core/form/docx.js';
import { zipInMemory } from '../src/core/zip/memory-zip.js';
import { tempDir } from './helpers/cli.js';
import { python } from './pack-fixtures.js';
import { summaryInput } from './pdf-input.js';

/** What Python's zipfile reads: each entry's name, compression, date and content (base64), after its own CRC test. */
const READ_BACK = `
import base64, json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    assert z.testzip() is None
    print(json.dumps([[i.filename, i.compress_type, list(i.date_time), base64.b64encode(z.read(i)).decode()] for i in z.infolist()]))
`;

function readBack(bytes: Buffer): [string, number, number[], string][] {
  const file = join(tempDir('svmc-memory-zip-'), 'read.zip');
  writeFileSync(file, bytes);
  const run = python(READ_BACK, file);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as [string, number, number[], string][];
}

describe('a zip made in memory', () => {
  it('holds every file deflated, in order, dated as asked, as Python reads it', () => {
    const files = [
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>'.repeat(5000)) },
      { name: 'word/empty.xml', data: Buffer.alloc(0) },
      { name: 'word/média.bin', data: randomBytes(70_000) },
    ];
    const entries = readBack(zipInMemory(files, new Date('2026-12-01T10:20:31Z')));
    expect(entries).toEqual(files.map(({ name, data }) => [name, 8, [2026, 12, 1, 10, 20, 30], data.toString('base64')]));
  });

  it('gives the Word form the same bytes whenever it is made, every entry dated with the pack', async () => {
    const input = { ...summaryInput({ items: 3 }), date: new Date('2026-03-04T05:06:08Z') };
    const first = await renderFormDocx(input);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const second = await renderFormDocx(input);
    expect(second.equals(first)).toBe(true);
    const entries = readBack(first);
    expect(entries.map(([name]) => name)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'docProps/core.xml']));
    for (const [name, method, date] of entries) expect([name, method, date]).toEqual([name, 8, [2026, 3, 4, 5, 6, 8]]);
  });
});
