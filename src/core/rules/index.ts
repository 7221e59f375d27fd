import { applicationSecrets } from './application-secrets.js';
import { datesInFuture } from './dates-in-future.js';
import { evidenceFiles } from './evidence-files.js';
import { evidenceNames } from './evidence-names.js';
import { evidencePaths } from './evidence-paths.js';
import { evidenceSecrets } from './evidence-secrets.js';
import { evidenceUnmapped } from './evidence-unmapped.js';
import { feeDiscount } from './fee-discount.js';
import { level3Areas } from './level3-areas.js';
import { level3Occasions } from './level3-occasions.js';
import { prerequisites } from './prerequisites.js';
import { priorAwardExpired } from './prior-award-expired.js';
import { priorAwardMissing } from './prior-award-missing.js';
import { statementMissing } from './statement-missing.js';
import { representatives } from './representatives.js';
import type { Rule } from './types.js';

/** Every domain rule `check` runs after the schema, in report order. */
export const RULES: readonly Rule[] = [
  prerequisites,
  feeDiscount,
  representatives,
  priorAwardMissing,
  priorAwardExpired,
  datesInFuture,
  evidencePaths,
  evidenceFiles,
  evidenceNames,
  evidenceSecrets,
  applicationSecrets,
  evidenceUnmapped,
  level3Areas,
  level3Occasions,
  statementMissing,
];

export type { Rule, RuleContext } from './types.js';
