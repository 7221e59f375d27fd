import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const TIME = '/usr/bin/time';

/**
 * Median wall times (ms) of several commands, given by name, run in turns: a shared machine's slow
 * and fast moments then fall on each of them alike, which keeps their ratios honest.
 * Each command: { command, args, env?, cwd?, before?, exitCodes? } (`before` runs untimed ahead of
 * every run; `exitCodes`, default [0], are the codes that count as a run, as check exits 1 on findings).
 */
export function interleavedMedians(commands, { runs = 5, warmup = 1 } = {}) {
  const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let i = 0; i < warmup + runs; i++) {
    for (const [name, run] of Object.entries(commands)) {
      const elapsed = timeOnce(run);
      if (i >= warmup) times[name].push(elapsed);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([name, list]) => [name, median(list)]));
}

function timeOnce({ command, args, env, cwd, before, exitCodes = [0] }) {
  before?.();
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (!exitCodes.includes(result.status)) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${String(result.stderr).slice(0, 500)}`);
  }
  return elapsed;
}

function median(list) {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Peak resident set size in MB, from GNU time. */
export function peakMb(command, args, { env, cwd, exitCodes = [0] } = {}) {
  if (!existsSync(TIME)) return undefined;
  const result = spawnSync(TIME, ['-f', '%M', command, ...args], { env: { ...process.env, ...env }, cwd, encoding: 'utf8' });
  if (!exitCodes.includes(result.status)) throw new Error(`${command} failed under ${TIME}: ${result.stderr.slice(0, 500)}`);
  const kb = Number(result.stderr.trim().split('\n').at(-1));
  return kb / 1024;
}

export function hasTool(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}
