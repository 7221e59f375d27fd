import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkFolder } from '../src/core/check/check-application.js';
import { openApplication } from '../src/core/application/open.js';
import { keepResult } from '../src/core/cache/kept-result.js';
import type { ApplicationResult } from '../src/core/check/types.js';
import { BIN, copyOf, svmc, tempDir } from './helpers/cli.js';
import { toolAvailable } from './helpers/tools.js';
import { mapExtraEvidence, signedApplication } from './pack-fixtures.js';

const KEPT = join('.svmc', 'check-result.bin');
const HOUR = 3_600_000;
const LONG_AGO = new Date('2026-01-01T00:00:00Z');

/**
 * Dates every file and folder back, and moves the clock an hour on: a result is kept only once
 * what it saw has settled, its change times (which no one can set back) included.
 */
function settle(dir: string, clock: Date | null = new Date(Date.now() + HOUR)): void {
  for (const name of readdirSync(dir, { recursive: true }) as string[]) utimesSync(join(dir, name), LONG_AGO, LONG_AGO);
  if (!clock) return;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(clock);
}

/** The inode of the kept result: the same one after a check means the check took it, not a new one. */
function keptInode(dir: string): number | undefined {
  return statSync(join(dir, KEPT), { throwIfNoEntry: false })?.ino;
}

/** What a check finds with nothing kept. */
async function fresh(dir: string): Promise<ApplicationResult> {
  rmSync(join(dir, KEPT), { force: true });
  return checkFolder(dir);
}

const codes = (result: ApplicationResult): string[] => result.findings.map((f) => f.code);

/**
 * The level-2 example, with its level-1 award dated a year back (whatever today is) and a .svmc/
 * folder to keep results in. Returns when the award expires.
 */
function applicationWithAward(): { dir: string; expiry: Date } {
  const dir = copyOf('examples/level-2');
  mkdirSync(join(dir, '.svmc'));
  const awarded = new Date();
  awarded.setUTCHours(0, 0, 0, 0);
  awarded.setUTCFullYear(awarded.getUTCFullYear() - 1);
  const path = join(dir, 'svmc.yaml');
  writeFileSync(path, readFileSync(path, 'utf8').replace(/awarded: \d{4}-\d{2}-\d{2}/, `awarded: ${awarded.toISOString().slice(0, 10)}`));
  const expiry = new Date(awarded);
  expiry.setUTCFullYear(expiry.getUTCFullYear() + 2);
  return { dir, expiry };
}

const later = (date: Date, ms: number): Date => new Date(date.getTime() + ms);

afterEach(() => {
  vi.useRealTimers();
});

describe('the kept check result', () => {
  it('is given back for an unchanged folder, as the full check found it', async () => {
    const { dir } = signedApplication();
    settle(dir);
    const first = await checkFolder(dir);
    const inode = keptInode(dir);
    expect(inode).toBeDefined();
    const again = await checkFolder(dir);
    expect(keptInode(dir)).toBe(inode);
    expect(again).toStrictEqual(first);
    expect(again).toStrictEqual(await fresh(dir));
    expect(again.summary.errors).toBe(0);
  });

  it('is not kept while a file has just changed, for a symbolic link or an unreadable file, nor for a pack or a sign-off', async () => {
    const { dir } = signedApplication();
    appendFileSync(join(dir, 'evidence/creating-capacity/social-value-policy.md'), '\n');
    await checkFolder(dir);
    expect(keptInode(dir)).toBeUndefined();
    // Modification times set back (as unzip or rsync -t do) leave the change times new.
    settle(dir, null);
    await checkFolder(dir);
    expect(keptInode(dir)).toBeUndefined();

    const linked = signedApplication().dir;
    const policy = join(linked, 'evidence/creating-capacity/social-value-policy.md');
    mkdirSync(join(linked, 'policies'));
    renameSync(policy, join(linked, 'policies/social-value-policy.md'));
    symlinkSync('../../policies/social-value-policy.md', policy);
    settle(linked);
    expect((await checkFolder(linked)).findings).toStrictEqual([]);
    expect(keptInode(linked)).toBeUndefined();

    const settled = signedApplication().dir;
    settle(settled);
    await checkFolder(settled, { now: new Date() });
    await checkFolder(settled, { skipSignoffs: true });
    expect(keptInode(settled)).toBeUndefined();

  });

  it('is not kept when a read failed in a way no stamp shows, and is when the stamp tells the whole story', () => {
    // A folder mapped as a file stays one until its stamp changes.
    const folder = signedApplication().dir;
    mapExtraEvidence(folder, 'evidence/plan');
    for (const name of readdirSync(folder, { recursive: true }) as string[]) utimesSync(join(folder, name), LONG_AGO, LONG_AGO);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2100);
    expect(svmc(['check', folder]).stdout).toContain('EVIDENCE_FILE_UNREADABLE');
    expect(keptInode(folder)).toBeDefined();
    // Permissions may change back with no stamp changing: a denied read is never kept.
    if (process.getuid?.() !== 0 || !toolAvailable('setpriv')) return;
    const denied = signedApplication().dir;
    spawnSync('chmod', ['-R', 'a+rwX', join(denied, '..')]);
    const policy = join(denied, 'evidence/creating-capacity/social-value-policy.md');
    chmodSync(policy, 0o000);
    for (const name of readdirSync(denied, { recursive: true }) as string[]) utimesSync(join(denied, name), LONG_AGO, LONG_AGO);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2100);
    const run = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, 'check', denied], { encoding: 'utf8' });
    expect(run.stdout).toContain('EVIDENCE_FILE_UNREADABLE');
    expect(keptInode(denied)).toBeUndefined();
  });

  it('is never given to a pack or a sign-off, which judge by their own clock and rules', async () => {
    const { dir, expiry } = applicationWithAward();
    settle(dir);
    const kept = await checkFolder(dir);
    expect(keptInode(dir)).toBeDefined();
    expect(codes(kept)).toContain('SIGNOFF_MISSING');
    expect(codes(kept)).not.toContain('PRIOR_AWARD_EXPIRED');
    expect(codes(await checkFolder(dir, { skipSignoffs: true }))).not.toContain('SIGNOFF_MISSING');
    expect(codes(await checkFolder(dir, { now: later(expiry, HOUR) }))).toContain('PRIOR_AWARD_EXPIRED');
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
        utimesSync(file, LONG_AGO, LONG_AGO);
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
    ['svmc.yaml names a representative no more', 'REPRESENTATIVE_MISSING', (dir) => {
      const path = join(dir, 'svmc.yaml');
      writeFileSync(path, readFileSync(path, 'utf8').replace(/\n {2}senior:\n( {4}.*\n)+/, '\n'));
    }],
  ];

  it.each(changes)('is not given back when %s', async (_, code, change) => {
    const { dir } = signedApplication();
    settle(dir);
    const before = await checkFolder(dir);
    expect(keptInode(dir)).toBeDefined();
    expect(codes(before)).not.toContain(code);
    change(dir);
    const after = await checkFolder(dir);
    expect(codes(after)).toContain(code);
    expect(after).toStrictEqual(await fresh(dir));
  });

  it('is not given back when a file appears in an evidence folder that maps nothing', async () => {
    const { dir } = signedApplication();
    mkdirSync(join(dir, 'evidence/archive/2024'), { recursive: true });
    settle(dir);
    expect(codes(await checkFolder(dir))).not.toContain('EVIDENCE_UNMAPPED');
    expect(keptInode(dir)).toBeDefined();
    writeFileSync(join(dir, 'evidence/archive/2024/old-plan.txt'), 'superseded\n');
    expect(codes(await checkFolder(dir))).toContain('EVIDENCE_UNMAPPED');
  });

  it('lapses when a cited award expires, and when the clock goes back', async () => {
    const { dir, expiry } = applicationWithAward();
    settle(dir);
    expect(codes(await checkFolder(dir))).not.toContain('PRIOR_AWARD_EXPIRED');
    const inode = keptInode(dir);
    expect(inode).toBeDefined();
    vi.setSystemTime(expiry);
    expect(codes(await checkFolder(dir))).not.toContain('PRIOR_AWARD_EXPIRED');
    expect(keptInode(dir)).toBe(inode);
    vi.setSystemTime(later(expiry, 1));
    expect(codes(await checkFolder(dir))).toContain('PRIOR_AWARD_EXPIRED');
    const expired = keptInode(dir);
    expect(expired).not.toBe(inode);
    vi.setSystemTime(later(expiry, -30 * 24 * HOUR));
    expect(codes(await checkFolder(dir))).not.toContain('PRIOR_AWARD_EXPIRED');
    expect(keptInode(dir)).not.toBe(expired);
  });

  it('is ignored when corrupt, and when it came with a copy of the folder', async () => {
    const { dir } = signedApplication();
    settle(dir);
    const clean = await checkFolder(dir);
    writeFileSync(join(dir, KEPT), 'svmc-cache result 1 garbage\ngarbage');
    expect(await checkFolder(dir)).toStrictEqual(clean);
    expect(keptInode(dir)).toBeDefined();

    // A result forged to watch nothing, as a pull request could add it with `git add -f`.
    const app = await openApplication(dir);
    await keepResult(app.root, app.key!, { paths: [], stamps: new Float64Array(0) }, { from: 0, until: null }, { ...clean, findings: [] });
    const copy = join(tempDir('svmc-copy-'), 'app');
    cpSync(dir, copy, { recursive: true });
    rmSync(join(copy, 'signoffs/lead.minisig'));
    expect(codes(await checkFolder(copy))).toContain('SIGNOFF_MISSING');
  });

  it('makes `svmc check` print the same report again', () => {
    const { dir } = signedApplication();
    for (const name of readdirSync(dir, { recursive: true }) as string[]) utimesSync(join(dir, name), LONG_AGO, LONG_AGO);
    // The spawned checks read the real clock: wait until the change times have settled.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2100);
    const first = svmc(['check', dir, '--format', 'json']);
    const inode = keptInode(dir);
    const again = svmc(['check', dir, '--format', 'json']);
    expect(inode).toBeDefined();
    expect(keptInode(dir)).toBe(inode);
    expect([again.code, again.stdout]).toEqual([first.code, first.stdout]);
  });
});
