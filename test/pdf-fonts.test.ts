import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSummaryWithWarnings } from '../src/core/pdf/render-summary.js';
import { tempDir } from './helpers/cli.js';
import { toolAvailable } from './helpers/tools.js';
import { summaryInput } from './pdf-input.js';

const hasPoppler = toolAvailable('pdftotext') && toolAvailable('pdffonts');

describe('text no font can draw', () => {
  it('draws a placeholder and warns instead of throwing', async () => {
    const input = summaryInput({ organisation: '한국 사회가치 🌱 Trust\u0007\u200B', items: 3 });
    const { bytes, warnings } = await renderSummaryWithWarnings(input);
    expect(warnings.map((warning) => warning.code)).toEqual(['GLYPH_MISSING']);
    expect(warnings[0]?.message).toMatch(/한.*🌱|🌱.*한/);
    expect(warnings[0]?.message).not.toContain('\u200B');
    if (!hasPoppler) return;
    const file = join(tempDir('svmc-pdf-'), 'summary.pdf');
    writeFileSync(file, bytes);
    const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('□□ □□□□ □ Trust');
  });

  it('renders scripts that need shaping (Arabic, Hebrew, combining marks) without warnings', async () => {
    const { warnings, bytes } = await renderSummaryWithWarnings(summaryInput({ organisation: 'جمعية القيمة الاجتماعية — עמותה — Ṡa\u0301mple', items: 2 }));
    expect(warnings).toEqual([]);
    expect(bytes.length).toBeGreaterThan(1000);
  });

  it.runIf(hasPoppler)('embeds only the Latin font set when nothing needs the CJK fallback', async () => {
    const input = summaryInput({ organisation: 'Plain Trust', items: 3 });
    input.data.applicant.programme = 'Housing programme';
    const { bytes } = await renderSummaryWithWarnings(input);
    const file = join(tempDir('svmc-pdf-'), 'summary.pdf');
    writeFileSync(file, bytes);
    const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout;
    expect(fonts).not.toContain('NotoSansHans');
    expect(fonts).toContain('DejaVuSans');
  });
});
