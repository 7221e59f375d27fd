import type { YAMLError } from 'yaml';
import { alsoLines, misaligned, untab } from './yaml-indent.js';

/** A common YAML mistake, told in the user's terms at the place to fix it. */
export interface YamlMistake {
  message: string;
  line: number;
  col: number;
}

interface Found extends YamlMistake {
  /** 0-based indexes of the lines `repair` rewrites: errors left there belong to this mistake. */
  rows: number[];
  repair(lines: string[]): void;
  /** Without a re-parse, errors up to here are taken to follow from this mistake. */
  through?: Position;
  /** Its errors are all on its line, so there is no need to parse again to know them. */
  local?: boolean;
}

interface Position {
  line: number;
  col: number;
}

/** Parsing costs about half a second per MiB: a large broken file is re-parsed only a few times. */
const REPARSE_BUDGET = 4 * 1024 * 1024;
/** More than a person reads at once; svmc.yaml findings stop at 20 anyway. */
const MAX_MISTAKES = 20;

/**
 * The parser's errors, with each common mistake (a colon in a value, a tab, no space after a colon,
 * an unclosed quote, a line out of line with its siblings) told once, in plain words. An error is
 * taken to follow from a mistake when it is gone once the mistake is repaired in a copy of the
 * text and parsed again (`parse`). Other errors are returned as they are.
 */
export function explainYamlErrors(
  text: string,
  errors: readonly YAMLError[],
  parse: (text: string) => readonly YAMLError[],
): (YamlMistake | YAMLError)[] {
  const result: (YamlMistake | YAMLError)[] = [];
  if (errors.length === 0) return result;
  const lines = text.split(/\r?\n/);
  const done = new Set<number>();
  let budget = REPARSE_BUDGET;
  let pending = sorted(errors);
  let floor: Position = { line: 0, col: 0 };
  let understood = true;
  for (let i = 0; i < pending.length && result.length < MAX_MISTAKES; i++) {
    const error = pending[i]!;
    const at = positionOf(error);
    if (done.has(at.line - 1) || !isAfter(at, floor)) continue;
    // After an error not understood, what the parser reads next may be nonsense: explaining it would mislead.
    const found = understood ? explain(error, lines, pending) : undefined;
    if (!found) {
      result.push(error);
      understood &&= error.code === 'DUPLICATE_KEY';
      continue;
    }
    result.push({ message: found.message, line: found.line, col: found.col });
    found.repair(lines);
    for (const row of found.rows) done.add(row);
    floor = found.through && isAfter(found.through, at) ? found.through : at;
    if (found.local || budget < text.length) continue;
    budget -= text.length;
    try {
      pending = sorted(parse(lines.join('\n')));
      i = -1;
    } catch {
      budget = 0;
    }
  }
  return result;
}

function explain(error: YAMLError, lines: string[], all: readonly YAMLError[]): Found | undefined {
  return unclosedQuote(error, lines, all) ?? tabIndent(error, lines) ?? colonInValue(error, lines) ?? noSpaceAfterColon(error, lines) ?? misalignedLine(error, lines);
}

function misalignedLine(error: YAMLError, lines: string[]): Found | undefined {
  const found = misaligned(error, lines);
  return found && { ...found, message: `${found.message} ${said(error)}` };
}

function unclosedQuote(error: YAMLError, lines: string[], all: readonly YAMLError[]): Found | undefined {
  const at = positionOf(error);
  for (const missing of all) {
    const quote = /^Missing closing (["'])quote/.exec(missing.message)?.[1];
    if (!quote) continue;
    const end = positionOf(missing);
    const open = openingQuote(lines, end.line, quote);
    if (!open || isAfter(open, at) || isAfter(at, end)) continue;
    const row = open.line - 1;
    const closed = `${lines[row]!.trimEnd()}${quote}`;
    return {
      ...open,
      message: `A quote is not closed: close the quote opened at line ${open.line}, column ${open.col}, as in ${closed.trim()} ${said(missing)}`,
      rows: [row],
      repair: (l) => void (l[row] = closed),
      through: end,
    };
  }
  return undefined;
}

/** The nearest line at or before `line` where a value opens `quote` and does not close it. */
function openingQuote(lines: string[], line: number, quote: string): Position | undefined {
  for (let row = Math.min(line, lines.length) - 1; row >= 0; row--) {
    const col = unclosedQuoteCol(lines[row]!, quote);
    if (col !== undefined) return { line: row + 1, col };
  }
  return undefined;
}

function unclosedQuoteCol(line: string, quote: string): number | undefined {
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return undefined;
    // A quote inside plain text (it's, 5") is just a character; only one that starts a value opens.
    if ((c !== '"' && c !== "'") || !/(?:^\s*|[:?-]\s+|[[{,]\s*)$/.test(line.slice(0, i))) continue;
    const end = closingQuote(line, i);
    if (end === undefined) return c === quote ? i + 1 : undefined;
    i = end;
  }
  return undefined;
}

function closingQuote(line: string, start: number): number | undefined {
  const quote = line[start];
  for (let i = start + 1; i < line.length; i++) {
    if (quote === '"' && line[i] === '\\') i++;
    else if (line[i] === quote && quote === "'" && line[i + 1] === "'") i++;
    else if (line[i] === quote) return i;
  }
  return undefined;
}

function tabIndent(error: YAMLError, lines: string[]): Found | undefined {
  if (error.code !== 'TAB_AS_INDENT') return undefined;
  const at = positionOf(error);
  // The parser names only some of the lines a tab indents, and more once those are repaired.
  const rows = [at.line - 1];
  for (let row = at.line; row < lines.length; row++) if (/^ *\t[ \t]*[^\s#]/.test(lines[row]!)) rows.push(row);
  return {
    ...at,
    message: `This line is indented with a tab${alsoLines(rows.slice(1))}: indent with spaces, not tabs ${said(error)}`,
    rows,
    repair: (l) => untab(l, rows),
  };
}

function colonInValue(error: YAMLError, lines: string[]): Found | undefined {
  if (error.code !== 'BLOCK_AS_IMPLICIT_KEY' && error.code !== 'BLOCK_IN_FLOW') return undefined;
  const at = positionOf(error);
  const row = at.line - 1;
  const line = lines[row] ?? '';
  const start = at.col - 1;
  const rest = line.slice(start);
  const value = (error.code === 'BLOCK_IN_FLOW' ? rest.split(/[,\]}]/)[0]! : rest.replace(/\s+#.*$/, '')).trimEnd();
  if (/^(?:[\s"'#]|-\s)/.test(value) || !/:(?:\s|$)/.test(value)) return undefined;
  const keyed = /([^\s{,[\]}:?#-][^{,[]*?)\s*:\s*$/.exec(line.slice(0, start));
  if (!keyed) return undefined;
  // "- Board minutes: March: 2" and "[Board: March: 2]" are text, not a key and its value: all of it goes in quotes.
  const whole = /\s/.test(keyed[1]!) || openBracket(line.slice(0, keyed.index)) === '[';
  const from = whole ? keyed.index : start;
  const text = line.slice(from, start + value.length);
  const fixed = /["\\]/.test(text) ? `'${text.replaceAll("'", "''")}'` : `"${text}"`;
  const key = whole ? undefined : keyed[1];
  const name = key?.replace(/^["']|["']$/g, '');
  return {
    line: at.line,
    col: from + 1,
    message: `${name === undefined ? 'This text' : `The ${name}`} has a colon in it that YAML takes for the start of another key: put ${name === undefined ? 'it' : `the ${name}`} in quotes: ${key === undefined ? '' : `${key}: `}${fixed} ${said(error)}`,
    rows: [row],
    repair: (l) => void (l[row] = `${line.slice(0, from)}${fixed}${line.slice(start + value.length)}`),
    local: true,
  };
}

/** The flow collection ("[" or "{") that is still open at the end of `text`. */
function openBracket(text: string): string | undefined {
  const open: string[] = [];
  for (const c of text) {
    if (c === '[' || c === '{') open.push(c);
    else if (c === ']' || c === '}') open.pop();
  }
  return open.at(-1);
}

function noSpaceAfterColon(error: YAMLError, lines: string[]): Found | undefined {
  if (error.code !== 'MULTILINE_IMPLICIT_KEY' && error.code !== 'MISSING_CHAR') return undefined;
  const at = positionOf(error);
  const row = at.line - 1;
  const line = lines[row] ?? '';
  const start = at.col - 1;
  const rest = line.slice(start).replace(/\s+#.*$/, '').trimEnd();
  const key = /^([A-Za-z][\w.-]*):[^\s:/]/.exec(rest)?.[1];
  if (key === undefined || /:(?:\s|$)/.test(rest)) return undefined;
  const colon = start + key.length;
  return {
    line: at.line,
    col: colon + 1,
    message: `YAML reads "${rest}" as one piece of text, not a key and its value: put a space after the colon: ${key}: ${rest.slice(key.length + 1)} ${said(error)}`,
    rows: [row],
    repair: (l) => void (l[row] = `${line.slice(0, colon + 1)} ${line.slice(colon + 1)}`),
    local: true,
  };
}

function positionOf(error: YAMLError): Position {
  return error.linePos?.[0] ?? { line: 1, col: 1 };
}

function isAfter(a: Position, b: Position): boolean {
  return a.line > b.line || (a.line === b.line && a.col > b.col);
}

function sorted(errors: readonly YAMLError[]): YAMLError[] {
  return [...errors].sort((a, b) => positionOf(a).line - positionOf(b).line || positionOf(a).col - positionOf(b).col);
}

/** The parser's own words, for whoever searches for them. */
function said(error: YAMLError): string {
  return `(${(error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')})`;
}
