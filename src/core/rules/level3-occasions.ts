import { finding } from '../findings.js';
import { distinctValues, spreadApplies } from './level3-spread.js';
import type { Rule } from './types.js';

/** LEVEL3_SINGLE_OCCASION: level-3 evidence must come from more than one occasion. */
export const level3Occasions: Rule = (context) => {
  if (!spreadApplies(context)) return [];
  const dates = distinctValues(context, 'date');
  if (dates.length >= 2) return [];
  const found = dates.length === 0 ? 'has no dates' : `comes from one occasion only (${dates[0]})`;
  const message = `Level-3 evidence ${found}: it must show decisions made on more than one occasion; set "date:" on each evidence item and add evidence from another occasion.`;
  return [finding('LEVEL3_SINGLE_OCCASION', message, { location: context.locate(['evidence'], { preferKey: true }) })];
};
