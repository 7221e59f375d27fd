import { appendFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkApplication } from '../src/core/check/check-application.js';
import type { ApplicationResult } from '../src/core/check/types.js';
import { copyOf, svmc, tempDir } from './helpers/cli.js';
import { signedApplication } from './pack-fixtures.js';

const KEPT = join('.svmc', 'check-result.bin');
const HOUR_AGO = new Date(Date.now() - 3_600_000);

/** Dates every file and folder an hour back: a result is kept only once what it saw has settled. */
function settle(dir: string): void {
  for (const name of readdirSync(dir, { recursive: true }) as string[]) utimesSync(join(dir, name), HOUR_AGO, HOUR_AGO);
}

/** The inode of the kept result: the same one after a check means the check took it, not a new one. */
function keptInode(dir: string): number | undefined {
  return statSync(join(dir, KEPT), { throwIfNoEntry: false })?.ino;
}

/** What a check finds with nothing kept. */
async function fresh(dir: string): Promise<ApplicationResult> {
  rmSync(join(dir, KEPT), { force: true });
  return checkApplication(dir);
}

const codes = (result: ApplicationResult): string[] => result.findings.map((f) => f.code);

afterEach(() => {
  vi.useRealTimers();
});

describe('the kept check result', () => {
  it('is given back for an unchanged folder, as the full check found it', async () => {
    const { dir } = signedApplication();
    settle(dir);
    const first = await checkApplication(dir);
    const inode = keptInode(dir);
    expect(inode).toBeDefined();
    const again = await checkApplication(dir);
    expect(keptInode(dir)).toBe(inode);
    expect(again).toEqual(first);
    expect(again).toEqual(await fresh(dir));
    expect(again.summary.errors).toBe(0);
  });

  it('is not kept while files have just changed, nor for a pack or a sign-off', async () => {
    const { dir } = signedApplication();
    await checkApplication(dir);
    expect(keptInode(dir)).toBeUndefined();
    settle(dir);
    await checkApplication(dir, { now: new Date() });
    await checkApplication(dir, { skipSignoffs: true });
    expect(keptInode(dir)).toBeUndefined();
  });

  const changes: [string, string, (dir: string) => void][] = [
    [
      'a mapped file changes, keeping its size and modification time',
      'SIGNOFF_STALE',
      (dir) => {
        const file = join(dir, 'evidence/terms-signed.pdf');
        const bytes = readFileSync(file);
        bytes.writeUInt8(bytes.readUInt8(bytes.length - 2) ^ 1, bytes.length - 2);
        writeFileSync(file, bytes);
        utimesSync(file, HOUR_AGO, HOUR_AGO);
      },
    ],
    ['a file is added under evidence/', 'EVIDENCE_UNMAPPED', (dir) => writeFileSync(join(dir, 'evidence/plan/notes.txt'), 'draft notes\n')],
    ['a mapped file is removed', 'EVIDENCE_FILE_MISSING', (dir) => rmSync(join(dir, 'evidence/creating-capacity/social-value-policy.md'))],
    ['a signature is removed', 'SIGNOFF_MISSING', (dir) => rmSync(join(dir, 'signoffs/senior.minisig'))],
    [
      'an evidence folder becomes a link out of the application',
      'EVIDENCE_PATH_OUTSIDE',
      (dir) => {
        const outside = join(tempDir('svmc-outside-'), 'plan');
        renameSync(join(dir, 'evidence/plan'), outside);
        symlinkSync(outside, join(dir, 'evidence/plan'));
      },
    ],
    ['a mapped file grows', 'SIGNOFF_STALE', (dir) => appendFileSync(join(dir, 'evidence/terms-signed.pdf'), '\n')],
  ];

  it.each(changes)('is not given back when %s', async (_, code, change) => {
    const { dir } = signedApplication();
    settle(dir);
    const before = await checkApplication(dir);
    expect(keptInode(dir)).toBeDefined();
    expect(codes(before)).not.toContain(code);
    change(dir);
    const after = await checkApplication(dir);
    expect(codes(after)).toContain(code);
    expect(after).toEqual(await fresh(dir));
  });

  it('is not given back when a file appears in an evidence folder that maps nothing', async () => {
    const { dir } = signedApplication();
    mkdirSync(join(dir, 'evidence/archive/2024'), { recursive: true });
    settle(dir);
    expect(codes(await checkApplication(dir))).not.toContain('EVIDENCE_UNMAPPED');
    writeFileSync(join(dir, 'evidence/archive/2024/old-plan.txt'), 'superseded\n');
    expect(codes(await checkApplication(dir))).toContain('EVIDENCE_UNMAPPED');
  });

  it('lapses when a cited award expires', async () => {
    const dir = copyOf('examples/level-2');
    mkdirSync(join(dir, '.svmc'));
    settle(dir);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-05-01T00:00:00Z'));
    const before = await checkApplication(dir);
    expect(codes(before)).not.toContain('PRIOR_AWARD_EXPIRED');
    expect(keptInode(dir)).toBeDefined();
    vi.setSystemTime(new Date('2027-07-01T00:00:00Z'));
    expect(codes(await checkApplication(dir))).toContain('PRIOR_AWARD_EXPIRED');
  });

  it('makes `svmc check` print the same report again', () => {
    const { dir } = signedApplication();
    settle(dir);
    const first = svmc(['check', dir, '--format', 'json']);
    const inode = keptInode(dir);
    const again = svmc(['check', dir, '--format', 'json']);
    expect(inode).toBeDefined();
    expect(keptInode(dir)).toBe(inode);
    expect([again.code, again.stdout]).toEqual([first.code, first.stdout]);
  });
});
