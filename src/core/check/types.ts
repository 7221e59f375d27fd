import type { Criterion } from '../catalogue/types.js';
import type { Level } from '../domain.js';
import type { Finding } from '../findings.js';

export interface CriterionState {
  criterion: Criterion;
  /** How many evidence items svmc.yaml maps to it. */
  evidenceCount: number;
  /** Has evidence and no error finding names it. */
  met: boolean;
}

export interface ApplicationResult {
  /** The folder as the user named it. */
  dir: string;
  level?: Level;
  renewal?: boolean;
  organisation?: string;
  catalogue?: { id: string; version: string };
  findings: Finding[];
  /** Every criterion of the level, in catalogue order. */
  criteria: CriterionState[];
  summary: { errors: number; warnings: number; criteria: { required: number; met: number } };
}

export interface CheckResult {
  applications: ApplicationResult[];
}
