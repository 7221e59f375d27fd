import { STAGES, STAGE_TITLES, type Level, type Stage } from '../domain.js';
import { nextSteps, type NextStep } from './next-steps.js';
import type { ApplicationResult } from './types.js';

interface StageStatus {
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
  /** What to do, each kind of finding once, most basic first. */
  next: NextStep[];
}

// Nothing required means the criteria are unknown (svmc.yaml unreadable), never that all is done.
const percent = (met: number, of: number): number => (of === 0 ? 0 : Math.floor((met / of) * 100));

/** The progress matrix `svmc status` shows, from a check result. */
export function statusOf(result: ApplicationResult): StatusResult {
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
  return {
    dir: result.dir,
    ...(result.level !== undefined ? { level: result.level } : {}),
    ...(result.organisation !== undefined ? { organisation: result.organisation } : {}),
    stages,
    overall: { required, met, percent: percent(met, required) },
    errors: result.summary.errors,
    warnings: result.summary.warnings,
    next: nextSteps(result.findings, result.criteria.map((state) => state.criterion.id)),
  };
}
