import type { ApplicationData } from '../application/types.js';
import type { AssessmentResult, Principle } from '../assess/types.js';
import type { ApplicationResult } from '../check/types.js';
import type { Role } from '../domain.js';
import type { FeeQuote } from '../fee/types.js';
import type { Finding } from '../findings.js';

export interface SignoffSummary {
  role: Role;
  name: string;
  /** Job title from svmc.yaml, when given. */
  jobTitle?: string;
  /** Minisign key id, 16 hex digits, when signed. */
  keyId?: string;
  /** ISO time from the signature's trusted comment. */
  signedAt?: string;
  status: 'verified' | 'invalid' | 'stale' | 'missing' | 'draft';
}

/** Everything the PDF summary shows; built by `pack`, rendered by `renderSummary`. */
export interface SummaryInput {
  data: ApplicationData;
  /** The check result: criteria of the level with their evidence and state. */
  result: ApplicationResult;
  fee?: FeeQuote;
  signoffs: SignoffSummary[];
  /** Relative path → SHA-256 hex, from the evidence manifest. */
  hashes: Record<string, string>;
  packId: string;
  /** Pack date: also the PDF's creation and modification date. */
  date: Date;
  draft: boolean;
  assessment?: { result: AssessmentResult; principles: Principle[] };
}

export interface SummaryRenderResult {
  bytes: Uint8Array;
  /** GLYPH_MISSING: what the summary could not show exactly as written; the PDF is still produced. */
  warnings: Finding[];
  pages: number;
}
