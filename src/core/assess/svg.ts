import { spiderGeometry, spiderValue, SPIDER_RINGS, type Point, type SpiderAxis } from './spider.js';
import type { AssessmentResult, Principle } from './types.js';

const WIDTH = 760;
const HEIGHT = 640;
const FONT = 15;
const LINE = 18;

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[char]};`);
}

/** Splits a label into lines of about `width` characters at spaces. */
function wrapLabel(text: string, width = 18): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

const points = (list: Point[]): string => list.map((point) => `${point.x},${point.y}`).join(' ');

function label(axis: SpiderAxis, lines: string[], score: string): string {
  const all = [...lines, score];
  const first =
    axis.baseline === 'bottom'
      ? axis.labelY - (all.length - 1) * LINE
      : axis.baseline === 'top'
        ? axis.labelY + FONT * 0.8
        : axis.labelY - ((all.length - 1) * LINE) / 2 + FONT * 0.35;
  const spans = all.map((line, index) => {
    const weight = index === all.length - 1 ? ' font-weight="bold"' : '';
    return `<tspan x="${axis.labelX}" y="${Math.round((first + index * LINE) * 100) / 100}"${weight}>${escapeXml(line)}</tspan>`;
  });
  return `  <text class="axis-label" text-anchor="${axis.anchor}">${spans.join('')}</text>`;
}

/** The spider chart as a standalone SVG: scales to any size through its viewBox. */
export function renderSpiderSvg(result: AssessmentResult, principles: readonly Principle[]): string {
  const geometry = spiderGeometry(
    principles.map((principle) => ({
      label: `${principle.number}. ${principle.title}`,
      value: spiderValue(result.scores[principle.id] ?? 0),
    })),
    { cx: WIDTH / 2, cy: HEIGHT / 2 + 30, radius: 190, rings: SPIDER_RINGS },
  );
  const centre = { x: WIDTH / 2, y: HEIGHT / 2 + 30 };
  const verdict = verdictPhrase(result);
  const title = 'Self-assessment against the Principles of Social Value';
  const subtitle = `${result.date} · total ${result.total} of ${result.max} · ${verdict}`;
  const rings = geometry.rings.map(
    (ring, index) =>
      `  <polygon class="ring" points="${points(ring)}"/>\n` +
      `  <text class="ring-label" x="${(ring[0]?.x ?? centre.x) + 4}" y="${(ring[0]?.y ?? centre.y) - 3}">${index + 1}</text>`,
  );
  const axes = geometry.axes.map((axis) => `  <line class="axis" x1="${centre.x}" y1="${centre.y}" x2="${axis.x}" y2="${axis.y}"/>`);
  const labels = geometry.axes.map((axis, index) => {
    const principle = principles[index];
    return label(axis, wrapLabel(axis.label), `${principle ? (result.scores[principle.id] ?? 0) : 0}%`);
  });
  const dots = geometry.polygon.map((point) => `  <circle class="dot" cx="${point.x}" cy="${point.y}" r="4"/>`);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="title desc" font-family="DejaVu Sans, Verdana, Arial, sans-serif">`,
    `  <title id="title">${escapeXml(title)}</title>`,
    `  <desc id="desc">${escapeXml(describe(result, principles))}</desc>`,
    `  <style>.ring{fill:none;stroke:#c8ccd2;stroke-width:1}.axis{stroke:#9aa1aa;stroke-width:1}` +
      `.ring-label{font-size:11px;fill:#6b7280}.axis-label{font-size:${FONT}px;fill:#1f2937}` +
      `.score{fill:#0f766e;fill-opacity:0.28;stroke:#0f766e;stroke-width:2.5;stroke-linejoin:round}.dot{fill:#0f766e}</style>`,
    `  <rect width="100%" height="100%" fill="#ffffff"/>`,
    `  <text x="${WIDTH / 2}" y="32" text-anchor="middle" font-size="21" font-weight="bold" fill="#111827">${escapeXml(title)}</text>`,
    `  <text x="${WIDTH / 2}" y="56" text-anchor="middle" font-size="14" fill="#374151">${escapeXml(subtitle)}</text>`,
    ...rings,
    ...axes,
    `  <polygon class="score" points="${points(geometry.polygon)}"/>`,
    ...dots,
    ...labels,
    `  <text x="${WIDTH / 2}" y="${HEIGHT - 12}" text-anchor="middle" font-size="12" fill="#6b7280">Rings show answer levels 1 (not started) to 5 (embedded and reviewed)</text>`,
    `</svg>`,
    '',
  ].join('\n');
}

function describe(result: AssessmentResult, principles: readonly Principle[]): string {
  const parts = principles.map((principle) => `${principle.title} ${result.scores[principle.id] ?? 0}%`);
  return `Spider chart of scores per principle: ${parts.join(', ')}.`;
}

function verdictPhrase({ ready, certificateLevel }: AssessmentResult): string {
  if (certificateLevel === undefined) return ready ? 'ready to apply' : 'not ready yet';
  return ready ? `ready for level ${certificateLevel}` : `not ready for level ${certificateLevel} yet`;
}
