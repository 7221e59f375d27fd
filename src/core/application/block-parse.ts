import { spotted, type FastParse, type Spot } from './yaml-spots.js';

/**
 * svmc.yaml as people write it, read line by line: block maps and lists, plain words as keys, and
 * values on one line (plain, or quoted without escapes). On a 1.6 MB application of 10,010
 * block-style items js-yaml's events took 180-250 ms in a fresh process and this 25-40 ms. Anything
 * else returns undefined, and js-yaml or the `yaml` library reads the file; so what this gives is
 * what the `yaml` library gives, data and places alike (tested against it).
 */
export function blockParse(text: string): FastParse | undefined {
  if (UNUSUAL_CHARACTER.test(text)) return undefined;
  const lines = contentLines(text);
  if (lines === undefined || lines.count === 0 || lines.indents[0] !== 0) return undefined;
  const reader = new BlockReader(text, lines);
  const root = reader.node(0, 0, 0);
  return root && reader.next === lines.count ? spotted(root.value, root.spot) : undefined;
}

/** Tabs, carriage returns, byte order marks, control and separator characters: left to the full parsers. */
const UNUSUAL_CHARACTER = /[\t\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;
const NOT_A_WORD = /^(?:null|true|false|__proto__)$/i;
const MAX_DEPTH = 32;
const MAX_INDENT = 200;
const SPACE = 32;
const DASH = 45;

/** Lines holding something other than spaces and comments, as offsets into the text (typed arrays: a large file has tens of thousands). */
interface Lines {
  count: number;
  starts: Int32Array;
  indents: Int32Array;
  ends: Int32Array;
}

interface Parsed {
  value: unknown;
  spot: Spot;
}

function contentLines(text: string): Lines | undefined {
  let capacity = 1024;
  let lines: Lines = { count: 0, starts: new Int32Array(capacity), indents: new Int32Array(capacity), ends: new Int32Array(capacity) };
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let at = start;
    while (at < end && text.charCodeAt(at) === SPACE) at += 1;
    if (at < end && text.charCodeAt(at) !== 35) {
      if (at - start > MAX_INDENT) return undefined;
      if (lines.count === capacity) lines = grown(lines, (capacity *= 2));
      lines.starts[lines.count] = start;
      lines.indents[lines.count] = at - start;
      lines.ends[lines.count] = end;
      lines.count += 1;
    }
    start = end + 1;
  }
  return lines;
}

function grown(lines: Lines, capacity: number): Lines {
  const copy = (from: Int32Array): Int32Array => {
    const to = new Int32Array(capacity);
    to.set(from);
    return to;
  };
  return { count: lines.count, starts: copy(lines.starts), indents: copy(lines.indents), ends: copy(lines.ends) };
}

class BlockReader {
  /** The first line not read yet. */
  next = 0;
  private readonly count: number;
  private readonly starts: Int32Array;
  private readonly indents: Int32Array;
  private readonly ends: Int32Array;

  constructor(
    private readonly text: string,
    lines: Lines,
  ) {
    ({ count: this.count, starts: this.starts, indents: this.indents, ends: this.ends } = lines);
  }

  /** The block node starting at column `col` of line `index`: a map or a list. */
  node(index: number, col: number, depth: number): Parsed | undefined {
    if (depth > MAX_DEPTH) return undefined;
    if (this.isDash(index, col)) return this.list(index, col, depth);
    if (this.keyEnd(index, col) !== -1) return this.map(index, col, depth);
    return undefined;
  }

  private map(index: number, col: number, depth: number): Parsed | undefined {
    const value: Record<string, unknown> = {};
    const children = new Map<string, Spot>();
    const at = this.starts[index]! + col;
    const spot: Spot = { at, flat: false, children };
    let i = index;
    while (i < this.count && (i === index || this.indents[i]! >= col)) {
      // Deeper, or a dash at the map's own column after a value: errors the full parsers word.
      const keyEnd = i === index || this.indents[i] === col ? this.keyEnd(i, col) : -1;
      if (keyEnd === -1) return undefined;
      const keyAt = this.starts[i]! + col;
      const key = this.text.slice(keyAt, keyEnd);
      if (NOT_A_WORD.test(key) || children.has(key)) return undefined;
      const child = this.value(i, keyEnd + 1, col, depth);
      if (!child) return undefined;
      child.spot.key = keyAt;
      value[key] = child.value;
      children.set(key, child.spot);
      i = this.next;
    }
    this.next = i;
    return { value, spot };
  }

  private list(index: number, col: number, depth: number): Parsed | undefined {
    const value: unknown[] = [];
    const children: Spot[] = [];
    const spot: Spot = { at: this.starts[index]! + col, flat: false, children };
    let i = index;
    while (i < this.count && (i === index || this.indents[i]! >= col)) {
      if (i !== index && this.indents[i]! > col) return undefined;
      // A compact list under a key ends where the map's next key starts.
      if (!this.isDash(i, col)) break;
      const start = this.starts[i]!;
      let item = start + col + 1;
      while (this.text.charCodeAt(item) === SPACE) item += 1;
      const itemCol = item - start;
      if (item >= this.ends[i]! || this.text.charCodeAt(item) === 35 || this.isDash(i, itemCol)) return undefined;
      const child = this.keyEnd(i, itemCol) !== -1 ? this.map(i, itemCol, depth + 1) : this.scalarAlone(i, item, col);
      if (!child) return undefined;
      value.push(child.value);
      children.push(child.spot);
      i = this.next;
    }
    if (i === index) return undefined;
    this.next = i;
    return { value, spot };
  }

  /** What follows a key's colon at offset `from` on line `index`, for a key of the map at column `col`. */
  private value(index: number, from: number, col: number, depth: number): Parsed | undefined {
    let at = from;
    while (this.text.charCodeAt(at) === SPACE) at += 1;
    if (at < this.ends[index]! && this.text.charCodeAt(at) !== 35) return this.scalarAlone(index, at, col);
    const following = index + 1;
    if (following < this.count && this.indents[following]! > col) return this.node(following, this.indents[following]!, depth + 1);
    if (following < this.count && this.indents[following] === col && this.isDash(following, col)) return this.list(following, col, depth + 1);
    this.next = following;
    return { value: null, spot: { at: -1, flat: true } };
  }

  /** A one-line scalar at offset `at`; the line after it must not continue it. */
  private scalarAlone(index: number, at: number, col: number): Parsed | undefined {
    if (index + 1 < this.count && this.indents[index + 1]! > col) return undefined;
    const parsed = scalar(this.text.slice(at, this.ends[index]));
    if (!parsed) return undefined;
    this.next = index + 1;
    return { value: parsed.value, spot: { at, flat: true } };
  }

  /** Where a plain-word key at column `col` of line `index` ends (at its colon, followed by a space or the line's end), or -1. */
  private keyEnd(index: number, col: number): number {
    const { text } = this;
    const end = this.ends[index]!;
    let at = this.starts[index]! + col;
    if (!isKeyStart(text.charCodeAt(at))) return -1;
    for (at += 1; at < end && isKeyPart(text.charCodeAt(at)); at += 1);
    if (text.charCodeAt(at) !== 58) return -1;
    return at + 1 === end || text.charCodeAt(at + 1) === SPACE ? at : -1;
  }

  private isDash(index: number, col: number): boolean {
    const at = this.starts[index]! + col;
    return this.text.charCodeAt(at) === DASH && (at + 1 === this.ends[index] || this.text.charCodeAt(at + 1) === SPACE);
  }
}

/** A-Z, a-z, _ */
function isKeyStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** A-Z, a-z, 0-9, _, . and - */
function isKeyPart(c: number): boolean {
  return isKeyStart(c) || (c >= 48 && c <= 57) || c === 46 || c === 45;
}

/** After a quoted scalar: nothing, or spaces and a comment. */
const AFTER_QUOTE = /^(?: +(?:#.*)?)?$/;
/** Characters a plain scalar may not start with, in block context. */
const INDICATOR = /^[[\]{},#&*!|>'"%@`?:]|^-(?: |$)/;

/** A value on one line, as YAML 1.2's core schema resolves it; undefined when the full parsers must judge it. */
function scalar(text: string): { value: unknown } | undefined {
  const first = text.charCodeAt(0);
  if (first === 34) {
    const close = text.indexOf('"', 1);
    if (close === -1 || text.lastIndexOf('\\', close) !== -1 || !AFTER_QUOTE.test(text.slice(close + 1))) return undefined;
    return { value: text.slice(1, close) };
  }
  if (first === 39) {
    let close = text.indexOf("'", 1);
    while (close !== -1 && text.charCodeAt(close + 1) === 39) close = text.indexOf("'", close + 2);
    if (close === -1 || !AFTER_QUOTE.test(text.slice(close + 1))) return undefined;
    return { value: text.slice(1, close).replaceAll("''", "'") };
  }
  if (INDICATOR.test(text)) return undefined;
  const comment = text.indexOf(' #');
  const plain = (comment === -1 ? text : text.slice(0, comment)).trimEnd();
  if (plain.includes(': ') || plain.endsWith(':')) return undefined;
  return resolvePlain(plain);
}

const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOLEAN = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INTEGER = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$|^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** Octal, hexadecimal, infinity and not-a-number: rare enough to leave to the full parsers. */
const OTHER_NUMBER = /^(?:0o|0x|[-+]?\.(?:inf|Inf|INF)$|\.(?:nan|NaN|NAN)$)/;

function resolvePlain(plain: string): { value: unknown } | undefined {
  if (NULL.test(plain)) return { value: null };
  if (BOOLEAN.test(plain)) return { value: plain.toLowerCase() === 'true' };
  if (INTEGER.test(plain)) return { value: Number.parseInt(plain, 10) };
  if (FLOAT.test(plain)) return { value: Number.parseFloat(plain) };
  if (OTHER_NUMBER.test(plain)) return undefined;
  return { value: plain };
}
