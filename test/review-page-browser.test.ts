import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { copyOf, svmc, tempDir } from './helpers/cli.js';
import { launchChromium } from './helpers/browser.js';
import { toolAvailable } from './helpers/tools.js';

const hasBrowser = toolAvailable('chromium') && toolAvailable('unzip');

describe.skipIf(!hasBrowser)('index.html in a browser, from an unzipped pack, with scripts off and no network', () => {
  it('shows the statements, and an evidence link opens the file in data/', async () => {
    const app = copyOf('examples/level-3');
    const out = tempDir();
    const packed = svmc(['pack', app, '--draft', '--out', join(out, 'pack.zip'), '--date', '2026-12-01']);
    expect(packed.code, packed.stderr).toBe(0);
    expect(spawnSync('unzip', ['-q', join(out, 'pack.zip'), '-d', out]).status).toBe(0);
    const bag = join(out, readdirSync(out).find((name) => name.startsWith('svmc-'))!);
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true, viewport: { width: 1100, height: 900 } });
      const requests: string[] = [];
      context.on('request', (request) => requests.push(request.url()));
      const page = await context.newPage();
      await page.goto(pathToFileURL(join(bag, 'index.html')).href);
      expect(await page.title()).toContain('Riverside Community Trust');
      await expect(page.locator('h2', { hasText: 'Creating Capacity' }).count()).resolves.toBe(1);
      expect(await page.locator('.statement').count()).toBeGreaterThan(10);
      const screenshot = join(out, 'index.png');
      await page.screenshot({ path: screenshot, fullPage: false });
      expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe('PNG');
      const link = page.locator('a[href^="data/"]').first();
      const href = (await link.getAttribute('href'))!;
      await link.click();
      await page.waitForURL((url) => url.href.endsWith(href));
      expect(await page.content()).toContain(readFileSync(join(bag, decodeURIComponent(href)), 'utf8').split('\n')[0]!.slice(0, 40).replace(/&/g, '&amp;'));
      expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
