import type { TextStyle } from './font-set.js';
import type { Flow } from './flow.js';
import { ascent } from './text-block.js';
import { COLOURS, PAGE, SIZES } from './theme.js';
import { wrapText } from './wrap.js';

export interface TableColumn {
  header: string;
  /** In points. */
  width: number;
  style?: TextStyle;
  align?: 'left' | 'right';
}

const PAD_X = 4;
const PAD_Y = 3.5;

interface Layout {
  columns: TableColumn[];
  x: number;
  size: number;
  line: number;
}

function drawHeader(flow: Flow, layout: Layout): void {
  const height = layout.line + 2 * PAD_Y;
  const width = layout.columns.reduce((sum, column) => sum + column.width, 0);
  const top = flow.y;
  flow.page.drawRectangle({ x: layout.x, y: top - height, width, height, color: COLOURS.fill });
  let x = layout.x;
  for (const column of layout.columns) {
    const textWidth = flow.fonts.width(column.header, 'bold', layout.size);
    const left = column.align === 'right' ? x + column.width - PAD_X - textWidth : x + PAD_X;
    flow.fonts.draw(flow.page, column.header, { x: left, y: top - PAD_Y - ascent(layout.size), size: layout.size, style: 'bold', color: COLOURS.muted });
    x += column.width;
  }
  flow.page.drawLine({ start: { x: layout.x, y: top - height }, end: { x: layout.x + width, y: top - height }, thickness: 0.8, color: COLOURS.rule });
  flow.y -= height;
}

/** Draws lines [from, to) of a row's wrapped cells as one band at the flow's position. */
function drawBand(flow: Flow, layout: Layout, cells: string[][], from: number, to: number, shaded: boolean): void {
  const height = (to - from) * layout.line + 2 * PAD_Y;
  const width = layout.columns.reduce((sum, column) => sum + column.width, 0);
  const top = flow.y;
  if (shaded) flow.page.drawRectangle({ x: layout.x, y: top - height, width, height, color: COLOURS.zebra });
  let x = layout.x;
  layout.columns.forEach((column, index) => {
    const style = column.style ?? 'regular';
    (cells[index] ?? []).slice(from, to).forEach((text, line) => {
      const left = column.align === 'right' ? x + column.width - PAD_X - flow.fonts.width(text, style, layout.size) : x + PAD_X;
      const y = top - PAD_Y - ascent(layout.size) - line * layout.line;
      flow.fonts.draw(flow.page, text, { x: left, y, size: layout.size, style, color: COLOURS.text });
    });
    x += column.width;
  });
  flow.page.drawLine({ start: { x: layout.x, y: top - height }, end: { x: layout.x + width, y: top - height }, thickness: 0.4, color: COLOURS.rule });
  flow.y -= height;
}

/**
 * A table whose cells wrap. Rows move whole to the next page when they can, and are split
 * between pages only when taller than a page; the header is repeated on every page.
 */
export function table(flow: Flow, columns: TableColumn[], rows: string[][], options: { size?: number; x?: number } = {}): void {
  const size = options.size ?? SIZES.table;
  const layout: Layout = { columns, x: options.x ?? PAGE.margin, size, line: size * 1.3 };
  const headerHeight = layout.line + 2 * PAD_Y;
  const lineCapacity = (): number => Math.floor((flow.y - flow.bottom - 2 * PAD_Y) / layout.line);
  const restart = (): void => {
    flow.newPage(true);
    drawHeader(flow, layout);
  };
  flow.ensure(headerHeight + layout.line + 2 * PAD_Y);
  drawHeader(flow, layout);
  rows.forEach((row, rowIndex) => {
    const cells = columns.map((column, index) =>
      wrapText(row[index] ?? '', column.width - 2 * PAD_X, { fonts: flow.fonts, style: column.style ?? 'regular', size }),
    );
    const total = Math.max(1, ...cells.map((lines) => lines.length));
    const wholeFitsOnAPage = total * layout.line + 2 * PAD_Y <= flow.pageSpace - 3 * headerHeight;
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
}
