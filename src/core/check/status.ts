import { STAGES, STAGE_TITLES, type Level, type Stage } from '../domain.js';
import { FINDING_CODES, type Finding, type FindingCode } from '../findings.js';
import type { ApplicationResult } from './types.js';

export interface StageStatus {
  stage: Stage;
  title: string;
  required: number;
  met: number;
  percent: number;
  criteria: { id: string; title: string; required: boolean; met: boolean; evidence: number }[];
}

export interface StatusResult {
  dir: string;
  level?: Level;
  organisation?: string;
  stages: StageStatus[];
  overall: { required: number; met: number; percent: number };
  errors: number;
  warnings: number;
  /** The first things to fix, most basic first. */
  next: Finding[];
}

const CODE_ORDER = Object.keys(FINDING_CODES) as FindingCode[];
// Nothing required means the criteria are unknown (svmc.yaml unreadable), never that all is done.
const percent = (met: number, of: number): number => (of === 0 ? 0 : Math.floor((met / of) * 100));

/** The progress matrix `svmc status` shows, from a check result. */
export function statusOf(result: ApplicationResult, nextCount = 5): StatusResult {
  const stages = STAGES.map((stage): StageStatus => {
    const states = result.criteria.filter((c) => c.criterion.stage === stage);
    const required = states.filter((s) => s.criterion.required);
    const met = required.filter((s) => s.met).length;
    return {
      stage,
      title: STAGE_TITLES[stage],
      required: required.length,
      met,
      percent: percent(met, required.length),
      criteria: states.map((s) => ({
        id: s.criterion.id,
        title: s.criterion.title,
        required: s.criterion.required,
        met: s.met,
        evidence: s.evidenceCount,
      })),
    };
  });
  const { required, met } = result.summary.criteria;
  const rank = (f: Finding): number => (f.severity === 'error' ? 0 : 1) * 100 + CODE_ORDER.indexOf(f.code);
  const next = result.findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .slice(0, nextCount)
    .map(({ f }) => f);
  return {
    dir: result.dir,
    ...(result.level !== undefined ? { level: result.level } : {}),
    ...(result.organisation !== undefined ? { organisation: result.organisation } : {}),
    stages,
    overall: { required, met, percent: percent(met, required) },
    errors: result.summary.errors,
    warnings: result.summary.warnings,
    next,
  };
}
