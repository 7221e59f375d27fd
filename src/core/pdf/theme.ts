import { pdfLib } from './pdf-lib.js';

const { rgb } = pdfLib;

/** A4 portrait, in points. */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  margin: 48,
  top: 56,
  bottom: 64,
} as const;

export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

export const COLOURS = {
  ink: rgb(0.067, 0.094, 0.153),
  text: rgb(0.216, 0.255, 0.318),
  muted: rgb(0.42, 0.447, 0.502),
  rule: rgb(0.82, 0.835, 0.859),
  fill: rgb(0.953, 0.957, 0.965),
  zebra: rgb(0.976, 0.98, 0.984),
  brand: rgb(0.059, 0.463, 0.431),
  brandDark: rgb(0.043, 0.333, 0.314),
  brandLight: rgb(0.882, 0.949, 0.941),
  white: rgb(1, 1, 1),
  met: rgb(0.082, 0.502, 0.239),
  metLight: rgb(0.863, 0.988, 0.906),
  missing: rgb(0.725, 0.11, 0.11),
  missingLight: rgb(0.996, 0.886, 0.886),
  amber: rgb(0.706, 0.325, 0.035),
  amberLight: rgb(0.996, 0.953, 0.78),
  watermark: rgb(0.75, 0.1, 0.1),
} as const;

export const SIZES = {
  body: 9,
  small: 7.5,
  table: 7.5,
  h1: 20,
  h2: 14,
  h3: 10.5,
} as const;

/** Line height as a multiple of the font size. */
export const LEADING = 1.35;
