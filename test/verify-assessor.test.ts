import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { shippedValidator } from '../src/core/schema/ajv.js';
import { svmc, tempDir } from './helpers/cli.js';
import { toolAvailable } from './helpers/tools.js';
import { entryEnd, endRecordAt, insertAt, layout, storedLocal } from './helpers/zip-bytes.js';
import { bagName, forgeTagFiles, mapExtraEvidence, python, signedPack } from './pack-fixtures.js';

interface Pack {
  valid: boolean;
  findings: { code: string; severity: string; file: string; message: string }[];
}
const verify = (...paths: string[]): { code: number; packs: Pack[]; stdout: string } => {
  const run = svmc(['verify', ...paths, '--format', 'json']);
  return { code: run.code, stdout: run.stdout, packs: (JSON.parse(run.stdout) as { packs: Pack[] }).packs };
};
const errors = (pack: Pack): string[] => pack.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.file}`);

let zip: string;
let bag: string;
let unzipped: string;
beforeAll(() => {
  zip = signedPack().zip;
  bag = bagName(zip);
  unzipped = tempDir('svmc-unzipped-');
  execFileSync('python3', ['-m', 'zipfile', '-e', zip, unzipped]);
});

describe('an assessor verifies a pack however it reached them', () => {
  it('verifies the unzipped folder, and the bag folder inside it', () => {
    for (const path of [unzipped, join(unzipped, bag)]) {
      const run = verify(path);
      expect(run.code, run.stdout).toBe(0);
      expect(run.packs[0]!.findings).toEqual([]);
    }
  });

  const rezips: [string, string, (target: string) => string[]][] = [
    ['zip -r', 'zip', (target) => ['zip', '-qr', target, bag]],
    ["Python's zipfile", 'python3', (target) => ['python3', '-m', 'zipfile', '-c', target, bag]],
    ['bsdtar', 'bsdtar', (target) => ['bsdtar', '--format', 'zip', '-cf', target, bag]],
  ];
  it.each(rezips)('accepts the pack re-zipped by %s, with one informational line', (_, tool, command) => {
    if (!toolAvailable(tool)) return;
    const target = join(tempDir('svmc-rezip-'), 'rezipped.zip');
    const [program, ...args] = command(target);
    execFileSync(program!, args, { cwd: unzipped });
    const run = svmc(['verify', target]);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/rezipped\.zip: valid/);
    expect(run.stdout).toMatch(/re-packed by another tool .*the content is judged, not the container \[ZIP_REPACKED\]/);
    expect(verify(target).packs[0]!.findings.map((f) => [f.code, f.severity])).toEqual([['ZIP_REPACKED', 'info']]);
  });

  it('names a changed evidence file within the first lines, re-zipped or not', () => {
    const evidence = 'data/evidence/plan/impact-management-plan.md';
    const folder = tempDir('svmc-changed-');
    execFileSync('python3', ['-m', 'zipfile', '-e', zip, folder]);
    const file = join(folder, bag, evidence);
    const content = readFileSync(file);
    content[10] = content[10]! ^ 0x01;
    writeFileSync(file, content);
    const target = join(folder, 'changed.zip');
    execFileSync('python3', ['-m', 'zipfile', '-c', target, bag], { cwd: folder });
    for (const path of [target, join(folder, bag)]) {
      const run = svmc(['verify', path]);
      expect(run.code).toBe(1);
      const lines = run.stdout.split('\n');
      expect(lines[0]).toMatch(/NOT valid/);
      expect(lines.slice(0, 3).join('\n')).toContain(`${evidence}: its checksum does not match manifest-sha256.txt`);
    }
  });

  it('reports several PATHs in one report, each judged on its own, exit the worst', () => {
    const broken = join(tempDir(), 'broken.zip');
    writeFileSync(broken, readFileSync(zip).subarray(0, 1000));
    const run = verify(zip, unzipped, broken);
    expect(run.code).toBe(1);
    expect(run.packs.map((p) => p.valid)).toEqual([true, true, false]);
    const text = svmc(['verify', zip, broken]).stdout;
    expect(text.trim().split('\n').at(-1)).toBe('1 of 2 valid');
  });

  it('still judges and reports the others when one PATH does not exist, and exits 2', () => {
    const absent = join(tempDir(), 'absent.zip');
    const run = svmc(['verify', zip, absent, unzipped]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/pack\.zip: valid/);
    expect(run.stdout).toContain(`${absent}: NOT verified: cannot read ${absent}: it does not exist`);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('2 of 3 valid (1 could not be read)');
    expect(run.stderr).toContain(`svmc: cannot read ${absent}`);
    const json = svmc(['verify', absent, zip, '--format', 'json']);
    expect(json.code).toBe(2);
    const report = JSON.parse(json.stdout) as { valid: boolean; packs: unknown[]; unreadable: { path: string }[] };
    expect(shippedValidator('verify.schema.json')(report)).toBe(true);
    expect([report.valid, report.packs.length, report.unreadable.map((u) => u.path)]).toEqual([false, 1, [absent]]);
    expect(svmc(['verify', absent, join(tempDir(), 'also-absent.zip')]).code).toBe(2);
  });

  it('prints JSON that fits schemas/verify.schema.json, for valid, invalid and plain bags', () => {
    const validate = shippedValidator('verify.schema.json');
    const broken = join(tempDir(), 'broken.zip');
    writeFileSync(broken, 'not a zip');
    for (const args of [[zip], [unzipped, broken], ['--bagit-only', zip]]) {
      const report: unknown = JSON.parse(svmc(['verify', ...args, '--format', 'json']).stdout);
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('says "valid BagIt, not an svmc submission pack" for a plain bag, which passes --bagit-only as a folder and as a zip', () => {
    const folder = join(tempDir('svmc-plain-'), 'plain');
    mkdirSync(join(folder, 'data'), { recursive: true });
    writeFileSync(join(folder, 'data', 'a.txt'), 'alpha\n');
    writeFileSync(join(folder, 'bagit.txt'), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    const sha = execFileSync('sha256sum', ['data/a.txt'], { cwd: folder, encoding: 'utf8' });
    writeFileSync(join(folder, 'manifest-sha256.txt'), sha);
    const zipped = `${folder}.zip`;
    execFileSync('python3', ['-m', 'zipfile', '-c', zipped, 'plain'], { cwd: join(folder, '..') });
    for (const path of [folder, zipped]) {
      const plain = svmc(['verify', path]);
      expect(plain.code).toBe(1);
      expect(plain.stdout.split('\n')[0]).toMatch(/valid BagIt, but NOT an svmc submission pack/);
      const only = svmc(['verify', '--bagit-only', path]);
      expect(only.code, only.stdout).toBe(0);
      expect(only.stdout.split('\n')[0]).toMatch(/: valid BagIt bag$/);
    }
  });
});

describe('forged packs fail', () => {
  const read = (name: string): Buffer =>
    Buffer.from(python('import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).hex())', zip, `${bag}/${name}`).stdout, 'hex');
  const forged = (path: string, code: string, file: string): void => {
    const run = verify(path);
    expect(run.code, run.stdout).toBe(1);
    expect(errors(run.packs[0]!)).toContain(`${code} ${file}`);
  };

  it('bag-info.txt rewritten to another organisation and level, the tag manifest rewritten to match', () => {
    const info = Buffer.from(read('bag-info.txt').toString('utf8').replace(/^Source-Organization: .*$/m, 'Source-Organization: Someone Else Ltd').replace(/^SVMC-Level: .*$/m, 'SVMC-Level: 3'));
    const run = verify(forgeTagFiles(zip, { 'bag-info.txt': info }));
    expect(run.code).toBe(1);
    const messages = run.packs[0]!.findings.filter((f) => f.code === 'BAG_INFO_MISMATCH').map((f) => f.message);
    expect(messages.join('\n')).toMatch(/Source-Organization says "Someone Else Ltd"/);
    expect(messages.join('\n')).toMatch(/SVMC-Level says "3"/);
  });

  it('an extra tag file, listed in a rewritten tag manifest', () => {
    const extra = Buffer.from('Level 3 awarded.\n');
    forged(forgeTagFiles(zip, { 'award.txt': extra }), 'FILE_EXTRA', 'award.txt');
  });

  it('a prepended stub, with the offsets adjusted (zip -A)', () => {
    if (!toolAvailable('zip')) return;
    const path = join(tempDir(), 'sfx.zip');
    writeFileSync(path, Buffer.concat([Buffer.from('#!/bin/sh\necho stub\nexit 0\n'), readFileSync(zip)]));
    execFileSync('zip', ['-qA', path]);
    forged(path, 'ZIP_UNSAFE', '(zip)');
  });

  it('a gap between entries, with the offsets adjusted', () => {
    const bytes = readFileSync(zip);
    const path = join(tempDir(), 'gap.zip');
    writeFileSync(path, insertAt(bytes, entryEnd(bytes, `${bag}/bagit.txt`), Buffer.alloc(64, 0x20)));
    forged(path, 'ZIP_UNSAFE', '(zip)');
  });

  it('junk before the end record', () => {
    const bytes = readFileSync(zip);
    const path = join(tempDir(), 'junk.zip');
    writeFileSync(path, insertAt(bytes, endRecordAt(bytes), Buffer.from('junk junk junk')));
    forged(path, 'ZIP_UNSAFE', '(zip)');
  });

  it('a second end record inside the comment', () => {
    const bytes = readFileSync(zip);
    const end = endRecordAt(bytes);
    const record = Buffer.from(bytes.subarray(end));
    const outer = Buffer.from(record);
    outer.writeUInt16LE(record.length, 20);
    const path = join(tempDir(), 'two-ends.zip');
    writeFileSync(path, Buffer.concat([bytes.subarray(0, end), outer, record]));
    forged(path, 'ZIP_UNSAFE', '(zip)');
  });

  it('one byte appended, and a zip cut short', () => {
    const bytes = readFileSync(zip);
    const appended = join(tempDir(), 'appended.zip');
    writeFileSync(appended, Buffer.concat([bytes, Buffer.from('x')]));
    forged(appended, 'ZIP_UNSAFE', '(zip)');
    const cut = join(tempDir(), 'cut.zip');
    writeFileSync(cut, bytes.subarray(0, bytes.length - 30));
    forged(cut, 'ZIP_DAMAGED', '(zip)');
  });

  it('a forged local copy of the T&C between entries, which a streaming extractor would write', () => {
    const bytes = readFileSync(zip);
    const name = `${bag}/data/evidence/terms-signed.pdf`;
    const forgery = Buffer.from('%PDF-1.4 forged terms\n');
    const { names, offsets } = layout(bytes);
    const after = names[names.indexOf(name) + 1] ?? names[0]!;
    const path = join(tempDir(), 'forged-copy.zip');
    writeFileSync(path, insertAt(bytes, offsets[names.indexOf(after)]!, storedLocal(name, forgery, crc32(forgery))));
    forged(path, 'ZIP_UNSAFE', '(zip)');
    if (!toolAvailable('bsdtar')) return;
    // The reason it must fail: read as a stream, the forgery is what lands on disk.
    const out = tempDir('svmc-stream-');
    spawnSync('sh', ['-c', `cat "${path}" | bsdtar -xf -`], { cwd: out });
    expect(readFileSync(join(out, name)).equals(forgery)).toBe(true);
  });
});

it('packs and verifies a highly compressible evidence file (24 MB of one repeated CSV line)', () => {
  const pack = signedPack((dir) => {
    writeFileSync(join(dir, 'evidence', 'do', 'survey.csv'), 'respondent,question,answer,score,comment\n'.repeat(600_000));
    mapExtraEvidence(dir, 'evidence/do/survey.csv');
  });
  const run = svmc(['verify', pack.zip]);
  expect(run.code, run.stdout).toBe(0);
  expect(readdirSync(join(pack.zip, '..'))).toEqual(['pack.zip']);
});
