import { criterionEntries } from '../application/evidence-refs.js';
import { criteriaFor } from '../catalogue/criteria-for.js';
import { finding } from '../findings.js';
import type { Rule } from './types.js';

/** STATEMENT_MISSING: a required criterion with evidence should say how the organisation meets it. */
export const statementMissing: Rule = ({ data, refs, catalogue, level, locate }) => {
  if (!catalogue || level === undefined || refs.length === 0) return [];
  const statements = new Map(criterionEntries(data).map(({ stage, criterion, entry }) => [`${stage}/${criterion}`, entry.statement]));
  const mapped = new Set(refs.map((ref) => `${ref.stage}/${ref.criterion}`));
  return criteriaFor(catalogue, level)
    .filter((criterion) => criterion.required)
    .filter((criterion) => mapped.has(`${criterion.stage}/${criterion.id}`) && statements.get(`${criterion.stage}/${criterion.id}`) === undefined)
    .map((criterion) =>
      finding('STATEMENT_MISSING', `${criterion.id} (${criterion.title}) has evidence but no statement of how it is met: write one with "svmc statement ${criterion.id} TEXT".`, {
        criterion: criterion.id,
        location: locate(['evidence', criterion.stage, criterion.id], { preferKey: true }),
      }),
    );
};
