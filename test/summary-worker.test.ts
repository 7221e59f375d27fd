import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';
import { summaryInput } from './pdf-input.js';

const BUNDLE = join(ROOT, 'dist/core/pdf/summary-worker.bundle.js');

describe('the summary worker as the build bundles it', () => {
  it('is one file, without the WOFF2 decompressor, and renders the bytes this thread renders', async () => {
    expect(existsSync(BUNDLE)).toBe(true);
    const bundle = readFileSync(BUNDLE, 'utf8');
    const imported = [...bundle.matchAll(/^import .* from ["']([^"']+)["']/gm)].map(([, name]) => name!.replace(/^node:/, ''));
    expect(imported.filter((name) => !builtinModules.includes(name))).toEqual([]);
    expect(bundle).toContain('WOFF2 fonts cannot be read here');
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
