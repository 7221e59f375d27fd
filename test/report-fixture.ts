import type { ApplicationResult, CheckResult, CriterionState } from '../src/core/check/types.js';
import type { Criterion } from '../src/core/catalogue/types.js';
import { STAGES, STAGE_CODES, type Level, type Stage } from '../src/core/domain.js';
import { finding, type Finding } from '../src/core/findings.js';

function criterion(level: Level, stage: Stage, n: number, title: string, required = true): Criterion {
  return {
    id: `L${level}.${STAGE_CODES[stage]}.${n}`,
    level,
    stage,
    title,
    description: `${title}.`,
    evidence: ['policy'],
    basis: ['Principle 1'],
    required,
  };
}

/** Two required criteria per stage and one optional one under Revise, all with evidence unless told. */
export function criteriaFor(level: Level, unmet: string[] = [], noEvidence: string[] = []): CriterionState[] {
  const list = STAGES.flatMap((stage) => [
    criterion(level, stage, 1, `${stage} – first criterion`),
    criterion(level, stage, 2, `${stage} & second <criterion>`),
  ]);
  list.push(criterion(level, 'revise', 3, 'Optional "extra" learning', false));
  return list.map((c) => {
    const evidenceCount = noEvidence.includes(c.id) ? 0 : 1;
    return { criterion: c, evidenceCount, met: evidenceCount > 0 && !unmet.includes(c.id) };
  });
}

export function application(dir: string, level: Level | undefined, findings: Finding[], criteria: CriterionState[]): ApplicationResult {
  const required = criteria.filter((c) => c.criterion.required);
  return {
    dir,
    ...(level === undefined ? {} : { level }),
    findings,
    criteria,
    summary: {
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      criteria: { required: required.length, met: required.filter((c) => c.met).length },
    },
  };
}

/** Odd file name: space, non-ASCII, per cent, comma, colon, newline. */
export const ODD_FILE = 'evidence/Café notes 100%, v2:final\nb.txt';

export function sampleResult(): CheckResult {
  const riverside = application(
    'clients/Riverside Trust',
    2,
    [
      finding('SIGNOFF_MISSING', 'The Social Value Senior Leader has not signed: run svmc sign --as senior.'),
      finding('EVIDENCE_FILE_MISSING', 'evidence/plan/Stakeholder map, 100% "final".pdf does not exist.', {
        criterion: 'L2.PL.1',
        location: { file: 'svmc.yaml', line: 14, col: 7 },
      }),
      finding('CRITERION_MISSING_EVIDENCE', 'L2.DO.2 needs evidence <of implementation> & a date.\nMap a file.', {
        criterion: 'L2.DO.2',
        location: { file: 'svmc.yaml', line: 30, col: 5 },
      }),
      finding('UNKNOWN_CRITERION', 'L2.PL.9 is not in the catalogue at level 2.', {
        criterion: 'L2.PL.9',
        location: { file: 'svmc.yaml', line: 16 },
      }),
      finding('EVIDENCE_UNMAPPED', 'This file is mapped to nothing\u0007: map it or remove it.', { location: { file: ODD_FILE } }),
      finding('EVIDENCE_UNMAPPED', 'Informational note.', { severity: 'info', location: { file: 'evidence/x.txt' } }),
    ],
    criteriaFor(2, ['L2.PL.1', 'L2.DO.2'], ['L2.DO.2', 'L2.RV.3']),
  );
  const broken = application(
    'Müller & Söhne <gGmbH>',
    undefined,
    [finding('YAML_SYNTAX', 'Duplicate key "applicant" at line 3.', { location: { file: 'svmc.yaml', line: 3, col: 1 } })],
    [],
  );
  const acme = application('clients/acme', 1, [], criteriaFor(1));
  return { applications: [riverside, broken, acme] };
}
