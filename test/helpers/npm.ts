import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';
import { SPAWN_LIMIT_MS, spawnWithin } from './spawn-limit.js';

export const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  // An install from a tarball takes minutes on a slow machine.
  const env = { ...process.env, ...options.env };
  const result = spawnWithin(command, args, { encoding: 'utf8', cwd: options.cwd ?? ROOT, env, timeout: 10 * SPAWN_LIMIT_MS }, `${command} ${args.join(' ')}`);
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** npm with a private global prefix, and nothing from the registry: what it needs must be at hand. */
export function npmOffline(prefix: string, args: string[]) {
  return run('npm', [...args, '--prefix', prefix, '--offline', '--no-audit', '--no-fund'], { env: { npm_config_cache: join(prefix, 'cache') } });
}

/** `npm pack` of this checkout into `folder`; returns the tarball's path. */
export function packTarball(folder: string): string {
  const packed = run('npm', ['pack', '--pack-destination', folder]);
  if (packed.code !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  return join(folder, packed.stdout.trim().split('\n').at(-1) ?? '');
}
