import type { FontkitFont } from 'fontkit';
import type { Color, PDFFont, PDFPage, Rotation } from 'pdf-lib';
import { pdfLib } from './pdf-lib.js';

const { popGraphicsState, pushGraphicsState, setLineWidth, setStrokingColor, setTextRenderingMode, TextRenderingMode } = pdfLib;

export type TextStyle = 'regular' | 'bold' | 'mono';

export interface FontFace {
  pdf: PDFFont;
  kit: FontkitFont;
  /** A regular face standing in for bold: drawn filled and outlined. */
  syntheticBold: boolean;
  /** Characters drawn with it (shared by faces of the same font). */
  used: Set<string>;
}

export interface Run {
  text: string;
  face: FontFace;
}

export interface DrawTextOptions {
  x: number;
  y: number;
  size: number;
  style: TextStyle;
  color: Color;
  opacity?: number;
  rotate?: Rotation;
}

/** Shown where no embedded font has a glyph for a character. */
const PLACEHOLDER = '\u25A1';

/** One line of text as we can draw it: NFC, no control or invisible format characters. */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\t\n\r\v\f\u0085\u2028\u2029]+/g, ' ')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/[\p{Cf}\p{Variation_Selector}]/gu, '');
}

/** The embedded fonts, chosen per run of characters by glyph coverage. */
export class FontSet {
  private readonly widths = new Map<string, number>();
  private readonly runWidths = new Map<PDFFont, Map<string, number>>();
  private readonly coverage = new Map<string, FontFace | null>();
  /** Character → the text it appeared in, for each character no font could draw. */
  readonly missing = new Map<string, string>();

  constructor(
    private readonly chains: Record<TextStyle, FontFace[]>,
    private readonly placeholder: FontFace,
  ) {}

  private faceFor(char: string, style: TextStyle): FontFace | null {
    const key = `${style}:${char}`;
    let face = this.coverage.get(key);
    if (face === undefined) {
      const codePoint = char.codePointAt(0) ?? 0;
      face = this.chains[style].find((candidate) => candidate.kit.hasGlyphForCodePoint(codePoint)) ?? null;
      this.coverage.set(key, face);
    }
    return face;
  }

  /** Splits cleaned text into runs of one face each; spaces and marks stay with the run before. */
  runs(text: string, style: TextStyle): Run[] {
    const runs: Run[] = [];
    let current: Run | undefined;
    for (const char of text) {
      let face = current && /[\s\p{M}]/u.test(char) ? current.face : this.faceFor(char, style);
      let drawn = char;
      if (!face) {
        if (!this.missing.has(char)) this.missing.set(char, text);
        face = this.placeholder;
        drawn = PLACEHOLDER;
      }
      if (current && current.face === face) current.text += drawn;
      else runs.push((current = { text: drawn, face }));
    }
    return runs;
  }

  /** Shaping a run is the costly part of drawing text, so each run's width is measured once. */
  private runWidth(run: Run): number {
    let byText = this.runWidths.get(run.face.pdf);
    if (!byText) this.runWidths.set(run.face.pdf, (byText = new Map()));
    let width = byText.get(run.text);
    if (width === undefined) byText.set(run.text, (width = run.face.pdf.widthOfTextAtSize(run.text, 1000)));
    return width;
  }

  width(text: string, style: TextStyle, size: number): number {
    const key = `${style}:${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = 0;
      for (const run of this.runs(text, style)) width += this.runWidth(run);
      this.widths.set(key, width);
    }
    return (width * size) / 1000;
  }

  /** Draws one line of cleaned text; returns its width. */
  draw(page: PDFPage, text: string, options: DrawTextOptions): number {
    let x = options.x;
    for (const run of this.runs(text, options.style)) {
      const { face } = run;
      if (face.syntheticBold) {
        page.pushOperators(
          pushGraphicsState(),
          setTextRenderingMode(TextRenderingMode.FillAndOutline),
          setLineWidth(options.size * 0.035),
          setStrokingColor(options.color),
        );
      }
      page.drawText(run.text, { ...options, x, font: face.pdf });
      if (face.syntheticBold) page.pushOperators(popGraphicsState());
      for (const char of run.text) face.used.add(char);
      x += (this.runWidth(run) * options.size) / 1000;
    }
    return x - options.x;
  }

  /** Each embedded font with the characters drawn with it. */
  usage(): Map<PDFFont, Set<string>> {
    const usage = new Map<PDFFont, Set<string>>();
    for (const chain of Object.values(this.chains)) for (const face of chain) usage.set(face.pdf, face.used);
    return usage;
  }
}
