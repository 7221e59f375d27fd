/**
 * Geometry of the spider chart, shared by the SVG and the PDF so both draw the same picture.
 *
 * Coordinates are y-down, as in SVG: the first axis points straight up (smaller y) and the
 * others follow clockwise. A PDF page is y-up, so a PDF renderer maps every point with
 * `y' = pageHeight - y` (or draws the chart inside a flipped transform).
 */

export interface SpiderScore {
  label: string;
  /** 0..1 along the axis; values outside are clamped. */
  value: number;
}

export interface SpiderOptions {
  cx: number;
  cy: number;
  /** Length of each axis. */
  radius: number;
  /** Number of concentric rings, the outermost at `radius`. */
  rings: number;
  /** Distance of a label's anchor point beyond the axis end; default 12% of the radius. */
  labelOffset?: number;
}

export interface Point {
  x: number;
  y: number;
}

type TextAnchor = 'start' | 'middle' | 'end';

export interface SpiderAxis extends Point {
  label: string;
  /** Where the label is anchored, just beyond the axis end. */
  labelX: number;
  labelY: number;
  /** How text aligns at (labelX, labelY): labels on the right start there, on the left end there. */
  anchor: TextAnchor;
  /** Where the label sits vertically relative to its anchor point. */
  baseline: 'top' | 'middle' | 'bottom';
}

export interface SpiderGeometry {
  /** One per score, in order: (x, y) is the axis end on the outermost ring. */
  axes: SpiderAxis[];
  /** rings[i] is the polygon of ring i + 1 (innermost first), one point per axis. */
  rings: Point[][];
  /** The scores' polygon, one point per axis. */
  polygon: Point[];
}

/** Rounded to 2 decimals so the SVG (and tests) stay stable across platforms. */
function round(value: number): number {
  return Math.round(value * 100) / 100 || 0;
}

function clamp(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

function anchorFor(dx: number): TextAnchor {
  if (Math.abs(dx) < 1e-6) return 'middle';
  return dx > 0 ? 'start' : 'end';
}

function baselineFor(dy: number): SpiderAxis['baseline'] {
  if (Math.abs(dy) < 0.3) return 'middle';
  return dy < 0 ? 'bottom' : 'top';
}

export function spiderGeometry(scores: readonly SpiderScore[], options: SpiderOptions): SpiderGeometry {
  const { cx, cy, radius } = options;
  const ringCount = Math.max(1, Math.floor(options.rings));
  const labelOffset = options.labelOffset ?? radius * 0.12;
  const count = scores.length;
  const directions = scores.map((_, index) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * index) / Math.max(1, count);
    const dx = Math.cos(angle);
    const dy = Math.sin(angle);
    return { dx: Math.abs(dx) < 1e-9 ? 0 : dx, dy: Math.abs(dy) < 1e-9 ? 0 : dy };
  });
  const at = (index: number, distance: number): Point => {
    const direction = directions[index] ?? { dx: 0, dy: 0 };
    return { x: round(cx + direction.dx * distance), y: round(cy + direction.dy * distance) };
  };

  const axes = scores.map((score, index): SpiderAxis => {
    const direction = directions[index] ?? { dx: 0, dy: 0 };
    const end = at(index, radius);
    const label = at(index, radius + labelOffset);
    return {
      label: score.label,
      x: end.x,
      y: end.y,
      labelX: label.x,
      labelY: label.y,
      anchor: anchorFor(direction.dx),
      baseline: baselineFor(direction.dy),
    };
  });
  const rings = Array.from({ length: ringCount }, (_, ring) =>
    scores.map((_, index) => at(index, (radius * (ring + 1)) / ringCount)),
  );
  const polygon = scores.map((score, index) => at(index, radius * clamp(score.value)));
  return { axes, rings, polygon };
}

/**
 * What the chart plots for each principle: its average answer level over 5, so ring n is level n
 * and an all-level-1 answer still shows as a small shape. `percent` is the principle's score, where
 * 0% is all answers at level 1 and 100% all at level 5.
 */
export function spiderValue(percent: number): number {
  return (1 + (4 * Math.min(100, Math.max(0, percent))) / 100) / 5;
}

/** Levels drawn as rings: ring n (1 = innermost) is answer level n. */
export const SPIDER_RINGS = 5;
