import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderSummary, renderSummaryWithWarnings } from '../src/core/pdf/render-summary.js';
import type { SummaryRenderResult } from '../src/core/pdf/types.js';
import { tempDir } from './helpers/cli.js';
import { toolAvailable } from './helpers/tools.js';
import { ORGANISATION, PROGRAMME, summaryInput } from './pdf-input.js';

const hasPoppler = toolAvailable('pdftotext') && toolAvailable('pdffonts') && toolAvailable('pdfinfo');
const hasQpdf = toolAvailable('qpdf');
if (!hasPoppler) console.warn('pdf tests: poppler-utils (pdftotext, pdffonts, pdfinfo) not installed; interop checks skipped');
if (!hasQpdf) console.warn('pdf tests: qpdf not installed; qpdf --check skipped');

function run(tool: string, args: string[]): { code: number; stdout: string } {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  return { code: result.status ?? -1, stdout: String(result.stdout) + String(result.stderr) };
}

const squash = (text: string): string => text.replace(/\s+/g, ' ');
const dir = tempDir('svmc-pdf-');
let rendered: SummaryRenderResult;
let file: string;

beforeAll(async () => {
  rendered = await renderSummaryWithWarnings(summaryInput({ withAssessment: true }));
  file = join(dir, 'summary.pdf');
  writeFileSync(file, rendered.bytes);
});

describe('summary.pdf of a level-3 application', () => {
  it('is multi-page and renders every script of the input without warnings', () => {
    expect(rendered.pages).toBeGreaterThan(5);
    expect(rendered.warnings).toEqual([]);
  });

  it.runIf(hasQpdf)('passes qpdf --check', () => {
    const result = run('qpdf', ['--check', file]);
    expect(result.stdout).toContain('No syntax or stream encoding errors');
    expect(result.code).toBe(0);
  });

  it.runIf(hasPoppler)('embeds and subsets every font, the CJK fallback included', () => {
    const rows = run('pdffonts', [file]).stdout.trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(row).toMatch(/^[A-Z]{6}\+\S+\s.*\byes\s+yes\s+yes\b/);
    expect(rows.some((row) => row.includes('DejaVuSans'))).toBe(true);
    expect(rows.some((row) => row.includes('NotoSansHans'))).toBe(true);
  });

  it.runIf(hasPoppler)('shows the organisation, programme, every criterion, both representatives and the fee', () => {
    const text = squash(run('pdftotext', [file, '-']).stdout);
    expect(text).toContain(ORGANISATION);
    expect(text).toContain(PROGRAMME);
    for (const state of summaryInput().result.criteria) expect(text).toContain(state.criterion.id);
    expect(text).toContain('Agnieszka Wróblewska');
    expect(text).toContain('Dmitri Ivanov');
    expect(text).toContain('Social Value Senior Leader'.toUpperCase());
    for (const amount of ['£1,250.00', '£250.00', '£1,500.00']) expect(text).toContain(amount);
    expect(text).toContain('Signed: 2025-02-27T10:15:00Z');
    expect(text).toContain('1A2B3C4D5E6F7081');
    expect(text).toContain('SVMC-L2-0107');
  });

  it.runIf(hasPoppler)('numbers every page "n / N"', () => {
    const pages = run('pdftotext', [file, '-']).stdout.split('\f').slice(0, rendered.pages);
    expect(pages).toHaveLength(rendered.pages);
    pages.forEach((page, index) => {
      expect(squash(page)).toContain(`${index + 1} / ${rendered.pages}`);
    });
  });

  it.runIf(hasPoppler)('keeps every word inside the page, margins included (a 5,000-character summary wraps)', () => {
    const xml = run('pdftotext', ['-bbox', file, '-']).stdout;
    const pages = [...xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)];
    expect(pages).toHaveLength(rendered.pages);
    let words = 0;
    for (const [, width, height, body] of pages) {
      for (const [, x0, y0, x1, y1] of (body ?? '').matchAll(/xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)"/g)) {
        words++;
        expect(Number(x0)).toBeGreaterThanOrEqual(20);
        expect(Number(y0)).toBeGreaterThanOrEqual(20);
        expect(Number(x1)).toBeLessThanOrEqual(Number(width) - 20);
        expect(Number(y1)).toBeLessThanOrEqual(Number(height) - 20);
      }
    }
    expect(words).toBeGreaterThan(2000);
  });

  it.runIf(hasPoppler)('repeats the table header on pages a table continues on', () => {
    const pages = run('pdftotext', [file, '-']).stdout.split('\f');
    // A continued page that shows evidence rows (their short hashes) shows the table's header too.
    const continued = pages.filter((page) => page.includes('(continued)') && /\b[0-9a-f]{12}\b/.test(page));
    expect(continued.length).toBeGreaterThan(0);
    for (const page of continued) expect(page).toContain('SHA-256');
  });

  it.runIf(hasPoppler)('carries document metadata', () => {
    const info = run('pdfinfo', [file]).stdout;
    expect(info).toMatch(/Title:\s+Social Value Management Certificate — Zoë’s Café — Łódź Αθήνα Москва — Level 3/);
    expect(info).toMatch(/Author:\s+Zoë’s Café/);
    expect(info).toMatch(/Producer:\s+svmc/);
    expect(info).toMatch(/CreationDate:\s+.*2025/);
  });
});

describe('reproducibility and draft', () => {
  it('gives the same bytes for the same input', async () => {
    const first = await renderSummary(summaryInput({ withAssessment: true }));
    expect(Buffer.compare(Buffer.from(first), Buffer.from(rendered.bytes))).toBe(0);
  });

  it('changes with the input', async () => {
    const other = await renderSummary(summaryInput({ withAssessment: true, items: 65 }));
    expect(Buffer.compare(Buffer.from(other), Buffer.from(rendered.bytes))).not.toBe(0);
  });

  it.runIf(hasPoppler)('marks every page of a draft DRAFT, and no page of a final pack', async () => {
    const draftFile = join(dir, 'draft.pdf');
    const draft = await renderSummaryWithWarnings(summaryInput({ draft: true, items: 20 }));
    writeFileSync(draftFile, draft.bytes);
    const pages = run('pdftotext', [draftFile, '-']).stdout.split('\f').slice(0, draft.pages);
    for (const page of pages) expect(page).toContain('DRAFT');
    expect(run('pdftotext', [file, '-']).stdout).not.toContain('DRAFT');
  });
});
