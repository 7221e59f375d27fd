import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyOf, svmc, tempDir } from './helpers/cli.js';
import { bagName, forgeTagFiles, python, signedPack } from './pack-fixtures.js';

interface Pack {
  valid: boolean;
  findings: { code: string; severity: string; file: string; message: string }[];
}
const verify = (path: string, ...flags: string[]): { code: number; pack: Pack } => {
  const run = svmc(['verify', path, '--format', 'json', ...flags]);
  return { code: run.code, pack: (JSON.parse(run.stdout) as { packs: Pack[] }).packs[0]! };
};
/** What the pack is judged by: a forged zip is another tool's, which is only a note. */
const codes = (pack: Pack): string[] => pack.findings.filter((f) => f.severity !== 'info').map((f) => `${f.code} ${f.file}`);
const entry = (zip: string, name: string): Buffer =>
  Buffer.from(python('import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); sys.stdout.write(z.read(z.namelist()[0].split("/")[0] + "/" + sys.argv[2]).hex())', zip, name).stdout, 'hex');
const info = (zip: string, edit: (text: string) => string): Buffer => Buffer.from(edit(entry(zip, 'bag-info.txt').toString('utf8')));

// Tag files are not signed: each rendered one must be what the signed data renders again.
describe('the documents a pack renders show exactly the signed data', () => {
  let zip: string;
  beforeAll(() => {
    // A file left out of the pack must not change what the summary shows.
    zip = signedPack((dir) => writeFileSync(join(dir, 'evidence', 'notes-not-for-the-pack.txt'), 'draft notes\n')).zip;
  });

  it('confirms them in the pack, in another tool\'s zip, and unzipped', () => {
    const packed = svmc(['verify', zip]);
    expect(packed.code, packed.stdout).toBe(0);
    expect(packed.stdout.split('\n')[0]).toMatch(/valid: .*the summary shows exactly the signed data$/);
    const folder = tempDir('svmc-unzipped-');
    execFileSync('python3', ['-m', 'zipfile', '-e', zip, folder]);
    const unzipped = verify(join(folder, bagName(zip)));
    expect(unzipped.code).toBe(0);
    expect(unzipped.pack.findings).toEqual([]);
    const rezipped = join(tempDir(), 'rezipped.zip');
    execFileSync('python3', ['-m', 'zipfile', '-c', rezipped, join(folder, bagName(zip))]);
    const again = verify(rezipped);
    expect(again.code).toBe(0);
    expect(again.pack.findings.map((f) => f.code)).toEqual(['ZIP_REPACKED']);
  });

  it('fails a summary.pdf replaced by another real one, naming it first', () => {
    const other = copyOf('examples/level-2', 'svmc-other-');
    const otherZip = join(tempDir(), 'other.zip');
    expect(svmc(['pack', other, '--draft', '--out', otherZip]).code).toBe(0);
    const run = verify(forgeTagFiles(zip, { 'summary.pdf': entry(otherZip, 'summary.pdf') }));
    expect(run.code).toBe(1);
    expect(codes(run.pack)[0]).toBe('SUMMARY_ALTERED summary.pdf');
  });

  it.each([
    ['index.html', (text: string) => text.replace('</h1>', ' — awarded</h1>')],
    ['criteria-and-evidence-form.docx', () => 'not the form'],
  ])('fails %s edited, with the tag manifest rewritten to match', (name, edit) => {
    const run = verify(forgeTagFiles(zip, { [name]: edit(entry(zip, name).toString('utf8')) }));
    expect(run.code).toBe(1);
    expect(codes(run.pack)).toEqual([`SUMMARY_ALTERED ${name}`]);
  });

  it('fails bag-info.txt lines that the signed data does not give: fee, catalogue, pack id', () => {
    const forged = info(zip, (text) =>
      text
        .replace(/^SVMC-Fee: .*$/m, 'SVMC-Fee: GBP 0.00 net + 0.00 VAT (20%) = 0.00')
        .replace(/^SVMC-Catalogue: .*$/m, 'SVMC-Catalogue: another-catalogue')
        .replace(/^External-Identifier: SVMC-(\d+)-.*$/m, 'External-Identifier: SVMC-$1-000000000000'),
    );
    const run = verify(forgeTagFiles(zip, { 'bag-info.txt': forged }));
    expect(run.code).toBe(1);
    const messages = run.pack.findings.filter((f) => f.code === 'BAG_INFO_MISMATCH').map((f) => f.message);
    expect(messages).toHaveLength(3);
    expect(messages.join('\n')).toMatch(/SVMC-Fee says "GBP 0\.00 net \+ 0\.00 VAT \(20%\) = 0\.00", but the signed data and the pack time give "GBP /);
    expect(messages.join('\n')).toMatch(/SVMC-Catalogue says "another-catalogue"/);
    expect(messages.join('\n')).toMatch(/External-Identifier says "SVMC-\d+-000000000000"/);
  });

  it('fails a pack time moved by one second: the summary is dated with it', () => {
    const forged = info(zip, (text) => text.replace(/^SVMC-Pack-Time: (.*)$/m, (_, time: string) => `SVMC-Pack-Time: ${new Date(Date.parse(time) + 1000).toISOString()}`));
    const run = verify(forgeTagFiles(zip, { 'bag-info.txt': forged }));
    expect(run.code).toBe(1);
    expect(codes(run.pack)).toContain('SUMMARY_ALTERED summary.pdf');
  });

  it('says plainly when another svmc version made the pack, and --strict fails it', () => {
    const other = forgeTagFiles(zip, { 'bag-info.txt': info(zip, (text) => text.replace(/^Bag-Software-Agent: .*$/m, 'Bag-Software-Agent: svmc 0.0.1')) });
    const text = svmc(['verify', other]);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toMatch(/valid: .*the summary could not be confirmed$/);
    expect(text.stdout).toMatch(/summary\.pdf: could not be confirmed to show exactly the signed data: it was made by svmc 0\.0\.1, and this is svmc \d/);
    expect(verify(other, '--strict').code).toBe(1);
  });
});

describe('a draft\'s documents are confirmed too', () => {
  it('a level-3 draft with a self-assessment, a missing statement and an unmapped file', () => {
    const dir = copyOf('examples/level-3', 'svmc-draft-');
    writeFileSync(join(dir, 'evidence', 'stray.txt'), 'not mapped\n');
    const yaml = join(dir, 'svmc.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^ +statement: .*\n/m, ''));
    const zip = join(tempDir(), 'draft.zip');
    const packed = svmc(['pack', dir, '--draft', '--out', zip]);
    expect(packed.code, packed.stderr).toBe(0);
    expect(entry(zip, 'data/self-assessment.yaml').length).toBeGreaterThan(0);
    const run = verify(zip);
    expect(run.code).toBe(1);
    expect(codes(run.pack)).toEqual(['PACK_DRAFT bag-info.txt']);
  });
});
