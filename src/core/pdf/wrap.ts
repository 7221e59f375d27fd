import { cleanText, type FontSet, type TextStyle } from './font-set.js';

/** Scripts written without spaces: a line may break between any two of their characters. */
const BREAK_ANYWHERE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;
/** A long word (a path, a URL) breaks preferably after one of these. */
const SOFT_BREAK = /[/\\\-_?&=]/;

export interface TextMeasure {
  fonts: FontSet;
  style: TextStyle;
  size: number;
}

function tokens(paragraph: string): string[] {
  const list: string[] = [];
  let word = '';
  for (const char of paragraph) {
    if (char === ' ' || BREAK_ANYWHERE.test(char)) {
      if (word) list.push(word);
      word = '';
      list.push(char);
    } else word += char;
  }
  if (word) list.push(word);
  return list;
}

/** Splits a word wider than `max` into pieces that fit, at a soft break where one is near. */
function breakWord(word: string, max: number, measure: TextMeasure): string[] {
  const pieces: string[] = [];
  let piece = '';
  let width = 0;
  for (const char of word) {
    const charWidth = measure.fonts.width(char, measure.style, measure.size);
    if (piece && width + charWidth > max) {
      const chars = [...piece];
      // After a slash first: text extraction may take a hyphen at a line's end for a word break and drop it.
      const near = (test: RegExp): number => {
        for (let index = chars.length - 1; index > chars.length * 0.6; index--) if (test.test(chars[index] ?? '')) return index + 1;
        return -1;
      };
      const slash = near(/[/\\]/);
      const soft = near(SOFT_BREAK);
      const cut = slash > 0 ? slash : soft > 0 ? soft : chars.length;
      pieces.push(chars.slice(0, cut).join(''));
      piece = chars.slice(cut).join('');
      width = measure.fonts.width(piece, measure.style, measure.size);
    }
    piece += char;
    width += charWidth;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Wraps text to lines no wider than `max` points; newlines in the text start new lines. */
export function wrapText(text: string, max: number, measure: TextMeasure): string[] {
  const lines: string[] = [];
  const { fonts, style, size } = measure;
  const space = fonts.width(' ', style, size);
  for (const paragraph of text.split(/\r\n|\r|\n/).map(cleanText)) {
    let line = '';
    let width = 0;
    let pendingSpace = false;
    for (const token of tokens(paragraph)) {
      if (token === ' ') {
        pendingSpace = line !== '';
        continue;
      }
      const tokenWidth = fonts.width(token, style, size);
      const gap = pendingSpace ? space : 0;
      pendingSpace = false;
      if (width + gap + tokenWidth <= max) {
        line += (gap ? ' ' : '') + token;
        width += gap + tokenWidth;
        continue;
      }
      if (line) lines.push(line);
      const pieces = tokenWidth <= max ? [token] : breakWord(token, max, measure);
      lines.push(...pieces.slice(0, -1));
      line = pieces[pieces.length - 1] ?? '';
      width = fonts.width(line, style, size);
    }
    if (line || lines.length === 0 || paragraph.trim() === '') lines.push(line);
  }
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The text cut to fit `max` points, with an ellipsis when it was cut. */
export function fitText(text: string, max: number, measure: TextMeasure): string {
  const clean = cleanText(text);
  const { fonts, style, size } = measure;
  if (fonts.width(clean, style, size) <= max) return clean;
  let width = fonts.width('…', style, size);
  let kept = '';
  for (const char of clean) {
    width += fonts.width(char, style, size);
    if (width > max) break;
    kept += char;
  }
  return `${kept.trimEnd()}…`;
}

/** The largest size from `measure.size` down to `min` at which the text fits on one line of `max` points; undefined when none does. */
export function fitSize(text: string, max: number, measure: TextMeasure, min: number): number | undefined {
  const width = measure.fonts.width(cleanText(text), measure.style, measure.size);
  if (width <= max) return measure.size;
  const size = Math.floor(((measure.size * max) / width) * 10) / 10;
  return size >= min ? size : undefined;
}
