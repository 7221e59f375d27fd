import type { Color } from 'pdf-lib';
import type { TextStyle } from './font-set.js';
import type { Flow } from './flow.js';
import type { StructRole } from './tags.js';
import { COLOURS, CONTENT_WIDTH, LEADING, PAGE } from './theme.js';
import { wrapText } from './wrap.js';

export interface ParagraphOptions {
  size: number;
  style?: TextStyle;
  color?: Color;
  x?: number;
  width?: number;
  /** Space after the paragraph. */
  after?: number;
  /** Its structure element; default P. */
  role?: StructRole;
}

/** The distance from the top of a line box to its baseline. */
export const ascent = (size: number): number => size * 0.95;

/** Draws wrapped text at the flow's position, moving to new pages between lines as needed. */
export function paragraph(flow: Flow, text: string, options: ParagraphOptions): void {
  const style = options.style ?? 'regular';
  const x = options.x ?? PAGE.margin;
  const width = options.width ?? CONTENT_WIDTH - (x - PAGE.margin);
  const line = options.size * LEADING;
  flow.tags.struct(options.role ?? 'P', () => {
    for (const lineText of wrapText(text, width, { fonts: flow.fonts, style, size: options.size })) {
      flow.ensure(line);
      flow.fonts.draw(flow.page, lineText, {
        x,
        y: flow.y - ascent(options.size),
        size: options.size,
        style,
        color: options.color ?? COLOURS.text,
      });
      flow.y -= line;
    }
  });
  flow.y -= options.after ?? 0;
}

/** The height wrapped text takes. */
export function paragraphHeight(flow: Flow, text: string, width: number, size: number, style: TextStyle = 'regular'): number {
  return wrapText(text, width, { fonts: flow.fonts, style, size }).length * size * LEADING;
}
