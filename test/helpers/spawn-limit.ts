import type { SpawnSyncReturns } from 'node:child_process';

/** Long enough for any one command a test runs; a hung one then fails its test instead of stalling the run. */
export const SPAWN_LIMIT = { timeout: 120_000, killSignal: 'SIGKILL' } as const;

/** Throws, naming the command and what it printed, when it was stopped for running past its time limit. */
export function finished<T extends SpawnSyncReturns<string | Buffer>>(result: T, command: string): T {
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') {
    throw new Error(`${command} did not finish in time and was stopped\nstdout: ${String(result.stdout)}\nstderr: ${String(result.stderr)}`);
  }
  return result;
}
