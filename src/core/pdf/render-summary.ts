import type { SummaryInput, SummaryRenderResult } from './types.js';

/**
 * Renders the criteria-and-evidence summary (summary.pdf). The same input gives the same bytes.
 * Never throws for text it cannot draw: such characters show as a box and come back as warnings.
 * pdf-lib and fontkit are loaded here, on first use, so commands that make no PDF never load them.
 */
export async function renderSummaryWithWarnings(input: SummaryInput): Promise<SummaryRenderResult> {
  const { buildSummary } = await import('./document.js');
  return buildSummary(input);
}

/** The summary's bytes; see `renderSummaryWithWarnings` for the warnings. */
export async function renderSummary(input: SummaryInput): Promise<Uint8Array> {
  return (await renderSummaryWithWarnings(input)).bytes;
}
