import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOf, ROOT, tempDir } from './helpers/cli.js';
import { npmOffline, run, VERSION } from './helpers/npm.js';
import { toolAvailable } from './helpers/tools.js';

const MINUTES = 60_000;

function checkWith(bin: string) {
  const app = copyOf('examples/level-1');
  return run(bin, ['check', app, '--preparing', '--format', 'json']);
}

describe('installing svmc without a registry', () => {
  it('bundles every runtime dependency, so the tarball needs no registry', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: object; bundleDependencies: string[] };
    expect([...manifest.bundleDependencies].sort()).toEqual(Object.keys(manifest.dependencies).sort());
  });

  it(
    'packs a tarball that installs globally with no network and no scripts, and runs with Node alone',
    () => {
      const out = tempDir();
      const packed = run('npm', ['pack', '--pack-destination', out]);
      expect(packed.code, packed.stderr).toBe(0);
      // Nothing but the file name on stdout: pre-commit reads the tarball's name from there.
      expect(packed.stdout.trim()).toBe(`svmc-${VERSION}.tgz`);
      const prefix = tempDir();
      const installed = npmOffline(prefix, ['install', '-g', '--ignore-scripts', join(out, `svmc-${VERSION}.tgz`)]);
      expect(installed.code, installed.stderr).toBe(0);
      const bin = join(prefix, 'bin/svmc');
      expect(run(bin, ['--version']).stdout.trim()).toBe(VERSION);
      const checked = checkWith(bin);
      expect(checked.code, checked.stderr).toBe(0);
      expect((JSON.parse(checked.stdout) as { mode: string }).mode).toBe('preparation');
      const shipped = readdirSync(join(prefix, 'lib/node_modules/svmc'));
      expect(shipped).toEqual(expect.arrayContaining(['bin', 'dist', 'node_modules', 'schemas', 'templates']));
      expect(shipped).not.toContain('src');
    },
    10 * MINUTES,
  );

  it(
    'installs globally from a built checkout of the source',
    () => {
      const prefix = tempDir();
      const installed = npmOffline(prefix, ['install', '-g', ROOT]);
      expect(installed.code, installed.stderr).toBe(0);
      const bin = join(prefix, 'bin/svmc');
      expect(run(bin, ['--version']).stdout.trim()).toBe(VERSION);
      expect(checkWith(bin).code).toBe(0);
    },
    5 * MINUTES,
  );

  it.skipIf(!toolAvailable('pre-commit') || !toolAvailable('git'))(
    'runs as a pre-commit hook from the repository at a commit, with stock pre-commit',
    () => {
      const repo = copyOf('examples/level-1', 'svmc-hook-');
      const git = (...args: string[]) => run('git', ['-c', 'user.email=ci@example.org', '-c', 'user.name=CI', ...args], { cwd: repo });
      expect(git('init', '-q').code).toBe(0);
      expect(git('add', '-A').code).toBe(0);
      expect(git('commit', '-qm', 'application').code).toBe(0);
      const home = tempDir();
      const env = { PRE_COMMIT_HOME: join(home, 'pre-commit'), npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
      const head = run('git', ['rev-parse', 'HEAD']).stdout.trim();
      const hook = run('pre-commit', ['try-repo', ROOT, 'svmc-check', '--ref', head, '--all-files'], { cwd: repo, env });
      expect(hook.code, hook.stdout + hook.stderr).toBe(1);
      expect(hook.stdout).toContain('SIGNOFF_MISSING');
      expect(hook.stdout).toMatch(/svmc check\.+Failed/);
    },
    15 * MINUTES,
  );
});
