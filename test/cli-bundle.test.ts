import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileBundle } from '../src/cli/load-bundle.js';
import { ROOT, copyOf, svmc, tempDir } from './helpers/cli.js';

const BUNDLE = join(ROOT, 'dist/cli/main.bundle.cjs');
const EPOCH = '1772323200';

describe('the bundled CLI', () => {
  it('holds no path of the machine that built it, and each module it holds keeps the URL of its built file', () => {
    const text = readFileSync(BUNDLE, 'utf8');
    expect(text).not.toContain(ROOT);
    expect(text).not.toContain('import.meta');
    const urls = [...text.matchAll(/new URL\("([^"]+)", __distUrl\)/g)].map((match) => match[1]!);
    expect(urls).toContain('core/fs/parallel-hash.js');
    for (const url of urls) expect(existsSync(join(ROOT, 'dist', url)), url).toBe(true);
  });

  it('comes with a code cache that this Node.js accepts', () => {
    expect(existsSync(`${BUNDLE}.cache`)).toBe(true);
    expect(compileBundle(BUNDLE).cachedDataRejected).toBe(false);
  });

  it('answers as the modules it was made from do', () => {
    const main = pathToFileURL(join(ROOT, 'dist/cli/main.js')).href;
    for (const args of [['--help'], ['criteria', '--level', '1', '--format', 'json'], ['check', '--no-such-flag']]) {
      const script = `const { main } = await import(${JSON.stringify(main)}); process.exitCode = await main(${JSON.stringify(args)});`;
      const unbundled = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      const bundled = svmc(args);
      expect(bundled.stdout, args.join(' ')).toBe(unbundled.stdout);
      expect(bundled.stderr, args.join(' ')).toBe(unbundled.stderr);
      expect(bundled.code, args.join(' ')).toBe(unbundled.status);
    }
  });

  it('packs the same bytes from a copy of the package installed elsewhere', () => {
    const elsewhere = tempDir('svmc-installed-');
    for (const part of ['bin', 'dist', 'schemas', 'templates', 'ui', 'package.json']) cpSync(join(ROOT, part), join(elsewhere, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(elsewhere, 'node_modules'));
    const app = copyOf('examples/level-1', 'svmc-bundle-');
    const out = tempDir('svmc-out-');
    const env = { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: EPOCH };
    const here = svmc(['pack', app, '--draft', '--out', join(out, 'here.zip')], { env });
    expect(here.code, here.stderr).toBe(0);
    const there = spawnSync(process.execPath, [join(elsewhere, 'bin/svmc.js'), 'pack', app, '--draft', '--out', join(out, 'there.zip')], { encoding: 'utf8', env });
    expect(there.status, there.stderr).toBe(0);
    expect(readFileSync(join(out, 'there.zip')).equals(readFileSync(join(out, 'here.zip')))).toBe(true);
  });
});
