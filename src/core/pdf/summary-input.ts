import type { ApplicationData } from '../application/types.js';
import { loadAssessment } from '../assess/load.js';
import type { ApplicationResult } from '../check/types.js';
import type { FeeQuote } from '../fee/types.js';
import type { ManifestEntry } from '../manifest/build-manifest.js';
import type { SignoffSummary, SummaryInput } from './types.js';

export interface PackSummaryContext {
  dir: string;
  data: ApplicationData;
  result: ApplicationResult;
  fee?: FeeQuote;
  signoffs: SignoffSummary[];
  entries: ManifestEntry[];
  packId: string;
  date: Date;
  draft: boolean;
}

/** What the PDF shows, gathered from what `pack` already knows plus the self-assessment when there is one. */
export async function buildSummaryInput(context: PackSummaryContext): Promise<SummaryInput> {
  const { dir, entries, ...rest } = context;
  const assessment = await loadAssessment(dir);
  const hashes = Object.fromEntries(entries.map((entry) => [entry.path, entry.sha256]));
  return { ...rest, hashes, ...(assessment ? { assessment } : {}) };
}
