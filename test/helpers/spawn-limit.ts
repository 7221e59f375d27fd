import { spawnSync, type SpawnSyncOptionsWithStringEncoding, type SpawnSyncReturns } from 'node:child_process';

/** Long enough for any one command a test runs: a hung one then fails its test instead of stalling the run. */
export const SPAWN_LIMIT_MS = 120_000;

/**
 * spawnSync with a time limit (SPAWN_LIMIT_MS unless `options.timeout` says otherwise): a command
 * stopped for running past it throws, naming `name` and what it printed. A synchronous child blocks
 * the test worker, so vitest's own time limit cannot.
 */
export function spawnWithin(command: string, args: readonly string[], options: SpawnSyncOptionsWithStringEncoding, name = command): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { timeout: SPAWN_LIMIT_MS, killSignal: 'SIGKILL', ...options });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') {
    throw new Error(`${name} did not finish in time and was stopped\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
  }
  // No exit status: the command could not start, or a signal ended it; which one is the clue.
  if (result.status === null) {
    const why = result.error ? `could not be run (${result.error.message})` : `was ended by ${result.signal}`;
    throw new Error(`${name} ${why}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
  }
  return result;
}
