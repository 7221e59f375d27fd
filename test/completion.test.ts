import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { svmc, tempDir } from './helpers/cli.js';
import { toolAvailable } from './helpers/tools.js';

function script(shell: string): string {
  const run = svmc(['completion', shell]);
  expect(run.code).toBe(0);
  const file = join(tempDir(), `svmc.${shell}`);
  writeFileSync(file, run.stdout);
  return file;
}

/** What bash's completion function offers for the words typed so far (the last one being completed). */
function bashOffers(file: string, ...typed: string[]): string[] {
  const words = typed.map((word) => `'${word}'`).join(' ');
  const command = `source '${file}'; COMP_WORDS=(svmc ${words}); COMP_CWORD=${typed.length}; _svmc; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const run = spawnSync('bash', ['-c', command], { encoding: 'utf8', env: { ...process.env, HOME: tempDir() } });
  expect(run.stderr).toBe('');
  return run.stdout.split('\n').filter(Boolean);
}

describe('svmc completion', () => {
  it('refuses a shell it has no script for', () => {
    const run = svmc(['completion', 'tcsh']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('bash, zsh, fish');
  });

  it('completes commands, flags, criterion ids and roles in bash', () => {
    const file = script('bash');
    expect(bashOffers(file, 'ch')).toEqual(['check']);
    expect(bashOffers(file, 'check', '--pre')).toEqual(['--preparing']);
    expect(bashOffers(file, 'check', '--format', '')).toEqual(['text', 'json', 'junit', 'sarif', 'github']);
    expect(bashOffers(file, 'status', '--cal')).toEqual(['--calendar']);
    expect(bashOffers(file, 'status', '--format', '')).toEqual(['text', 'json', 'csv']);
    expect(bashOffers(file, 'sign', '--as', '')).toEqual(['lead', 'senior']);
    expect(bashOffers(file, 'map', 'L2.PL.')).toEqual(expect.arrayContaining(['L2.PL.1']));
    expect(bashOffers(file, 'map', 'L2.PL.').every((id) => id.startsWith('L2.PL.'))).toBe(true);
    expect(bashOffers(file, 'completion', '--h')).toEqual(['--help']);
  });

  it.skipIf(!toolAvailable('zsh'))('gives zsh the same completion through its bash compatibility', () => {
    const file = script('zsh');
    const run = spawnSync('zsh', ['-c', `autoload -U compinit && compinit -u && source '${file}' && whence -w _svmc`], {
      encoding: 'utf8',
      env: { ...process.env, HOME: tempDir() },
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('_svmc: function');
  });

  it.skipIf(!toolAvailable('fish'))('completes commands, flags, criterion ids and roles in fish', () => {
    const file = script('fish');
    const offers = (line: string) => {
      const run = spawnSync('fish', ['--no-config', '-c', `source '${file}'; complete -C '${line}'`], { encoding: 'utf8', env: { ...process.env, HOME: tempDir() } });
      expect(run.stderr).toBe('');
      return run.stdout.split('\n').filter(Boolean).map((entry) => entry.split('\t')[0]);
    };
    expect(offers('svmc ch')).toContain('check');
    expect(offers('svmc sign --as ')).toEqual(['lead', 'senior']);
    expect(offers('svmc check --pre')).toContain('--preparing');
    expect(offers('svmc map L2.PL.')).toContain('L2.PL.1');
  });
});
