import { FINDING_CODES, type FindingCode, type Severity } from './finding-codes.js';

export { FINDING_CODES, type FindingCode, type Severity };

export interface FindingLocation {
  /** Path relative to the application folder, with `/`. */
  file: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  col?: number;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
  criterion?: string;
  location?: FindingLocation;
}

export const SIGNOFF_CODES: readonly FindingCode[] = ['SIGNOFF_MISSING', 'SIGNOFF_STALE', 'SIGNOFF_INVALID'];

export function finding(
  code: FindingCode,
  message: string,
  extra: { criterion?: string; location?: FindingLocation; severity?: Severity } = {},
): Finding {
  const { severity = FINDING_CODES[code].severity, ...rest } = extra;
  return { code, severity, message, ...rest };
}

/** A finding about one file: of a bag, by its path in the bag; of a container, in brackets (`(zip)`). */
export function findingAt(code: FindingCode, file: string, message: string, severity?: Severity): Finding {
  return finding(code, message, { location: { file }, ...(severity ? { severity } : {}) });
}
