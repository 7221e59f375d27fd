import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colorWanted } from '../src/cli/color.js';
import { BIN, copyOf, svmc, tempDir } from './helpers/cli.js';

describe('the command line', () => {
  it('prints help on stdout for a bare svmc, with examples, and the version for -v', () => {
    const bare = svmc([]);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toMatch(/^Usage: svmc/);
    expect(bare.stdout).toMatch(/Examples:\n {2}svmc init/);
    expect(svmc(['-v']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(svmc(['--help']).stdout).toBe(bare.stdout);
  });

  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ TERM: 'dumb' }, true, false],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
  ])('colours for %j on a terminal=%s: %s', (env, isTTY, wanted) => {
    expect(colorWanted({ env, stream: { isTTY } })).toBe(wanted);
  });

  // `svmc criteria | head -3`: the reader leaves early, which is no error of svmc's.
  it.each([['criteria'], ['form', '--help']])('stops quietly when the reader of its output goes away: svmc %s', async (...args) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = (await once(child, 'close')) as [number];
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('colours a piped report with FORCE_COLOR, and never with --no-color', () => {
    const dir = copyOf('examples/level-1');
    expect(svmc(['check', dir], { env: { FORCE_COLOR: '1', NO_COLOR: undefined } }).stdout).toMatch(/\u001b\[/);
    expect(svmc(['check', dir, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(/\u001b\[/);
  });

  it('takes the folder as DIR or as --dir alike, and refuses two different ones where it takes one', () => {
    const dir = copyOf('examples/level-1');
    for (const command of [['check'], ['status'], ['fee'], ['assess', '--list']]) {
      const positional = svmc([...command, dir]);
      const flagged = svmc([...command, '--dir', dir]);
      expect(flagged.stdout, command[0]).toBe(positional.stdout);
      expect(flagged.code, command[0]).toBe(positional.code);
    }
    const both = svmc(['fee', dir, '--dir', tempDir()]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/two folders given/);
  });

  it('packs to <pack id>.zip in the current folder, or beside the application when run inside it', () => {
    const dir = copyOf('examples/level-1');
    const here = tempDir();
    const elsewhere = svmc(['pack', dir, '--draft'], { cwd: here });
    expect(elsewhere.code, elsewhere.stderr).toBe(0);
    const [zip] = readdirSync(here);
    expect(zip).toMatch(/^SVMC-\d{8}-[0-9A-F]{12}\.zip$/);
    expect(elsewhere.stdout).toContain(`Packed DRAFT (unsigned, not for submission) ${zip}:`);
    const inside = svmc(['pack', '--draft'], { cwd: dir });
    expect(inside.code, inside.stderr).toBe(0);
    expect(readdirSync(dirname(dir)).filter((name) => name.endsWith('.zip'))).toEqual([zip]);
    expect(existsSync(join(dir, zip!))).toBe(false);
  });
});
