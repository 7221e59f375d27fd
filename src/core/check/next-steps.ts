import type { CheckCode } from '../finding-codes.js';
import type { Finding, FindingCode, FindingLocation, Severity } from '../findings.js';

/** One thing to do, standing for every finding of one code and severity. */
export interface NextStep {
  code: FindingCode;
  severity: Severity;
  message: string;
  /** How many findings it stands for. */
  count: number;
  /** The criteria those findings name, each once, in catalogue order. */
  criteria?: string[];
  /** Where the first of them is. */
  location?: FindingLocation;
}

// Most basic first: an unreadable svmc.yaml hides everything else, and sign-offs only count once
// the evidence they sign is in place.
const STEP_ORDER = {
  FOLDER_NOT_CHECKED: -1,
  YAML_SYNTAX: 0,
  SCHEMA_VIOLATION: 1,
  CATALOGUE_INVALID: 2,
  PREREQUISITE_MISSING: 3,
  DATE_IN_FUTURE: 4,
  FEE_DISCOUNT_TOO_LARGE: 5,
  REPRESENTATIVE_MISSING: 6,
  PRIOR_AWARD_MISSING: 7,
  PRIOR_AWARD_EXPIRED: 8,
  UNKNOWN_CRITERION: 9,
  CRITERION_MISSING_EVIDENCE: 10,
  EVIDENCE_PATH_OUTSIDE: 11,
  EVIDENCE_FILE_MISSING: 12,
  EVIDENCE_FILE_EMPTY: 13,
  EVIDENCE_FILE_UNREADABLE: 14,
  EVIDENCE_NAME_UNPORTABLE: 15,
  EVIDENCE_SECRET: 16,
  LEVEL3_SINGLE_AREA: 17,
  LEVEL3_SINGLE_OCCASION: 18,
  EVIDENCE_UNMAPPED: 19,
  STATEMENT_MISSING: 20,
  SIGNOFF_MISSING: 21,
  SIGNOFF_STALE: 22,
  SIGNOFF_INVALID: 23,
} satisfies Record<CheckCode, number>;

/** Codes of packs come after every code of a check. */
const stepRank = (code: FindingCode): number => (STEP_ORDER as Partial<Record<FindingCode, number>>)[code] ?? Object.keys(STEP_ORDER).length;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const LISTED_CRITERIA = 6;

/**
 * Each error and warning kind once, errors first, each kind in the order it is best fixed.
 * `catalogueOrder` lists the criterion ids in the order a step should name them.
 */
export function nextSteps(findings: readonly Finding[], catalogueOrder: readonly string[] = []): NextStep[] {
  const position = new Map(catalogueOrder.map((id, index) => [id, index]));
  const rank = (id: string): number => position.get(id) ?? catalogueOrder.length;
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.severity === 'info') continue;
    // Findings on svmc.yaml that name no criterion are each their own action (record the network, the
    // number, the call…); the others of a kind are one action over many criteria or files.
    const own = f.criterion === undefined && f.location?.file === 'svmc.yaml';
    const key = `${f.severity} ${f.code}${own ? ` ${f.message}` : ''}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.values()]
    .map((group) => stepOf(group, rank))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || stepRank(a.code) - stepRank(b.code));
}

function stepOf(group: Finding[], rank: (id: string) => number): NextStep {
  const first = group[0]!;
  const named = new Set(group.flatMap((f) => (f.criterion === undefined ? [] : [f.criterion])));
  const criteria = [...named].sort((a, b) => rank(a) - rank(b));
  return {
    code: first.code,
    severity: first.severity,
    message: group.length === 1 ? first.message : groupMessage(first, group.length, criteria),
    count: group.length,
    ...(criteria.length > 0 ? { criteria } : {}),
    ...(first.location ? { location: first.location } : {}),
  };
}

function groupMessage(first: Finding, count: number, criteria: string[]): string {
  const listed = criteria.length <= LISTED_CRITERIA ? criteria : [...criteria.slice(0, LISTED_CRITERIA - 1), '…'];
  if (first.code === 'CRITERION_MISSING_EVIDENCE') return `Map evidence to the ${count} criteria that have none: ${listed.join(', ')} (svmc map CRITERION FILE).`;
  if (first.code === 'STATEMENT_MISSING') return `Say how each is met for the ${count} criteria with evidence but no statement: ${listed.join(', ')} (svmc statement CRITERION TEXT).`;
  return `${first.message} (and ${count - 1} more like it)`;
}
