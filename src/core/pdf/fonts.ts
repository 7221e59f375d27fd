import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import type { FontkitFont } from 'fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { FontSet, type FontFace, type TextStyle } from './font-set.js';

const require = createRequire(import.meta.url);

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/** pdf-lib reaches a font's embedder through this private field; we need the fontkit font and the name. */
interface EmbedderAccess {
  embedder: { font: FontkitFont; customName?: string };
}

const dejavu = (file: string): string => require.resolve(`dejavu-fonts-ttf/ttf/${file}`);

/** The CJK fallback (Noto Sans Hans: Chinese, Japanese kana, Latin), if its package is installed. */
function fallbackPath(): string | undefined {
  try {
    return join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf');
  } catch {
    return undefined;
  }
}

/** Text in these scripts needs no shaping: one glyph per character, as drawn by pdf-lib anyway. */
const NO_SHAPING = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]*$/u;

/**
 * Full OpenType layout costs about a millisecond a call and pdf-lib calls it for every measure and
 * every draw; it is kept for scripts that need shaping (Arabic, Indic, combining marks).
 */
function withFastLayout(font: FontkitFont): FontkitFont {
  const layout = font.layout.bind(font);
  font.layout = (text, features) =>
    NO_SHAPING.test(text) ? { glyphs: Array.from(text, (char) => font.glyphForCodePoint(char.codePointAt(0) ?? 0)) } : layout(text, features);
  return font;
}

/**
 * Upstream fontkit 2 rather than the @pdf-lib fork, whose subsetter writes CID-keyed CFF fonts
 * (every CJK OpenType font) that viewers reject. pdf-lib only asks the subset for a stream.
 */
async function loadFontkit(): Promise<Fontkit> {
  const fontkit = await import('fontkit');
  const adapter = {
    create(bytes: Uint8Array): FontkitFont {
      const font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      const createSubset = font.createSubset.bind(font);
      font.createSubset = () => {
        const subset = createSubset();
        return Object.assign(subset, { encodeStream: () => Readable.from([subset.encode()]) });
      };
      return withFastLayout(font);
    },
  };
  return adapter as unknown as Fontkit;
}

async function embed(doc: PDFDocument, path: string, syntheticBold = false): Promise<FontFace> {
  const pdf = await doc.embedFont(await readFile(path), { subset: true });
  return { pdf, kit: kitOf(pdf), syntheticBold, used: new Set() };
}

function kitOf(font: PDFFont): FontkitFont {
  return (font as unknown as EmbedderAccess).embedder.font;
}

/** Whether any character of the text has no glyph in the primary font. */
function needsFallback(primary: FontFace, text: string): boolean {
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint > 0x20 && !/\s|\p{C}/u.test(char) && !primary.kit.hasGlyphForCodePoint(codePoint)) return true;
  }
  return false;
}

/** Embeds DejaVu Sans (regular, bold, mono) and, only when `allText` needs it, the CJK fallback. */
export async function loadFonts(doc: PDFDocument, allText: string): Promise<FontSet> {
  doc.registerFontkit(await loadFontkit());
  const regular = await embed(doc, dejavu('DejaVuSans.ttf'));
  const bold = await embed(doc, dejavu('DejaVuSans-Bold.ttf'));
  const mono = await embed(doc, dejavu('DejaVuSansMono.ttf'));
  const fallbacks: FontFace[] = [];
  const path = fallbackPath();
  if (path && needsFallback(regular, allText.normalize('NFC'))) {
    const face = await embed(doc, path);
    fallbacks.push(face, { ...face, syntheticBold: true });
  }
  const chains: Record<TextStyle, FontFace[]> = {
    regular: [regular, ...fallbacks.filter((face) => !face.syntheticBold)],
    bold: [bold, regular, ...fallbacks.filter((face) => face.syntheticBold)],
    mono: [mono, regular, ...fallbacks.filter((face) => !face.syntheticBold)],
  };
  return new FontSet(chains, regular);
}

/**
 * Gives each embedded subset the standard six-letter tag, derived from the glyphs it holds, so
 * the names are stable from run to run and viewers (and pdffonts) know the font is a subset.
 */
export async function nameSubsets(fonts: FontSet): Promise<void> {
  const { createHash } = await import('node:crypto');
  for (const [pdf, used] of fonts.usage()) {
    const kit = kitOf(pdf);
    const digest = createHash('sha256').update(`${kit.postscriptName}\0${[...used].sort().join('')}`).digest();
    const tag = [...digest.subarray(0, 6)].map((byte) => String.fromCharCode(65 + (byte % 26))).join('');
    (pdf as unknown as EmbedderAccess).embedder.customName = `${tag}+${kit.postscriptName}`;
  }
}
