import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

function sources(folder: string): { path: string; text: string }[] {
  const base = join(ROOT, 'src', folder);
  return (readdirSync(base, { recursive: true }) as string[])
    .filter((name) => name.endsWith('.ts'))
    .map((name) => ({ path: relative(ROOT, join(base, name)), text: readFileSync(join(base, name), 'utf8') }));
}

/** What a file imports for its running, not for types alone. */
const imports = (text: string): string[] => [...text.matchAll(/^import(?! type )[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

describe('the layers', () => {
  it('rules and the check reach the disk only through the application folder, and the time only through the clock', () => {
    // What a rule reads is what a kept result rests on: a read past the recorder would go stale unseen.
    // Nothing that can read a file: the file system, child processes, require, or svmc's own readers.
    const reaches = (spec: string): boolean =>
      /^(node:)?(fs|fs\/promises|child_process|module|worker_threads)$/.test(spec) ||
      (/\/fs\//.test(spec) && !/\/fs\/(read-limits|inside)\.js$/.test(spec)) ||
      /\/(assess|catalogue)\/load\.js$|\/application\/(load|read-text|open)\.js$/.test(spec);
    // The runner opens the folders it is given, and hands the opened value on.
    const judging = [...sources('core/rules'), ...sources('core/check')].filter(({ path }) => !path.endsWith('check/check-application.ts'));
    for (const { path, text } of judging) {
      expect(imports(text).filter(reaches), path).toEqual([]);
      expect(text, path).not.toMatch(/createRequire|\brequire\(/);
    }
    for (const { path, text } of sources('core/rules')) expect(text, path).not.toMatch(/\bDate\.now\(\)|new Date\(\)/);
  });

  it('verify takes nothing from pack', () => {
    for (const { path, text } of sources('core/verify')) expect(imports(text).filter((spec) => spec.includes('/pack/')), path).toEqual([]);
  });

  it('core renders no text for people: fee, assess, status and criteria text live in report/', () => {
    for (const { path, text } of sources('core')) expect(text, path).not.toMatch(/styleText|\u001b\[|render\w*Text\b/);
  });

  it('core never prints, prompts or exits', () => {
    for (const { path, text } of sources('core')) {
      expect(text, path).not.toMatch(/console\.|process\.(exit|stdout|stderr)|@inquirer/);
    }
  });
});
