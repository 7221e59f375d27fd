import type { SpawnSyncOptions, SpawnSyncOptionsWithStringEncoding } from 'node:child_process';
import { mkdtempSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnWithin } from './spawn-limit.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/svmc.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

// The user's own keys never take part: by default svmc looks for them in an empty config folder.
const CONFIG = mkdtempSync(join(tmpdir(), 'svmc-config-'));

/** Runs the built CLI as a user would: no TTY, no colour. */
export function svmc(args: string[], options: SpawnSyncOptions & { env?: NodeJS.ProcessEnv } = {}): CliResult {
  const env = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', CI: '', XDG_CONFIG_HOME: CONFIG, ...options.env };
  const result = spawnWithin(process.execPath, [BIN, ...args], { encoding: 'utf8', ...options, env } as SpawnSyncOptionsWithStringEncoding, `svmc ${args.join(' ')}`);
  return { code: result.status ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

export function tempDir(prefix = 'svmc-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A private copy of a shipped example or fixture, so a test may change it. */
export function copyOf(source: string, prefix = 'svmc-copy-'): string {
  const target = join(tempDir(prefix), 'app');
  cpSync(resolve(ROOT, source), target, { recursive: true });
  return target;
}
