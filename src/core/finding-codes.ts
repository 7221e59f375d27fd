import { CHECK_FINDING_CODES } from './check-finding-codes.js';
import { PACK_FINDING_CODES } from './pack-finding-codes.js';

export type Severity = 'error' | 'warning' | 'info';

/** Where a code is reported: a check of a folder, or a pack (by pack and verify). */
type CodeScope = 'check' | 'pack';

export interface CodeInfo {
  severity: Severity;
  scope: CodeScope;
  /** One line. */
  title: string;
  /** What the finding means: one paragraph, Markdown. */
  description: string;
  /** What to do about it: Markdown. */
  help: string;
}

/**
 * Every finding code, with its default severity, title, description and help. Codes are a public
 * contract: never rename one. This table feeds the messages' codes, the README's finding-code
 * sections, the SARIF rules and `svmc check --help`.
 */
export const FINDING_CODES = { ...CHECK_FINDING_CODES, ...PACK_FINDING_CODES } as const satisfies Record<string, CodeInfo>;

export type FindingCode = keyof typeof FINDING_CODES;

/** The codes a check of a folder reports. */
export type CheckCode = keyof typeof CHECK_FINDING_CODES;
