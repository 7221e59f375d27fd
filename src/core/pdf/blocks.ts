import type { Color } from 'pdf-lib';
import type { Flow } from './flow.js';
import { ascent, paragraphHeight } from './text-block.js';
import { COLOURS, CONTENT_WIDTH, LEADING, PAGE, SIZES } from './theme.js';
import type { StructRole } from './tags.js';
import { fitSize, wrapText } from './wrap.js';

/** A section title with a short brand-coloured mark beside it; kept with `keep` points below it. */
export function sectionTitle(flow: Flow, title: string, keep = 60, role: StructRole = 'H2'): void {
  flow.ensure(SIZES.h2 * LEADING + 10 + keep);
  const y = flow.y - ascent(SIZES.h2);
  flow.page.drawRectangle({ x: PAGE.margin, y: y - 2, width: 3.5, height: SIZES.h2 + 1, color: COLOURS.brand });
  flow.tags.struct(role, () => flow.fonts.draw(flow.page, title, { x: PAGE.margin + 10, y, size: SIZES.h2, style: 'bold', color: COLOURS.ink }));
  flow.y -= SIZES.h2 * LEADING + 10;
}

export interface Field {
  label: string;
  value: string;
  /** An identifier: kept on one line, in smaller type if it must be. */
  whole?: boolean;
}

/** Label-over-value fields in a grid of `columns` columns. */
export function fieldGrid(flow: Flow, fields: Field[], columns = 3, valueSize = 10): void {
  const gap = 14;
  const width = (CONTENT_WIDTH - gap * (columns - 1)) / columns;
  for (let start = 0; start < fields.length; start += columns) {
    const row = fields.slice(start, start + columns);
    const height = Math.max(...row.map((field) => paragraphHeight(flow, field.value, width, valueSize))) + SIZES.small * LEADING + 10;
    flow.ensure(height);
    row.forEach((field, index) => {
      const x = PAGE.margin + index * (width + gap);
      flow.tags.struct('P', () => {
        flow.fonts.draw(flow.page, `${field.label.toUpperCase()} `, { x, y: flow.y - ascent(SIZES.small), size: SIZES.small, style: 'bold', color: COLOURS.muted });
        const measure = { fonts: flow.fonts, style: 'regular' as const, size: valueSize };
        const size = field.whole ? (fitSize(field.value, width, measure, 5) ?? valueSize) : valueSize;
        const lines = field.whole && size !== valueSize ? [field.value] : wrapText(field.value, width, measure);
        lines.forEach((line, lineIndex) => {
          const y = flow.y - SIZES.small * LEADING - 2 - ascent(valueSize) - lineIndex * valueSize * LEADING;
          flow.fonts.draw(flow.page, line, { x, y, size, style: 'regular', color: COLOURS.ink });
        });
      });
    });
    flow.y -= height;
  }
}

/** A rounded-looking status label; returns its width. Drawn with its right edge at `right`. */
export function badge(flow: Flow, text: string, right: number, top: number, colours: { fg: Color; bg: Color }, size = 7): number {
  const width = flow.fonts.width(text, 'bold', size) + 10;
  const height = size + 6;
  flow.page.drawRectangle({ x: right - width, y: top - height, width, height, color: colours.bg, borderColor: colours.fg, borderWidth: 0.6 });
  flow.fonts.draw(flow.page, text, { x: right - width + 5, y: top - height + 3.6, size, style: 'bold', color: colours.fg });
  return width;
}
