import { spiderGeometry, spiderValue, SPIDER_RINGS, type Point, type SpiderAxis } from '../assess/spider.js';
import type { AssessmentResult, Principle } from '../assess/types.js';
import { sectionTitle } from './blocks.js';
import type { Flow } from './flow.js';
import { paragraph } from './text-block.js';
import { COLOURS, CONTENT_WIDTH, LEADING, PAGE, SIZES } from './theme.js';
import type { SummaryInput } from './types.js';
import { wrapText } from './wrap.js';

const HEIGHT = 285;
const RADIUS = 98;
const LABEL_WIDTH = 118;
const LABEL_SIZE = 7.5;

const path = (points: Point[]): string =>
  `${points.map((point, index) => `${index === 0 ? 'M' : 'L'} ${point.x} ${point.y}`).join(' ')} Z`;

/** Label lines placed as the SVG places them: anchored at (labelX, labelY), y-down in the chart box. */
function drawLabel(flow: Flow, origin: Point, axis: SpiderAxis, score: string): void {
  const measure = { fonts: flow.fonts, style: 'regular' as const, size: LABEL_SIZE };
  const lines = [...wrapText(axis.label, LABEL_WIDTH, measure), score];
  const line = LABEL_SIZE * LEADING;
  const blockHeight = lines.length * line;
  const top = axis.baseline === 'bottom' ? axis.labelY - blockHeight : axis.baseline === 'top' ? axis.labelY : axis.labelY - blockHeight / 2;
  lines.forEach((text, index) => {
    const style = index === lines.length - 1 ? 'bold' : 'regular';
    const width = flow.fonts.width(text, style, LABEL_SIZE);
    const x = axis.anchor === 'start' ? axis.labelX : axis.anchor === 'end' ? axis.labelX - width : axis.labelX - width / 2;
    const y = origin.y - (top + index * line + LABEL_SIZE * 0.9);
    flow.fonts.draw(flow.page, text, { x: origin.x + x, y, size: LABEL_SIZE, style, color: index === lines.length - 1 ? COLOURS.brandDark : COLOURS.ink });
  });
}

/**
 * The self-assessment spider chart: the geometry the SVG uses (y-down), drawn as vector paths;
 * pdf-lib's drawSvgPath takes y-down coordinates from its origin, so no point is converted.
 */
export function drawSpider(flow: Flow, input: SummaryInput): void {
  const assessment = input.assessment;
  if (!assessment) return;
  const { result, principles } = assessment;
  flow.ensure(HEIGHT + 80);
  sectionTitle(flow, 'Self-assessment', HEIGHT);
  const verdict = result.ready ? 'ready to apply' : 'not ready yet';
  paragraph(flow, `Answered ${result.date} · total ${result.total} of ${result.max} · ${verdict}. Scores against the seven Principles of Social Value.`, {
    size: SIZES.body,
    color: COLOURS.text,
    after: 4,
  });
  const origin = { x: PAGE.margin, y: flow.y };
  const centre = { x: CONTENT_WIDTH / 2, y: HEIGHT / 2 + 4 };
  const geometry = spiderGeometry(
    principles.map((principle) => ({ label: `${principle.number}. ${principle.title}`, value: spiderValue(result.scores[principle.id] ?? 0) })),
    { cx: centre.x, cy: centre.y, radius: RADIUS, rings: SPIDER_RINGS },
  );
  const alt = `Spider chart of the self-assessment: ${principles.map((principle) => `${principle.number}. ${principle.title} ${result.scores[principle.id] ?? 0}%`).join('; ')}.`;
  flow.tags.struct('Figure', () => drawChart(flow, origin, centre, geometry, principles, result), { alt });
  flow.y -= HEIGHT;
  paragraph(flow, 'Rings show answer levels 1 (not started) to 5 (embedded and reviewed).', { size: SIZES.small, color: COLOURS.muted, after: 10 });
}

function drawChart(
  flow: Flow,
  origin: { x: number; y: number },
  centre: { x: number; y: number },
  geometry: ReturnType<typeof spiderGeometry>,
  principles: Principle[],
  result: AssessmentResult,
): void {
  const { page } = flow;
  geometry.rings.forEach((ring, index) => {
    page.drawSvgPath(path(ring), { x: origin.x, y: origin.y, borderColor: COLOURS.rule, borderWidth: 0.7, color: index === SPIDER_RINGS - 1 ? COLOURS.zebra : undefined });
    const first = ring[0];
    if (first) flow.fonts.draw(page, String(index + 1), { x: origin.x + first.x + 3, y: origin.y - first.y - 7, size: 6, style: 'regular', color: COLOURS.muted });
  });
  for (const axis of geometry.axes) {
    page.drawSvgPath(`M ${centre.x} ${centre.y} L ${axis.x} ${axis.y}`, { x: origin.x, y: origin.y, borderColor: COLOURS.muted, borderWidth: 0.5 });
  }
  page.drawSvgPath(path(geometry.polygon), { x: origin.x, y: origin.y, color: COLOURS.brand, opacity: 0.28, borderColor: COLOURS.brand, borderWidth: 1.8, borderOpacity: 1 });
  for (const point of geometry.polygon) page.drawCircle({ x: origin.x + point.x, y: origin.y - point.y, size: 2.4, color: COLOURS.brand });
  geometry.axes.forEach((axis, index) => {
    const principle = principles[index];
    drawLabel(flow, origin, axis, `${principle ? (result.scores[principle.id] ?? 0) : 0}%`);
  });
}
