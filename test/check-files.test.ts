import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFolder, checkApplications } from '../src/core/check/check-application.js';
import { UsageError } from '../src/core/errors.js';
import type { Finding } from '../src/core/findings.js';
import { copyOf, tempDir } from './helpers/cli.js';

const options = { skipSignoffs: true, now: new Date('2026-04-01T00:00:00Z') };

/** The fixture predates statements: STATEMENT_MISSING is not what these tests are about. */
const relevant = (findings: Finding[]): Finding[] => findings.filter((f) => f.code !== 'STATEMENT_MISSING');

function mapTo(dir: string, from: string, to: string): void {
  const path = join(dir, 'svmc.yaml');
  writeFileSync(path, readFileSync(path, 'utf8').replace(`file: ${from}`, `file: ${to}`));
}

describe('evidence files', () => {
  it('follows symbolic links, refusing those that lead out of the folder', async () => {
    const dir = copyOf('test/fixtures/check-valid-level-1');
    const outside = join(tempDir(), 'secret.md');
    writeFileSync(outside, 'outside\n');
    symlinkSync(outside, join(dir, 'evidence/plan/link-out.md'));
    symlinkSync('l1-pl-2.md', join(dir, 'evidence/plan/link-in.md'));
    symlinkSync(tempDir(), join(dir, 'evidence/folder-out'));
    writeFileSync(join(dir, 'evidence/folder-out/inside-link.md'), 'x\n');
    mapTo(dir, 'evidence/plan/l1-pl-1.md', 'evidence/plan/link-out.md');
    mapTo(dir, 'evidence/plan/l1-pl-2.md', 'evidence/plan/link-in.md');
    mapTo(dir, 'evidence/plan/l1-pl-3.md', 'evidence/folder-out/inside-link.md');
    const result = await checkFolder(dir, options);
    const outsideFindings = result.findings.filter((f) => f.code === 'EVIDENCE_PATH_OUTSIDE');
    expect(outsideFindings.map((f) => [f.criterion, f.location?.line])).toEqual([
      ['L1.PL.1', 34],
      ['L1.PL.3', 40],
    ]);
  });

  it.each([
    ['PEM', '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----\n'],
    ['OpenSSH', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n'],
    ['minisign', 'untrusted comment: minisign encrypted secret key\nRWRTY0Iy\n'],
    ['AWS', `aws_access_key_id = AKIA${'ABCDEFGHIJKLMNOP'}\n`],
  ])('finds a %s secret in a text file', async (_, content) => {
    const dir = copyOf('test/fixtures/check-valid-level-1');
    writeFileSync(join(dir, 'evidence/plan/l1-pl-1.md'), `Notes\n${content}`);
    const result = await checkFolder(dir, options);
    expect(relevant(result.findings).map((f) => [f.code, f.location?.line, f.criterion])).toEqual([['EVIDENCE_SECRET', 34, 'L1.PL.1']]);
  });

  it('reads a text file named as a binary format, and skips a real PDF', async () => {
    const dir = copyOf('test/fixtures/check-valid-level-1');
    rmSync(join(dir, 'evidence/plan/l1-pl-1.md'));
    const path = join(dir, 'svmc.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('evidence/plan/l1-pl-1.md', 'evidence/plan/lead.pdf'));
    writeFileSync(join(dir, 'evidence/plan/lead.pdf'), 'untrusted comment: minisign encrypted secret key\nRWRTY0Iy\n');
    expect(relevant((await checkFolder(dir, options)).findings).map((f) => f.code)).toEqual(['EVIDENCE_SECRET']);
    writeFileSync(join(dir, 'evidence/plan/lead.pdf'), `%PDF-1.7\n${'x'.repeat(70_000)}\n-----BEGIN PRIVATE KEY-----\n`);
    expect(relevant((await checkFolder(dir, options)).findings)).toEqual([]);
  });

  it('reuses its caches only while files and svmc.yaml are unchanged', async () => {
    const dir = copyOf('test/fixtures/check-valid-level-1');
    mkdirSync(join(dir, '.svmc'));
    expect(relevant((await checkFolder(dir, options)).findings)).toEqual([]);
    expect(relevant((await checkFolder(dir, options)).findings)).toEqual([]);
    writeFileSync(join(dir, 'evidence/plan/l1-pl-1.md'), '-----BEGIN PRIVATE KEY-----\nabc\n');
    expect(relevant((await checkFolder(dir, options)).findings).map((f) => f.code)).toEqual(['EVIDENCE_SECRET']);
    rmSync(join(dir, 'evidence/plan/l1-pl-2.md'));
    const path = join(dir, 'svmc.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('    number: SVUK-0042\n', ''));
    const warm = await checkFolder(dir, options);
    expect(relevant(warm.findings).map((f) => [f.code, f.location?.line])).toEqual([
      ['PREREQUISITE_MISSING', 6],
      ['EVIDENCE_FILE_MISSING', 36],
      ['EVIDENCE_SECRET', 33],
    ].sort((a, b) => Number(a[1]) - Number(b[1])));
    expect((await checkFolder(dir, options)).findings).toEqual(warm.findings);
  });

  it('checks many folders, naming a missing one in a warning, and refuses the run only when none is an application', async () => {
    const result = await checkApplications(['test/fixtures/check-valid-level-1', 'test/fixtures/check-terms-missing'], options);
    expect(result.applications.map((a) => a.summary.errors)).toEqual([0, 1]);
    const partly = await checkApplications(['test/fixtures/check-valid-level-1', 'test/fixtures/nowhere'], options);
    const shown = partly.applications.map((a) => a.findings.filter((f) => f.code !== 'STATEMENT_MISSING').map((f) => `${f.severity} ${f.code}`));
    expect(shown).toEqual([[], ['warning FOLDER_NOT_CHECKED']]);
    await expect(checkApplications(['test/fixtures/nowhere'], options)).rejects.toBeInstanceOf(UsageError);
  });
});
