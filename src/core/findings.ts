export type Severity = 'error' | 'warning' | 'info';

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

interface CodeInfo {
  severity: Severity;
  title: string;
}

/** Every code, its default severity and a one-line title. Codes are a public contract: never rename one. */
export const FINDING_CODES = {
  YAML_SYNTAX: { severity: 'error', title: 'svmc.yaml is not valid YAML' },
  SCHEMA_VIOLATION: { severity: 'error', title: 'svmc.yaml breaks the application schema' },
  CATALOGUE_INVALID: { severity: 'error', title: 'The criteria catalogue cannot be used' },
  UNKNOWN_CRITERION: { severity: 'error', title: 'Criterion not in the catalogue at this level, or under the wrong stage' },
  CRITERION_MISSING_EVIDENCE: { severity: 'error', title: 'A required criterion has no evidence' },
  EVIDENCE_FILE_MISSING: { severity: 'error', title: 'A mapped evidence file does not exist' },
  EVIDENCE_FILE_EMPTY: { severity: 'error', title: 'A mapped evidence file is empty' },
  EVIDENCE_FILE_UNREADABLE: { severity: 'error', title: 'A mapped evidence file cannot be read' },
  EVIDENCE_PATH_OUTSIDE: { severity: 'error', title: 'An evidence path leaves the application folder' },
  EVIDENCE_SECRET: { severity: 'error', title: 'An evidence file holds a private key or similar secret' },
  EVIDENCE_NAME_UNPORTABLE: { severity: 'error', title: "A file's name cannot travel to Windows or macOS intact" },
  EVIDENCE_UNMAPPED: { severity: 'warning', title: 'A file under evidence/ is mapped to nothing' },
  REPRESENTATIVE_MISSING: { severity: 'error', title: 'Lead or senior leader absent, or the same person' },
  PRIOR_AWARD_MISSING: { severity: 'error', title: "The previous level's award is not cited" },
  PRIOR_AWARD_EXPIRED: { severity: 'error', title: 'The previous award is more than two years old' },
  LEVEL3_SINGLE_AREA: { severity: 'error', title: 'Level-3 evidence comes from only one area' },
  LEVEL3_SINGLE_OCCASION: { severity: 'error', title: 'Level-3 evidence comes from only one occasion' },
  PREREQUISITE_MISSING: { severity: 'error', title: 'Membership, preparation call or signed T&C not recorded' },
  DATE_IN_FUTURE: { severity: 'error', title: 'An award or the preparation call is dated after today' },
  SIGNOFF_MISSING: { severity: 'error', title: 'A representative has not signed' },
  SIGNOFF_STALE: { severity: 'error', title: 'Evidence or the application changed after signing' },
  SIGNOFF_INVALID: { severity: 'error', title: 'A signature does not verify or uses an unregistered key' },
} as const satisfies Record<string, CodeInfo>;

export type FindingCode = keyof typeof FINDING_CODES;

export const SIGNOFF_CODES: readonly FindingCode[] = ['SIGNOFF_MISSING', 'SIGNOFF_STALE', 'SIGNOFF_INVALID'];

export function finding(
  code: FindingCode,
  message: string,
  extra: { criterion?: string; location?: FindingLocation; severity?: Severity } = {},
): Finding {
  const { severity = FINDING_CODES[code].severity, ...rest } = extra;
  return { code, severity, message, ...rest };
}

/** Link to a code's section of the README. */
export function docsUrl(code: FindingCode): string {
  return `https://www.npmjs.com/package/svmc#${code.toLowerCase()}`;
}
