import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FontSet } from '../src/core/pdf/font-set.js';
import { loadFonts } from '../src/core/pdf/fonts.js';
import { fitText, wrapText } from '../src/core/pdf/wrap.js';

let fonts: FontSet;
beforeAll(async () => {
  fonts = await loadFonts(await PDFDocument.create(), '青山');
});

const measure = () => ({ fonts, style: 'regular' as const, size: 9 });

describe('wrapText', () => {
  it('breaks at spaces and keeps every line within the width', () => {
    const text = 'Minutes of the board meeting where the social value data changed a decision. '.repeat(20);
    const lines = wrapText(text, 200, measure());
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(fonts.width(line, 'regular', 9)).toBeLessThanOrEqual(200);
    expect(lines.join(' ').replace(/\s+/g, ' ').trim()).toBe(text.replace(/\s+/g, ' ').trim());
  });

  it('breaks long paths after a separator and CJK between characters', () => {
    const path = 'evidence/creating-capacity/2024-board-minutes-with-a-very-long-name.pdf';
    const lines = wrapText(path, 90, measure());
    expect(lines.join('')).toBe(path);
    expect(lines[0]).toMatch(/[/-]$/);
    const cjk = wrapText('青山社会価値プログラム'.repeat(6), 80, measure());
    expect(cjk.length).toBeGreaterThan(3);
    for (const line of cjk) expect(fonts.width(line, 'regular', 9)).toBeLessThanOrEqual(80);
  });

  it('keeps newlines as line breaks and drops control characters', () => {
    expect(wrapText('first\nsecond\u0000', 300, measure())).toEqual(['first', 'second']);
  });

  it('cuts a text to fit with an ellipsis', () => {
    const cut = fitText('Zoë’s Café — Łódź '.repeat(10), 120, measure());
    expect(cut.endsWith('…')).toBe(true);
    expect(fonts.width(cut, 'regular', 9)).toBeLessThanOrEqual(120);
  });
});
