import { criteriaFor } from '../catalogue/criteria-for.js';
import type { Catalogue } from '../catalogue/types.js';
import { isLevel, isStage, type Level } from '../domain.js';
import { finding, type Finding, type FindingLocation } from '../findings.js';
import type { ErrorObject } from '../schema/ajv.js';
import type { Locate } from './locate.js';
import { nearest } from './suggest.js';

/** `evidence.<stage>.<criterion>` itself, not something inside it. */
export function isCriterionEntry(path: readonly (string | number)[]): boolean {
  return path.length === 3 && path[0] === 'evidence' && isStage(path[1]);
}

/** `evidence.<stage>.<criterion>.evidence`: the list of a criterion written with its statement. */
export function isCriterionList(path: readonly (string | number)[]): boolean {
  return path.length === 4 && isCriterionEntry(path.slice(0, 3)) && path[3] === 'evidence';
}

/** Errors of a catalogue stage schema: `required` is a criterion without evidence, `additionalProperties` an unknown one. */
export function classifyStageError(
  error: ErrorObject,
  path: (string | number)[],
  locate: Locate,
  data: Record<string, unknown>,
  catalogue?: Catalogue,
): Finding[] {
  if (error.keyword === 'required') {
    return [missingEvidence(String(error.params.missingProperty), locate(path, { preferKey: true }), catalogue)];
  }
  if (error.keyword === 'additionalProperties') {
    const id = String(error.params.additionalProperty);
    const level = (data.application as { level?: unknown } | undefined)?.level;
    const location = locate([...path, id], { preferKey: true });
    return [finding('UNKNOWN_CRITERION', unknownMessage(id, String(path[1]), isLevel(level) ? level : undefined, catalogue), { criterion: id, location })];
  }
  return [];
}

export function missingEvidence(id: string, location: FindingLocation, catalogue?: Catalogue): Finding {
  const title = catalogue?.criteria.find((c) => c.id === id)?.title;
  const about = title ? ` (${title})` : '';
  return finding('CRITERION_MISSING_EVIDENCE', `${id}${about} has no evidence: map a file to it with "svmc map ${id} FILE".`, {
    criterion: id,
    location,
  });
}

function unknownMessage(id: string, stage: string, level: Level | undefined, catalogue?: Catalogue): string {
  const all = catalogue?.criteria ?? [];
  const known = all.find((c) => c.id === id);
  if (known && known.level === level) return `${id} belongs under evidence.${known.stage}, not evidence.${stage}: move it there.`;
  if (known) {
    return `${id} is a level-${known.level} criterion, but this is a level-${level} application: use the level-${level} criteria ("svmc criteria --level ${level}").`;
  }
  const pool = catalogue && level !== undefined ? criteriaFor(catalogue, level) : all;
  const sameStage = pool.filter((c) => c.stage === stage).map((c) => c.id);
  const match = nearest(id, sameStage) ?? nearest(id, pool.map((c) => c.id));
  const suggestion = match ? ` Did you mean "${match}"?` : '';
  const listing = level === undefined ? '"svmc criteria"' : `"svmc criteria --level ${level}${isStage(stage) ? ` --stage ${stage}` : ''}"`;
  return `Unknown criterion "${id}" under evidence.${stage}.${suggestion} See the criteria with ${listing}.`;
}
