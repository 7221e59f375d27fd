import { describe, expect, it } from 'vitest';
import { spawnWithin } from './helpers/spawn-limit.js';

describe('a command a test runs', () => {
  it('fails its test, named with what it printed, when stopped for running too long', () => {
    expect(() => spawnWithin('sh', ['-c', 'echo started; exec sleep 30'], { encoding: 'utf8', timeout: 300 }, 'sleep 30')).toThrow(
      /sleep 30 did not finish in time and was stopped\nstdout: started/,
    );
  });

  it('fails its test, saying so, when a signal ended it or it could not start', () => {
    expect(() => spawnWithin('sh', ['-c', 'echo started; kill -SEGV $$'], { encoding: 'utf8' }, 'crash')).toThrow(/crash was ended by SIGSEGV\nstdout: started/);
    expect(() => spawnWithin('no-such-command-here', [], { encoding: 'utf8' }, 'missing')).toThrow(/missing could not be run \(.*ENOENT/);
  });

  it('is returned as it is when it finished, whatever its exit code', () => {
    expect(spawnWithin('sh', ['-c', 'exit 3'], { encoding: 'utf8' }).status).toBe(3);
  });
});
