import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { svmc, tempDir } from './helpers/cli.js';
import { bagName, python, REZIP, signedPack } from './pack-fixtures.js';

interface Report {
  valid: boolean;
  findings: { code: string; severity: string; file: string; message: string }[];
}

describe('verify on a tampered pack', () => {
  let zip: string;
  let bag: string;
  const variant = (ops: object): string => {
    const target = join(tempDir('svmc-tamper-'), 'tampered.zip');
    const made = python(REZIP, zip, target, JSON.stringify(ops));
    if (made.code !== 0) throw new Error(made.stderr);
    return target;
  };
  const verify = (file: string): Report & { code: number } => {
    const run = svmc(['verify', file, '--format', 'json']);
    return { code: run.code, ...(JSON.parse(run.stdout) as { packs: Report[] }).packs[0]! };
  };
  const read = (name: string): Buffer =>
    Buffer.from(python('import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).hex())', zip, `${bag}/${name}`).stdout, 'hex');

  beforeAll(() => {
    zip = signedPack().zip;
    bag = bagName(zip);
  });

  // The content decides, not the container: the same content in another tool's zip is one note.
  it('accepts the same content rewritten by another zip tool, with one informational line', () => {
    const report = verify(variant({}));
    expect(report.code).toBe(0);
    expect(report.valid).toBe(true);
    expect(report.findings).toEqual([expect.objectContaining({ code: 'ZIP_REPACKED', severity: 'info', file: '(zip)' })]);
  });

  const kinds = [
    'data/evidence/plan/impact-management-plan.md',
    'data/evidence/terms-signed.pdf',
    'data/svmc.yaml',
    'bagit.txt',
    'bag-info.txt',
    'manifest-sha256.txt',
    'tagmanifest-sha256.txt',
    'signatures/lead.minisig',
    'signatures/senior.pub',
    'summary.pdf',
  ];

  it.each(kinds)('names %s when one byte of its zip data is flipped', (name) => {
    const report = verify(variant({ flip: `${bag}/${name}` }));
    expect(report.code).toBe(1);
    expect(report.valid).toBe(false);
    expect(report.findings.map((p) => p.file)).toContain(name);
  });

  it.each(kinds)('names %s when one byte of its content is changed and the zip rebuilt around it', (name) => {
    const content = Buffer.from(read(name));
    const at = name === 'summary.pdf' ? content.length - 40 : Math.floor(content.length / 2);
    content[at] = content[at]! ^ (/[0-9a-f]/.test(String.fromCharCode(content[at]!)) ? 0x03 : 0x01);
    const report = verify(variant({ replace: { [`${bag}/${name}`]: content.toString('base64') } }));
    expect(report.code).toBe(1);
    const mentioned = report.findings.some((p) => p.file === name || p.message.includes(name));
    expect(mentioned, JSON.stringify(report.findings)).toBe(true);
  });

  // The documents are rendered again while the payload is hashed, before it is known to be intact.
  it.each([
    ['an intact pack', {}, 0],
    ['a pack with a payload file changed', { flip: 'data/evidence/plan/impact-management-plan.md' }, 1],
  ] as const)('leaves no scratch folder behind after verifying %s', (_, ops, code) => {
    const scratch = tempDir('svmc-scratch-');
    const target = 'flip' in ops ? variant({ flip: `${bag}/${ops.flip}` }) : zip;
    const run = svmc(['verify', target], { env: { TMPDIR: scratch } });
    expect(run.code, run.stdout).toBe(code);
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('names a payload file that was added', () => {
    const report = verify(variant({ add: { [`${bag}/data/evidence/extra.txt`]: Buffer.from('added later').toString('base64') } }));
    expect(report.code).toBe(1);
    expect(report.findings.map((p) => p.file)).toEqual(expect.arrayContaining(['data/evidence/extra.txt', 'bag-info.txt']));
  });

  it('names a tag file that was added', () => {
    const report = verify(variant({ add: { [`${bag}/notes.txt`]: Buffer.from('x').toString('base64') } }));
    expect(report.code).toBe(1);
    expect(report.findings.map((p) => p.file)).toContain('notes.txt');
  });

  it.each(['data/evidence/do/measurement-plan.md', 'signatures/senior.minisig', 'summary.pdf'])('names %s when it was removed', (name) => {
    const report = verify(variant({ drop: [`${bag}/${name}`] }));
    expect(report.code).toBe(1);
    expect(report.findings.map((p) => p.file)).toContain(name);
  });

  it('says cannot run (exit 2) for a missing file, and not valid (exit 1) for one that is not a zip', () => {
    const dir = tempDir('svmc-notzip-');
    const absent = svmc(['verify', join(dir, 'absent.zip')]);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toMatch(/absent\.zip/);
    copyFileSync(join(import.meta.dirname, '../package.json'), join(dir, 'not.zip'));
    const run = svmc(['verify', join(dir, 'not.zip')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^.*not\.zip: NOT valid/);
    expect(run.stdout).toMatch(/no zip end record: the file is not a zip/);
  });
});
