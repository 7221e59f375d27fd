import { finding } from '../findings.js';
import { distinctValues, spreadApplies } from './level3-spread.js';
import type { Rule } from './types.js';

/** LEVEL3_SINGLE_AREA: level-3 evidence must come from more than one area of the organisation. */
export const level3Areas: Rule = (context) => {
  if (!spreadApplies(context)) return [];
  const areas = distinctValues(context, 'area');
  if (areas.length >= 2) return [];
  const found = areas.length === 0 ? 'names no area' : `names only one area (${areas[0]})`;
  const message = `Level-3 evidence ${found}: it must show decision-making in more than one area of the organisation; set "area:" on each evidence item and add evidence from another area.`;
  return [finding('LEVEL3_SINGLE_AREA', message, { location: context.locate(['evidence'], { preferKey: true }) })];
};
