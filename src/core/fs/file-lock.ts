import { randomBytes } from 'node:crypto';
import { lstat, open, realpath, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { UsageError } from '../errors.js';
import { FileReadError, READ_LIMITS, readRegularFile } from './read-file.js';
import { asUsageError } from './system-errors.js';

export interface FileLockOptions {
  /** What the lock guards, as the user knows it (e.g. "svmc.yaml"), for the message when it stays taken. */
  guards: string;
  /** How long to wait for another holder before giving up; 10 s by default. */
  waitMs?: number;
}

interface Owner {
  pid?: number;
  host?: string;
  token?: string;
  since?: string;
  ageMs: number;
}

/** A lock is written within microseconds of its creation; one still empty after this was left by a crash. */
const UNWRITTEN_GRACE_MS = 2000;
const inProcess = new Map<string, Promise<unknown>>();
/** Tokens of the locks this process holds now: a lock with this process's id and another token was a dead process's. */
const held = new Set<string>();

/**
 * Runs `work` while holding `lockPath`, a file created exclusively (O_EXCL) that names its owner.
 * A lock whose owner process is gone is broken; a live one is waited for, up to `waitMs`, then
 * the command stops with a UsageError. Callers in one process queue, so a lock bearing this
 * process's id and another token can only be a dead process's, whose id was reused.
 */
export async function withFileLock<T>(lockPath: string, work: () => Promise<T>, options: FileLockOptions): Promise<T> {
  // One queue per lock file however its path is written.
  const key = join(await realpath(dirname(lockPath)).catch(() => resolve(dirname(lockPath))), basename(lockPath));
  const before = inProcess.get(key) ?? Promise.resolve();
  const run = before.then(async () => {
    const token = await acquire(lockPath, options);
    held.add(token);
    try {
      return await work();
    } finally {
      held.delete(token);
      await release(lockPath, token);
    }
  });
  const settled = run.catch(() => undefined);
  inProcess.set(key, settled);
  void settled.then(() => inProcess.get(key) === settled && inProcess.delete(key));
  return run;
}

async function acquire(lockPath: string, options: FileLockOptions): Promise<string> {
  const token = randomBytes(8).toString('hex');
  const record = `${JSON.stringify({ pid: process.pid, host: hostname(), token, since: new Date().toISOString() })}\n`;
  const deadline = Date.now() + (options.waitMs ?? 10_000);
  for (let attempt = 0; ; attempt++) {
    if (await create(lockPath, record, options)) return token;
    const owner = await readOwner(lockPath, options);
    if (owner && abandoned(owner) && (await breakAbandoned(lockPath, owner, record, options))) continue;
    const left = deadline - Date.now();
    if (left <= 0) throw new UsageError(owner ? busy(lockPath, owner, options) : `${options.guards} could not be locked for editing: try again`);
    // A lock that has just gone is taken again at once; one still held is waited for.
    if (owner) await sleep(Math.min(left, 5 + Math.random() * Math.min(100, 10 * 2 ** attempt)));
  }
}

async function create(path: string, record: string, options: FileLockOptions): Promise<boolean> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'wx', 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    throw asUsageError(error, `cannot lock ${options.guards} for editing: ${path} cannot be created`);
  }
  try {
    await handle.writeFile(record);
  } catch (error) {
    await rm(path, { force: true });
    throw asUsageError(error, `cannot lock ${options.guards} for editing: ${path} cannot be written`);
  } finally {
    await handle.close();
  }
  return true;
}

/** The lock's owner, or undefined when the lock has just gone. Something there that is no lock file is refused at once. */
async function readOwner(path: string, options: FileLockOptions): Promise<Owner | undefined> {
  const info = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw asUsageError(error, `cannot lock ${options.guards} for editing`);
  });
  if (!info) return undefined;
  let text: string;
  try {
    if (!info.isFile()) throw new FileReadError(path, 'not-a-file');
    text = (await readRegularFile(path, READ_LIMITS.key)).toString('utf8');
  } catch (error) {
    if (error instanceof FileReadError && error.reason === 'missing') return undefined;
    throw new UsageError(`cannot lock ${options.guards} for editing: ${path} is not a lock file svmc wrote (${error instanceof FileReadError ? error.detail : 'unreadable'}); remove it, then try again`);
  }
  const mtimeMs = info.mtimeMs;
  const ageMs = Date.now() - mtimeMs;
  try {
    return { ...(JSON.parse(text) as Omit<Owner, 'ageMs'>), ageMs };
  } catch {
    return { ageMs };
  }
}

function abandoned(owner: Owner): boolean {
  if (owner.token === undefined) return owner.ageMs > UNWRITTEN_GRACE_MS;
  if (owner.host !== hostname() || typeof owner.pid !== 'number') return false;
  if (owner.pid === process.pid) return owner.token === undefined || !held.has(owner.token);
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes an abandoned lock under a second lock, so two processes that both found it abandoned
 * cannot have one remove the fresh lock the other has just taken. A guard is held for
 * microseconds, so one whose owner is gone is simply removed.
 */
async function breakAbandoned(lockPath: string, owner: Owner, record: string, options: FileLockOptions): Promise<boolean> {
  const guard = `${lockPath}.break`;
  if (!(await create(guard, record, options))) {
    const guardOwner = await readOwner(guard, options);
    if (guardOwner && abandoned(guardOwner)) await rm(guard, { force: true });
    return false;
  }
  try {
    const now = await readOwner(lockPath, options);
    if (now && now.token === owner.token && abandoned(now)) await rm(lockPath, { force: true });
    return true;
  } finally {
    await rm(guard, { force: true });
  }
}

async function release(lockPath: string, token: string): Promise<void> {
  const owner = await readOwner(lockPath, { guards: 'svmc.yaml' }).catch(() => undefined);
  if (owner?.token === token) await rm(lockPath, { force: true });
}

function busy(lockPath: string, owner: Owner, options: FileLockOptions): string {
  const who = owner.pid === undefined ? 'another program' : `another svmc (process ${owner.pid}${owner.host && owner.host !== hostname() ? ` on ${owner.host}` : ''}${owner.since ? `, since ${owner.since}` : ''})`;
  return `${options.guards} is being changed by ${who}: try again when it has finished, or delete ${lockPath} if nothing is running`;
}
