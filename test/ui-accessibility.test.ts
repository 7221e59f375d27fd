import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOf } from './helpers/cli.js';
import { launchChromium } from './helpers/browser.js';
import { toolAvailable } from './helpers/tools.js';
import { startUi, type RunningUi } from './helpers/ui-server.js';

const hasBrowser = toolAvailable('chromium');
const AXE = readFileSync(fileURLToPath(import.meta.resolve('axe-core/axe.min.js')), 'utf8');
const PAGES = ['/', '/criteria', '/details', '/assess', '/signoff', '/pack'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core run inside the page (through the debugger, so the page's own policy needs no exception). */
async function violations(page: Page): Promise<Violation[]> {
  await page.evaluate(`${AXE}\n;undefined`);
  const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as { violations: Violation[] };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The focused element's tag and its label or text, as `tag:text` (run in the page). */
const FOCUSED = `(() => {
  const element = document.activeElement;
  if (!element) return '';
  const label = element.id ? document.querySelector('label[for="' + element.id + '"]')?.textContent : undefined;
  return element.tagName.toLowerCase() + ':' + (label ?? element.textContent ?? '').trim();
})()`;

/** What Tab reaches, in order, from the top of the page: each stop's role and accessible text. */
async function tabStops(page: Page, most: number): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab');
    stops.push((await page.evaluate(FOCUSED)) as string);
  }
  return stops;
}

describe.skipIf(!hasBrowser)('svmc ui for everyone', () => {
  let ui: RunningUi;
  let app: string;

  beforeAll(async () => {
    app = copyOf('examples/level-2');
    ui = await startUi(app);
  });

  afterAll(async () => {
    expect((await ui.stop()).code).toBe(0);
  });

  it('every page has no serious or critical accessibility violation (axe-core)', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(ui.url);
      for (const path of PAGES) {
        await page.goto(`${ui.origin}${path}`);
        const found = await violations(page);
        expect(found.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), path).toEqual([]);
      }
    } finally {
      await browser.close();
    }
  }, 180_000);

  it('works by keyboard: skip link, the pages, and a statement saved without a mouse', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(ui.url);
      const stops = await tabStops(page, 8);
      expect(stops[0]).toBe('a:Skip to the content');
      expect(stops.slice(1, 7)).toEqual(['a:Overview', 'a:Criteria', 'a:Application details', 'a:Self-assessment', 'a:Sign-off', 'a:Pack']);
      // Back to the Criteria link, and Enter follows it; then Tab from the first statement to its button.
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      await Promise.all([page.waitForURL('**/criteria'), page.keyboard.press('Enter')]);
      await page.locator('#st-L2-CC-1').focus();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('Both representatives sign every social value document.');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(FOCUSED)).toBe('button:Save statement');
      await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
      await expect(page.locator('#flash').textContent()).resolves.toContain('L2.CC.1: statement replaced');
      expect(readFileSync(`${app}/svmc.yaml`, 'utf8')).toContain('statement: Both representatives sign every social value document.');
      for (const path of ['/details', '/signoff', '/pack', '/assess']) {
        await page.goto(`${ui.origin}${path}`);
        const reached = await tabStops(page, 400);
        const buttons = await page.getByRole('button').allTextContents();
        for (const button of buttons) expect(reached, `${path}: ${button}`).toContain(`button:${button.trim()}`);
      }
    } finally {
      await browser.close();
    }
  }, 180_000);
});
