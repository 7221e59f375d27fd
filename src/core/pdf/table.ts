import type { TextStyle } from './font-set.js';
import type { Flow } from './flow.js';
import { ascent } from './text-block.js';
import { COLOURS, PAGE, SIZES } from './theme.js';
import { fitSize, wrapText } from './wrap.js';

export interface TableColumn {
  header: string;
  /** In points. */
  width: number;
  style?: TextStyle;
  align?: 'left' | 'right';
  /** An identifier, path or hash: kept on one line, in smaller type if it must be. */
  whole?: boolean;
}

export interface TableOptions {
  size?: number;
  x?: number;
  /** Per row, a line in monospace across the whole table above its cells (an evidence file's path), part of its first cell. */
  lead?: (row: number) => string;
}

const PAD_X = 4;
const PAD_Y = 3.5;
/** Type is never shrunk below this to keep a path or id on one line; past it the text breaks. */
const MIN_SIZE = 4.5;

interface Layout {
  columns: TableColumn[];
  x: number;
  size: number;
  line: number;
  width: number;
}

/** One line of a cell: its text and the size it is drawn at. */
interface CellLine {
  text: string;
  size: number;
  /** Drawn across the whole table. */
  wide?: boolean;
}

/** Header cells wrap, so a narrow column can still name itself in full. */
function headerHeight(flow: Flow, layout: Layout): number {
  const lines = Math.max(1, ...layout.columns.map((column) => headerLines(flow, layout, column).length));
  return lines * layout.line + 2 * PAD_Y;
}

function headerLines(flow: Flow, layout: Layout, column: TableColumn): string[] {
  return wrapText(column.header, column.width - 2 * PAD_X, { fonts: flow.fonts, style: 'bold', size: layout.size });
}

function drawHeader(flow: Flow, layout: Layout): void {
  const height = headerHeight(flow, layout);
  const top = flow.y;
  flow.page.drawRectangle({ x: layout.x, y: top - height, width: layout.width, height, color: COLOURS.fill });
  flow.tags.struct('TR', () => {
    let x = layout.x;
    for (const column of layout.columns) {
      flow.tags.struct(
        'TH',
        () =>
          headerLines(flow, layout, column).forEach((text, line) => {
            const left = column.align === 'right' ? x + column.width - PAD_X - flow.fonts.width(text, 'bold', layout.size) : x + PAD_X;
            flow.fonts.draw(flow.page, text, { x: left, y: top - PAD_Y - ascent(layout.size) - line * layout.line, size: layout.size, style: 'bold', color: COLOURS.muted });
          }),
        { scope: 'Column' },
      );
      x += column.width;
    }
  });
  flow.page.drawLine({ start: { x: layout.x, y: top - height }, end: { x: layout.x + layout.width, y: top - height }, thickness: 0.8, color: COLOURS.rule });
  flow.y -= height;
}

/** Draws lines [from, to) of a row's cells as one band at the flow's position. */
function drawBand(flow: Flow, layout: Layout, cells: CellLine[][], from: number, to: number, shaded: boolean): void {
  const height = (to - from) * layout.line + 2 * PAD_Y;
  const top = flow.y;
  if (shaded) flow.page.drawRectangle({ x: layout.x, y: top - height, width: layout.width, height, color: COLOURS.zebra });
  flow.tags.struct('TR', () => {
    let x = layout.x;
    layout.columns.forEach((column, index) => {
      flow.tags.struct('TD', () => {
        (cells[index] ?? []).slice(from, to).forEach((cell, line) => {
          if (cell.text === '') return;
          const style = cell.wide ? 'mono' : (column.style ?? 'regular');
          const left = column.align === 'right' ? x + column.width - PAD_X - flow.fonts.width(cell.text, style, cell.size) : x + PAD_X;
          const y = top - PAD_Y - ascent(layout.size) - line * layout.line;
          flow.fonts.draw(flow.page, cell.text, { x: left, y, size: cell.size, style, color: cell.wide ? COLOURS.ink : COLOURS.text });
        });
      });
      x += column.width;
    });
  });
  flow.page.drawLine({ start: { x: layout.x, y: top - height }, end: { x: layout.x + layout.width, y: top - height }, thickness: 0.4, color: COLOURS.rule });
  flow.y -= height;
}

/** A cell's lines: wrapped, or for a whole-kept column on one line, shrunk to fit (and broken only below the smallest size). */
function cellLines(flow: Flow, text: string, width: number, style: TextStyle, size: number, whole: boolean): CellLine[] {
  if (whole && !/\s/.test(text.trim())) {
    const fitted = fitSize(text, width, { fonts: flow.fonts, style, size }, MIN_SIZE);
    if (fitted !== undefined) return [{ text, size: fitted }];
    return wrapText(text, width, { fonts: flow.fonts, style, size: MIN_SIZE }).map((line) => ({ text: line, size: MIN_SIZE }));
  }
  return wrapText(text, width, { fonts: flow.fonts, style, size }).map((line) => ({ text: line, size }));
}

/**
 * A table whose cells wrap, tagged as a table. Rows move whole to the next page when they can,
 * and are split between pages only when taller than a page; the header is repeated on every
 * page (as decoration: a screen reader hears it once).
 */
export function table(flow: Flow, columns: TableColumn[], rows: string[][], options: TableOptions = {}): void {
  const size = options.size ?? SIZES.table;
  const width = columns.reduce((sum, column) => sum + column.width, 0);
  const layout: Layout = { columns, x: options.x ?? PAGE.margin, size, line: size * 1.3, width };
  const header = headerHeight(flow, layout);
  const lineCapacity = (): number => Math.floor((flow.y - flow.bottom - 2 * PAD_Y) / layout.line);
  flow.tags.struct('Table', () => {
    const restart = (): void => {
      flow.newPage(true);
      flow.tags.artifact(() => drawHeader(flow, layout));
    };
    const cellsOf = (row: string[], rowIndex: number): CellLine[][] => {
      const cells = columns.map((column, index) => cellLines(flow, row[index] ?? '', column.width - 2 * PAD_X, column.style ?? 'regular', size, column.whole === true));
      const lead = options.lead?.(rowIndex);
      if (lead !== undefined) {
        const leadLines = cellLines(flow, lead, width - 2 * PAD_X, 'mono', size, true).map((line) => ({ ...line, wide: true }));
        cells.forEach((lines, index) => {
          lines.unshift(...(index === 0 ? leadLines : leadLines.map(() => ({ text: '', size }))));
        });
      }
      return cells;
    };
    // The header keeps its first row with it, when that row fits on a page at all.
    const firstLines = rows[0] ? Math.max(1, ...cellsOf(rows[0], 0).map((lines) => lines.length)) : 1;
    flow.ensure(Math.min(header + firstLines * layout.line + 2 * PAD_Y, flow.pageSpace / 2));
    drawHeader(flow, layout);
    rows.forEach((row, rowIndex) => {
      const cells = cellsOf(row, rowIndex);
      const total = Math.max(1, ...cells.map((lines) => lines.length));
      const wholeFitsOnAPage = total * layout.line + 2 * PAD_Y <= flow.pageSpace - 3 * header;
      let from = 0;
      let fresh = false;
      while (from < total) {
        const capacity = fresh ? Math.max(1, lineCapacity()) : lineCapacity();
        if (total - from <= capacity) {
          drawBand(flow, layout, cells, from, total, rowIndex % 2 === 1);
          break;
        }
        if (!fresh && ((from === 0 && wholeFitsOnAPage) || capacity < 2)) {
          restart();
          fresh = true;
          continue;
        }
        drawBand(flow, layout, cells, from, from + capacity, rowIndex % 2 === 1);
        from += capacity;
        restart();
        fresh = true;
      }
    });
  });
}
