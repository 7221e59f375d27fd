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

const imports = (text: string): string[] => [...text.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

describe('the layers', () => {
  it('rules and the check reach the disk only through the application folder, and the time only through the clock', () => {
    // What a rule reads is what a kept result rests on: a read past the recorder would go stale unseen.
    for (const { path, text } of [...sources('core/rules'), ...sources('core/check')]) {
      expect(imports(text).filter((spec) => /^(node:)?fs(\/promises)?$/.test(spec)), path).toEqual([]);
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
