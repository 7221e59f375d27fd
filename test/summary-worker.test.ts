import { existsSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { deflateRawSync, deflateSync } from 'node:zlib';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';
import { summaryInput } from './pdf-input.js';

const BUNDLE = join(ROOT, 'dist/core/pdf/summary-worker.bundle.js');

describe('the summary worker as the build bundles it', () => {
  it('is one file, without the WOFF2 decompressor or tiny-inflate, and renders the bytes this thread renders', async () => {
    expect(existsSync(BUNDLE)).toBe(true);
    const bundle = readFileSync(BUNDLE, 'utf8');
    const imported = [...bundle.matchAll(/^import .* from ["']([^"']+)["']/gm)].map(([, name]) => name!.replace(/^node:/, ''));
    expect(imported.filter((name) => !builtinModules.includes(name))).toEqual([]);
    expect(bundle).toContain('WOFF2 fonts cannot be read here');
    expect(bundle).not.toContain('tinf_uncompress');
    // The built modules: the worker files exist only in dist/.
    const built = pathToFileURL(join(ROOT, 'dist/core/pdf/summary-renderer.js')).href;
    const { startSummaryRenderer, inProcessRenderer } = (await import(built)) as typeof import('../src/core/pdf/summary-renderer.js');
    const input = summaryInput({ items: 12 });
    const worker = await startSummaryRenderer();
    try {
      const [there, here] = await Promise.all([worker.render(input), inProcessRenderer().render(input)]);
      expect(Buffer.from(there.bytes).equals(Buffer.from(here.bytes))).toBe(true);
      expect(there.warnings).toEqual(here.warnings);
    } finally {
      worker.close();
    }
  });
});

describe('zlib in place of tiny-inflate', () => {
  const require = createRequire(import.meta.url);
  type Inflate = (source: Uint8Array, dest: Uint8Array) => Uint8Array;
  const tiny = require('tiny-inflate') as Inflate;
  const zlib = require('../scripts/zlib-inflate.cjs') as Inflate;
  const text = Buffer.from('Creating capacity, planning, doing, assessing, revising. '.repeat(200));

  it.each([
    ['into a buffer of its exact size', deflateRawSync(text), text.length],
    ['into a larger buffer, returning the part filled', deflateRawSync(text), text.length + 100],
    ['from a zlib stream without its header, its checksum trailing (as in WOFF)', deflateSync(text).subarray(2), text.length],
  ])('inflates as tiny-inflate does %s', (_, source, size) => {
    const expected = tiny(source, new Uint8Array(size));
    const inflated = zlib(source, new Uint8Array(size));
    expect(Buffer.from(inflated).equals(Buffer.from(expected))).toBe(true);
    expect(inflated.length).toBe(text.length);
  });
});
