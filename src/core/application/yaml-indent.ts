import type { YAMLError } from 'yaml';

/** A line at the wrong column, and how to move it (with what it holds) to the right one. */
export interface Realigned {
  message: string;
  line: number;
  col: number;
  /** 0-based indexes of the lines found out of line. */
  rows: number[];
  repair(lines: string[]): void;
}

interface Shape {
  indent: number;
  /** Column (0-based) of a list item's "-". */
  dash?: number;
  /** Column (0-based) and name of the line's key. */
  key?: number;
  name?: string;
}

type Column = (shape: Shape) => number | undefined;

const MISALIGNED = ['BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'MISSING_CHAR'];

/** A line indented more or less than its siblings, or a list item not under its key. */
export function misaligned(error: YAMLError, lines: string[]): Realigned | undefined {
  if (!MISALIGNED.includes(error.code)) return undefined;
  if (!/same column|block sequence|Nested mappings|without - indicator/.test(error.message)) return undefined;
  const at = error.linePos?.[0] ?? { line: 1, col: 1 };
  const here = shapeOf(lines[at.line - 1]);
  // The parser often stops at the end of the line before the one out of line.
  const row = here && at.col <= here.indent + 1 ? at.line - 1 : nextContentRow(lines, at.line - 1);
  const shape = row === undefined ? undefined : shapeOf(lines[row]);
  if (row === undefined || !shape) return undefined;
  const above = previousContentRow(lines, row);
  // A line that seems indented too far may instead follow one that is not indented far enough.
  const leftOut = above !== undefined && shapeOf(lines[above])!.indent < shape.indent ? notUnder(lines, above) : undefined;
  return notUnder(lines, row) ?? leftOut ?? besideSiblings(lines, row, shape);
}

/** A line right below a key that opens a map or a list, but not indented under it. */
function notUnder(lines: string[], row: number): Realigned | undefined {
  const shape = shapeOf(lines[row])!;
  const above = previousContentRow(lines, row);
  const parent = above === undefined ? undefined : shapeOf(lines[above]);
  if (above === undefined || parent?.key === undefined || !opens(lines[above]!)) return undefined;
  // A list may stand at its key's column; nothing else may.
  if (parent.key < shape.indent || (parent.key === shape.indent && shape.dash !== undefined)) return undefined;
  const target = parent.key + 2;
  return realign(lines, row, target, `but it belongs under "${parent.name}" on line ${above + 1} (${spaces(parent.key)}): indent it by ${spaces(target)}`);
}

function besideSiblings(lines: string[], row: number, shape: Shape): Realigned | undefined {
  const x = shape.indent;
  const column: Column = (s) => (shape.dash !== undefined ? s.dash : s.key);
  let deeper: { row: number; col: number } | undefined;
  for (let r = row - 1; r >= 0; r--) {
    const s = shapeOf(lines[r]);
    if (!s) continue;
    const col = column(s);
    if (col === x) return undefined;
    if (col !== undefined && col > x && (!deeper || col < deeper.col)) deeper = { row: r, col };
    if (s.indent >= x) continue;
    // When only the first of a block's lines stands further right than the rest, it is the one out of line.
    if (deeper && deeper.row === nextContentRow(lines, r) && countAt(lines, row, x, column) > 1) {
      return realign(lines, deeper.row, x, `its siblings by ${x}: line it up with ${nameOf(lines, row, shape.dash === undefined)} on line ${row + 1}`);
    }
    // Siblings further right: the line was moved left; otherwise it left the line above it.
    const to = deeper ?? (col === undefined ? undefined : { row: r, col });
    return to && realign(lines, row, to.col, `its siblings by ${to.col}: line it up with ${nameOf(lines, to.row, shape.dash === undefined)} on line ${to.row + 1}`);
  }
  return undefined;
}

function nameOf(lines: string[], row: number, key: boolean): string {
  return key ? `"${shapeOf(lines[row])!.name}"` : 'the "-"';
}

/** How many lines of the block from `row` on stand at column `x`. */
function countAt(lines: string[], row: number, x: number, column: Column): number {
  let count = 0;
  for (let r = row; r < lines.length; r++) {
    const s = shapeOf(lines[r]);
    if (s && s.indent < x) break;
    if (s && column(s) === x) count++;
  }
  return count;
}

/**
 * The finding for a line at the wrong column, and the repair that moves it and what it holds;
 * siblings right below it at the same column are out of line the same way.
 */
function realign(lines: string[], row: number, target: number, why: string): Realigned {
  const shape = shapeOf(lines[row])!;
  const x = shape.indent;
  const shift = target - x;
  const item = shape.dash !== undefined;
  const rows = [row];
  const moved = [row];
  let inside = insideOf(lines[row]!, shape);
  let follow: boolean | undefined;
  for (let r = row + 1; r < lines.length; r++) {
    const s = shapeOf(lines[r]);
    if (!s) continue;
    if (s.indent >= inside) {
      // What a list item holds may already stand where it belongs once the "-" has moved.
      follow ??= !(item ? s.indent === inside + shift : s.indent > target);
      if (follow) moved.push(r);
    } else if (s.indent === x && (s.dash !== undefined) === item) {
      rows.push(r);
      moved.push(r);
      inside = insideOf(lines[r]!, s);
      follow = undefined;
    } else break;
  }
  return {
    line: row + 1,
    col: x + 1,
    message: `Line ${row + 1} is indented by ${spaces(x)}${alsoLines(rows.slice(1))}, ${why}`,
    rows,
    repair: (l) => {
      for (const r of moved) l[r] = shift > 0 ? `${' '.repeat(shift)}${l[r]}` : l[r]!.slice(-shift);
    },
  };
}

/** Where what a line holds starts: a list item's content, a key's nested lines, or nowhere. */
function insideOf(line: string, shape: Shape): number {
  if (shape.dash !== undefined) return shape.key ?? shape.indent + 2;
  return opens(line) ? shape.indent + 1 : Infinity;
}

/**
 * Replaces the tabs that indent `rows` with spaces, where the lines around suggest: at the column of
 * the tab line above indented the same way, else under a key that opens, else beside the line above.
 */
export function untab(lines: string[], rows: number[]): void {
  const unit = indentUnit(lines);
  const tabbed = new Set(rows);
  const chosen = new Map<string, number>();
  for (const row of rows) {
    const space = /^[ \t]*/.exec(lines[row]!)![0];
    const rest = lines[row]!.slice(space.length);
    const above = previousContentRow(lines, row);
    const shape = above === undefined ? undefined : shapeOf(lines[above]);
    let col = above !== undefined && tabbed.has(above) ? chosen.get(space) : undefined;
    if (col === undefined && shape) {
      if (opens(lines[above!]!)) col = shape.key! + unit;
      else col = rest.startsWith('- ') ? (lastDash(lines, row) ?? shape.indent) : (shape.key ?? shape.indent);
    }
    chosen.set(space, col ?? 0);
    lines[row] = `${' '.repeat(col ?? 0)}${rest}`;
  }
}

function lastDash(lines: string[], row: number): number | undefined {
  for (let r = row - 1; r >= 0; r--) {
    const dash = shapeOf(lines[r])?.dash;
    if (dash !== undefined) return dash;
  }
  return undefined;
}

/** How many spaces the file indents by. */
function indentUnit(lines: string[]): number {
  let unit = Infinity;
  for (const line of lines) {
    const indent = /^ *(?=[^\s#])/.exec(line)?.[0].length ?? 0;
    if (indent > 0 && indent < unit) unit = indent;
  }
  return Number.isFinite(unit) ? Math.min(unit, 8) : 2;
}

function shapeOf(line: string | undefined): Shape | undefined {
  if (line === undefined) return undefined;
  const indent = /^ */.exec(line)![0].length;
  const rest = line.slice(indent);
  if (/^(?:#|\s*$)/.test(rest)) return undefined;
  const dashes = /^(?:-(?: +|$))+/.exec(rest)?.[0] ?? '';
  const name = /^([^\s#'"{[\]},:?&*!|>%@`-][^#]*?|"[^"]*"|'[^']*'):(?:\s|$)/.exec(rest.slice(dashes.length))?.[1];
  return {
    indent,
    ...(dashes ? { dash: indent } : {}),
    ...(name === undefined ? {} : { key: indent + dashes.length, name }),
  };
}

/** A key with nothing after it: what follows, indented, is its value. */
function opens(line: string): boolean {
  return shapeOf(line)?.key !== undefined && /:\s*(?:#.*)?$/.test(line);
}

function nextContentRow(lines: string[], row: number): number | undefined {
  for (let r = row + 1; r < lines.length; r++) if (shapeOf(lines[r])) return r;
  return undefined;
}

function previousContentRow(lines: string[], row: number): number | undefined {
  for (let r = row - 1; r >= 0; r--) if (shapeOf(lines[r])) return r;
  return undefined;
}

/** " (so are lines 4, 5, 6)": the other lines (0-based rows) with the same mistake. */
export function alsoLines(rows: number[]): string {
  if (rows.length === 0) return '';
  const shown = rows.slice(0, 5).map((r) => r + 1).join(', ');
  const more = rows.length > 5 ? ` and ${rows.length - 5} more` : '';
  return ` (so ${rows.length === 1 ? 'is line' : 'are lines'} ${shown}${more})`;
}

function spaces(n: number): string {
  return `${n} ${n === 1 ? 'space' : 'spaces'}`;
}
