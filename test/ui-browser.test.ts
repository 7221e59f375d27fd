import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { svmc, tempDir } from './helpers/cli.js';
import { launchChromium } from './helpers/browser.js';
import { toolAvailable } from './helpers/tools.js';
import { startUi, type RunningUi } from './helpers/ui-server.js';

const hasBrowser = toolAvailable('chromium');

/** A new application, as `svmc init` writes it: comments, placeholders, no evidence yet. */
function newApplication(): string {
  const dir = join(tempDir(), 'app');
  const made = svmc(['init', dir, '--yes', '--org', 'Acme Community Trust', '--level', '1', '--size', 'small']);
  expect(made.code, made.stderr).toBe(0);
  return dir;
}

/** Submits a form by its button and waits for the page to come back with the server's answer. */
async function save(page: Page, button: string, within?: string): Promise<string> {
  const scope = within ? page.locator(within) : page;
  await Promise.all([page.waitForEvent('load'), scope.getByRole('button', { name: button, exact: true }).click()]);
  return (await page.locator('#flash').textContent()) ?? '';
}

describe.skipIf(!hasBrowser)('svmc ui in headless Chromium', () => {
  let app: string;
  let ui: RunningUi;
  const requests: string[] = [];

  beforeAll(async () => {
    app = newApplication();
    ui = await startUi(app);
  });

  afterAll(async () => {
    expect((await ui.stop()).code).toBe(0);
  });

  it('fills the details, adds an evidence item by upload and a statement, sees the findings go, builds a draft pack: svmc.yaml as the commands write it', async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
      context.on('request', (request) => requests.push(request.url()));
      const page = await context.newPage();
      await page.goto(ui.url);
      expect(new URL(page.url()).search).toBe('');
      await expect(page.locator('.lead').textContent()).resolves.toContain('0 of 13 required criteria met');

      await page.getByRole('link', { name: 'Application details' }).click();
      await page.waitForURL('**/details');
      await page.getByLabel('Membership network').fill('Social Value UK');
      await page.getByLabel('Membership number').fill('SVUK-0099');
      await page.getByLabel('Date of the preparation call with the Assurance Manager').fill('2026-01-12');
      const lead = page.getByRole('group', { name: 'Social Value Lead' });
      await lead.getByLabel('Name').fill('Ann Lee');
      await lead.getByLabel('Email').fill('ann.lee@example.org');
      await lead.getByLabel('Job title').fill('Impact Manager');
      const senior = page.getByRole('group', { name: 'Social Value Senior Leader' });
      await senior.getByLabel('Name').fill('Bo Chan');
      await senior.getByLabel('Email').fill('bo.chan@example.org');
      expect(await save(page, 'Save the details')).toContain('The details are saved');
      await expect(page.getByLabel('Membership number').inputValue()).resolves.toBe('SVUK-0099');
      const afterDetails = readFileSync(join(app, 'svmc.yaml'), 'utf8');
      expect(afterDetails).toContain('# Application for the Social Value Management Certificate, level 1 (Commit).');
      expect(afterDetails).toMatch(/network: Social Value UK\n/);
      // The commands' copy starts from the same file.
      const other = join(tempDir(), 'app');
      cpSync(app, other, { recursive: true });

      await page.getByRole('link', { name: 'Criteria' }).click();
      await page.waitForURL('**/criteria');
      const criterion = page.locator('#c-L1-PL-1');
      await expect(criterion.locator('.findings').textContent()).resolves.toMatch(/has no evidence/);
      await criterion.getByText('Add evidence to L1.PL.1').click();
      const upload = tempDir();
      writeFileSync(join(upload, 'stakeholder-map.csv'), 'group,sub-group\nyoung people,16-18\nparents,\n');
      await criterion.getByLabel(/Or upload a file/).setInputFiles(join(upload, 'stakeholder-map.csv'));
      await criterion.locator('#add-L1-PL-1-form').getByLabel('What it shows').fill('Stakeholder map agreed by the board');
      await criterion.locator('#add-L1-PL-1-form').getByLabel('Date').fill('2026-01-20');
      expect(await save(page, 'Add evidence', '#add-L1-PL-1-form')).toContain('evidence/plan/stakeholder-map.csv added');
      expect(readFileSync(join(app, 'evidence/plan/stakeholder-map.csv'), 'utf8')).toContain('young people');
      // The missing evidence is gone; the missing statement appears, linked to the field that fixes it.
      const findings = page.locator('#c-L1-PL-1 .findings');
      await expect(findings.textContent()).resolves.not.toMatch(/has no evidence/);
      await expect(findings.getByRole('link', { name: /statement/i }).getAttribute('href')).resolves.toBe('#st-L1-PL-1');
      await findings.getByRole('link', { name: /statement/i }).click();
      await page.locator('#st-L1-PL-1').fill('The board agreed the stakeholder map in January.');
      expect(await save(page, 'Save statement', '#c-L1-PL-1')).toContain('L1.PL.1: statement written');
      await expect(page.locator('#c-L1-PL-1 .findings').count()).resolves.toBe(0);
      await expect(page.locator('#c-L1-PL-1 .badge').textContent()).resolves.toBe('met');

      // The same changes made by the commands.
      cpSync(join(upload, 'stakeholder-map.csv'), join(other, 'evidence/plan/stakeholder-map.csv'));
      expect(svmc(['map', 'L1.PL.1', 'evidence/plan/stakeholder-map.csv', '--summary', 'Stakeholder map agreed by the board', '--date', '2026-01-20', '--dir', other]).code).toBe(0);
      expect(svmc(['statement', 'L1.PL.1', 'The board agreed the stakeholder map in January.', '--dir', other]).code).toBe(0);
      expect(readFileSync(join(app, 'svmc.yaml'), 'utf8')).toBe(readFileSync(join(other, 'svmc.yaml'), 'utf8'));

      await page.getByRole('link', { name: 'Pack', exact: true }).click();
      await page.waitForURL('**/pack');
      expect(await save(page, 'Build a draft pack')).toMatch(/Draft pack .*\.zip built/);
      await expect(page.locator('.built').textContent()).resolves.toContain('a draft, not for submission');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Download / }).click()]);
      const saved = join(tempDir(), 'draft.zip');
      await download.saveAs(saved);
      expect(readFileSync(saved).subarray(0, 2).toString()).toBe('PK');
      expect(svmc(['verify', saved]).stdout).toMatch(/DRAFT|draft/);
    } finally {
      await browser.close();
    }
    expect(requests.every((url) => url.startsWith(ui.origin)), requests.join('\n')).toBe(true);
  }, 180_000);

  it('says so, and keeps the file, when svmc.yaml changed on disk after the page read it', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${ui.url}`);
      await page.goto(`${ui.origin}/criteria`);
      const edited = `${readFileSync(join(app, 'svmc.yaml'), 'utf8')}# a note made in an editor\n`;
      writeFileSync(join(app, 'svmc.yaml'), edited);
      await page.locator('#st-L1-PL-2').fill('Written against an old copy.');
      await page.locator('#c-L1-PL-2').getByRole('button', { name: 'Save statement' }).click();
      await page.locator('#c-L1-PL-2 .result').filter({ hasText: /changed since this page read it/ }).waitFor();
      expect(readFileSync(join(app, 'svmc.yaml'), 'utf8')).toBe(edited);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
