import type { EvidenceRef } from '../application/evidence-refs.js';
import { criteriaFor } from '../catalogue/criteria-for.js';
import type { Catalogue } from '../catalogue/types.js';
import type { Level } from '../domain.js';
import type { Finding } from '../findings.js';
import type { ApplicationResult, CriterionState } from './types.js';

/** Every criterion of the level with its evidence; met when it has evidence and no error names it. */
export function criterionStates(catalogue: Catalogue | undefined, level: Level | undefined, refs: EvidenceRef[], findings: Finding[]): CriterionState[] {
  if (!catalogue || level === undefined) return [];
  const failing = new Set(findings.filter((f) => f.severity === 'error' && f.criterion).map((f) => f.criterion));
  return criteriaFor(catalogue, level).map((criterion) => {
    const evidenceCount = refs.filter((r) => r.criterion === criterion.id && r.stage === criterion.stage).length;
    return { criterion, evidenceCount, met: evidenceCount > 0 && !failing.has(criterion.id) };
  });
}

export function summarise(findings: Finding[], criteria: CriterionState[]): ApplicationResult['summary'] {
  const required = criteria.filter((c) => c.criterion.required);
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    criteria: { required: required.length, met: required.filter((c) => c.met).length },
  };
}

/** svmc.yaml first, in line order, then other files by name (the same order in every locale), then findings with no place. */
export function sortFindings(findings: Finding[]): Finding[] {
  const rank = (f: Finding): number => (!f.location ? 2 : f.location.file === 'svmc.yaml' ? 0 : 1);
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        rank(a.f) - rank(b.f) ||
        compareText(a.f.location?.file ?? '', b.f.location?.file ?? '') ||
        (a.f.location?.line ?? 0) - (b.f.location?.line ?? 0) ||
        (a.f.location?.col ?? 0) - (b.f.location?.col ?? 0) ||
        a.i - b.i,
    )
    .map(({ f }) => f);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
