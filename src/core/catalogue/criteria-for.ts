import type { Level, Stage } from '../domain.js';
import type { Catalogue, Criterion } from './types.js';

/** The criteria of a level (and stage), in catalogue order. */
export function criteriaFor(catalogue: Catalogue, level: Level, stage?: Stage): Criterion[] {
  return catalogue.criteria.filter((c) => c.level === level && (stage === undefined || c.stage === stage));
}
