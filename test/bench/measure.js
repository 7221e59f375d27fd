import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const TIME = '/usr/bin/time';

/** Median wall time (ms) of a command over `runs` runs after `warmup` unmeasured ones. */
export function medianMs(command, args, { runs = 5, warmup = 1, env, cwd, before } = {}) {
  const times = [];
  for (let i = 0; i < warmup + runs; i++) {
    before?.();
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { env: { ...process.env, ...env }, cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) {
      throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${String(result.stderr).slice(0, 500)}`);
    }
    if (i >= warmup) times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Peak resident set size in MB, from GNU time. */
export function peakMb(command, args, { env, cwd } = {}) {
  if (!existsSync(TIME)) return undefined;
  const result = spawnSync(TIME, ['-f', '%M', command, ...args], { env: { ...process.env, ...env }, cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed under ${TIME}: ${result.stderr.slice(0, 500)}`);
  const kb = Number(result.stderr.trim().split('\n').at(-1));
  return kb / 1024;
}

export function hasTool(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}
