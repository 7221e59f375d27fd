import type { ApplicationResult, CheckResult, CriterionState } from '../core/check/types.js';
import { LEVEL_NAMES, STAGE_CODES, STAGES, type Stage } from '../core/domain.js';
import type { Finding } from '../core/findings.js';

const STAGE_BY_CODE = new Map<string, Stage>(STAGES.map((stage) => [STAGE_CODES[stage], stage]));

/** The stage a finding belongs to: its criterion's, or read from the id's stage code. */
function stageOf(app: ApplicationResult, finding: Finding): Stage | undefined {
  if (finding.criterion === undefined) return undefined;
  const state = app.criteria.find((c) => c.criterion.id === finding.criterion);
  if (state) return state.criterion.stage;
  const code = /^L\d+\.([A-Z]{2})\.\d+$/.exec(finding.criterion)?.[1];
  return code === undefined ? undefined : STAGE_BY_CODE.get(code);
}

export interface StageGroup {
  /** undefined for findings tied to no stage (the application as a whole). */
  stage: Stage | undefined;
  findings: Finding[];
}

/** Findings grouped: application-wide first, then stages in cycle order; each in catalogue order. */
export function groupByStage(app: ApplicationResult): StageGroup[] {
  const order = new Map(app.criteria.map((c, index) => [c.criterion.id, index]));
  const rank = (f: Finding): number => (f.criterion === undefined ? -1 : (order.get(f.criterion) ?? order.size));
  const groups: StageGroup[] = [undefined, ...STAGES].map((stage) => ({ stage, findings: [] }));
  for (const f of app.findings) {
    const stage = stageOf(app, f);
    groups[stage === undefined ? 0 : STAGES.indexOf(stage) + 1]?.findings.push(f);
  }
  for (const group of groups) group.findings.sort((a, b) => rank(a) - rank(b));
  return groups.filter((group) => group.findings.length > 0);
}

/** Required criteria of a stage, and how many are met. */
export function stageProgress(criteria: CriterionState[], stage: Stage): { required: number; met: number } {
  const required = criteria.filter((c) => c.criterion.stage === stage && c.criterion.required);
  return { required: required.length, met: required.filter((c) => c.met).length };
}

/** The message, led by its criterion id unless it already names it. */
export function messageOf(finding: Finding): string {
  const { criterion, message } = finding;
  return criterion === undefined || message.includes(criterion) ? message : `${criterion}: ${message}`;
}


/** Errors or warnings over all applications. */
export function total(result: CheckResult, key: 'errors' | 'warnings'): number {
  return result.applications.reduce((count, app) => count + app.summary[key], 0);
}

/** ` · level 2 Implement (renewal)`, or nothing when the level is unknown. */
export function levelSuffix(app: ApplicationResult): string {
  if (app.level === undefined) return '';
  return ` · level ${app.level} ${LEVEL_NAMES[app.level]}${app.renewal ? ' (renewal)' : ''}`;
}
