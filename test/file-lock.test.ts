import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/core/errors.js';
import { withFileLock } from '../src/core/fs/file-lock.js';
import { tempDir } from './helpers/cli.js';

const OPTIONS = { guards: 'svmc.yaml', waitMs: 300 };
const owner = (pid: number, token = 'feedc0de'): string => JSON.stringify({ pid, host: hostname(), token, since: '2026-01-01T00:00:00.000Z' });

describe('withFileLock', () => {
  it('runs callers one at a time and removes the lock after', async () => {
    const lock = join(tempDir(), 'a.lock');
    let inside = 0;
    let most = 0;
    const work = async (): Promise<void> => {
      most = Math.max(most, ++inside);
      expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
      await sleep(5);
      inside--;
    };
    await Promise.all(Array.from({ length: 5 }, () => withFileLock(lock, work, OPTIONS)));
    expect(most).toBe(1);
    expect(existsSync(lock)).toBe(false);
  });

  it('releases the lock when the work fails', async () => {
    const lock = join(tempDir(), 'a.lock');
    await expect(withFileLock(lock, () => Promise.reject(new Error('no')), OPTIONS)).rejects.toThrow('no');
    expect(existsSync(lock)).toBe(false);
  });

  it('waits for a live owner, then gives up with a UsageError naming it and the lock', async () => {
    const lock = join(tempDir(), 'a.lock');
    writeFileSync(lock, owner(process.ppid));
    const started = Date.now();
    const error = await withFileLock(lock, () => Promise.resolve(), OPTIONS).catch((e: unknown) => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(new RegExp(`svmc.yaml is being changed by another svmc \\(process ${process.ppid}, since 2026-01-01.*delete ${lock}`));
    expect(readFileSync(lock, 'utf8')).toBe(owner(process.ppid));
  });

  it('gets the lock as soon as a live owner lets it go', async () => {
    const lock = join(tempDir(), 'a.lock');
    writeFileSync(lock, owner(process.ppid));
    setTimeout(() => rmSync(lock), 50);
    await expect(withFileLock(lock, () => Promise.resolve('done'), { ...OPTIONS, waitMs: 5000 })).resolves.toBe('done');
  });

  it.each([
    ['a process that is gone', () => owner(2 ** 22 + 1)],
    ['an earlier process that had this process id', () => owner(process.pid, 'old')],
  ])('breaks a lock left by %s', async (_, record) => {
    const lock = join(tempDir(), 'a.lock');
    writeFileSync(lock, record());
    await expect(withFileLock(lock, () => Promise.resolve('done'), OPTIONS)).resolves.toBe('done');
    expect(existsSync(lock)).toBe(false);
  });

  it('breaks a lock left empty by a crash only once it is old', async () => {
    const lock = join(tempDir(), 'a.lock');
    writeFileSync(lock, '');
    await expect(withFileLock(lock, () => Promise.resolve(), OPTIONS)).rejects.toThrow(/another program/);
    utimesSync(lock, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    await expect(withFileLock(lock, () => Promise.resolve('done'), OPTIONS)).resolves.toBe('done');
  });

  it('never breaks a lock from another machine, where it cannot tell', async () => {
    const lock = join(tempDir(), 'a.lock');
    writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 1, host: 'elsewhere', token: 't' }));
    await expect(withFileLock(lock, () => Promise.resolve(), OPTIONS)).rejects.toThrow(/process 4194305 on elsewhere/);
  });

  it('reports a folder where no lock can be made as a UsageError', async () => {
    const lock = join(tempDir(), 'missing', 'a.lock');
    await expect(withFileLock(lock, () => Promise.resolve(), OPTIONS)).rejects.toThrow(UsageError);
  });

  it.each([
    ['a folder', (lock: string) => mkdirSync(lock)],
    ['a FIFO', (lock: string) => execFileSync('mkfifo', [lock])],
    ['a file far too large', (lock: string) => writeFileSync(lock, 'x'.repeat(100_000))],
    ['a link to nowhere', (lock: string) => symlinkSync(join(lock, '..', 'nowhere'), lock)],
  ])('refuses at once, never spinning or waiting, when the lock path holds %s', async (_, make) => {
    const lock = join(tempDir(), 'a.lock');
    make(lock);
    const error = await withFileLock(lock, () => Promise.resolve(), { ...OPTIONS, waitMs: 60_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/not a lock file svmc wrote.*remove it/);
  });

  it('queues callers of one process however they spell the lock path, and none loses its turn', async () => {
    const dir = tempDir();
    const lock = join(dir, 'a.lock');
    const spelled = join(dir, '.', 'sub', '..', 'a.lock');
    mkdirSync(join(dir, 'sub'));
    let inside = 0;
    let most = 0;
    const work = async (): Promise<void> => {
      most = Math.max(most, ++inside);
      await sleep(2);
      inside--;
    };
    await Promise.all(Array.from({ length: 10 }, (_, i) => withFileLock(i % 2 ? lock : spelled, work, OPTIONS)));
    expect(most).toBe(1);
  });
});

