import { PDFDocument } from 'pdf-lib';
import { drawCover } from './cover.js';
import { drawPageFurniture, drawWatermark, setMetadata } from './finish.js';
import { Flow } from './flow.js';
import { loadFonts, nameSubsets } from './fonts.js';
import { drawSignoffs } from './signoff.js';
import { drawSpider } from './spider-chart.js';
import { drawStages } from './stages.js';
import type { SummaryInput, SummaryRenderResult, SummaryWarning } from './types.js';

function warningsOf(missing: Map<string, string>): SummaryWarning[] {
  if (missing.size === 0) return [];
  const characters = [...missing.keys()];
  const shown = characters.map((char) => `${char} (U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`);
  return [
    {
      code: 'GLYPH_MISSING',
      message: `no embedded font can draw ${shown.join(', ')}; the summary shows a box in their place`,
      characters,
    },
  ];
}

export async function buildSummary(input: SummaryInput): Promise<SummaryRenderResult> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await loadFonts(doc, JSON.stringify(input));
  const flow = new Flow(doc, fonts);
  drawCover(flow, input);
  drawSignoffs(flow, input);
  drawSpider(flow, input);
  drawStages(flow, input);
  drawPageFurniture(flow, input);
  if (input.draft) drawWatermark(flow);
  setMetadata(doc, input);
  await nameSubsets(fonts);
  const bytes = await doc.save({ useObjectStreams: true });
  return { bytes, warnings: warningsOf(fonts.missing), pages: flow.pages.length };
}
