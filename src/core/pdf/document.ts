import { pdfLib } from './pdf-lib.js';
import { drawCover } from './cover.js';
import { drawPageFurniture, drawWatermark, setMetadata } from './finish.js';
import { Flow } from './flow.js';
import { loadFonts, nameSubsets } from './fonts.js';
import { drawSignoffs } from './signoff.js';
import { drawSpider } from './spider-chart.js';
import { drawStages } from './stages.js';
import { drawBlockers, drawFormDetails } from './form-pages.js';
import { formModel } from '../form/model.js';
import { finding, type Finding } from '../findings.js';
import type { SummaryInput, SummaryRenderResult } from './types.js';

const { PDFDocument } = pdfLib;

function warningsOf(missing: Map<string, string>): Finding[] {
  if (missing.size === 0) return [];
  const shown = [...missing.keys()].map((char) => `${char} (U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`);
  const message = `no embedded font can draw ${shown.join(', ')}; the summary shows a box in their place`;
  return [finding('GLYPH_MISSING', message, { location: { file: 'summary.pdf' } })];
}

export async function buildSummary(input: SummaryInput): Promise<SummaryRenderResult> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await loadFonts(doc, JSON.stringify(input));
  const flow = new Flow(doc, fonts);
  const model = formModel(input);
  drawBlockers(flow, model);
  drawCover(flow, input);
  drawFormDetails(flow, model);
  drawSignoffs(flow, input);
  drawSpider(flow, input);
  drawStages(flow, input, model);
  drawPageFurniture(flow, input);
  if (input.draft) drawWatermark(flow);
  flow.tags.write(doc, flow.pages);
  setMetadata(doc, input);
  await nameSubsets(fonts);
  const bytes = await doc.save({ useObjectStreams: true });
  return { bytes, warnings: warningsOf(fonts.missing), pages: flow.pages.length };
}
