import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { finished } from './helpers/spawn-limit.js';

describe('a command a test runs', () => {
  it('fails its test, named with what it printed, when stopped for running too long', () => {
    const hung = spawnSync('sh', ['-c', 'echo started; exec sleep 30'], { encoding: 'utf8', timeout: 300, killSignal: 'SIGKILL' });
    expect(() => finished(hung, 'sleep 30')).toThrow(/sleep 30 did not finish in time and was stopped\nstdout: started/);
  });

  it('is returned as it is when it finished, whatever its exit code', () => {
    const failed = spawnSync('sh', ['-c', 'exit 3'], { encoding: 'utf8', timeout: 10_000 });
    expect(finished(failed, 'exit 3').status).toBe(3);
  });
});
