import { finding } from '../findings.js';
import { citedAwards, neededAward } from './prior-awards.js';
import type { Rule } from './types.js';

/** PRIOR_AWARD_MISSING: level 2 cites the level-1 award, level 3 the level-2 award, a renewal the level-3 award. */
export const priorAwardMissing: Rule = (context) => {
  const needed = neededAward(context);
  if (needed === undefined || citedAwards(context).some((a) => a.level === needed)) return [];
  const what = context.renewal ? 'A renewal' : `A level-${context.level} application`;
  const message = `${what} must cite the level-${needed} award: add it under application.previousAwards (level: ${needed}, awarded: YYYY-MM-DD, reference: the award's reference).`;
  return [finding('PRIOR_AWARD_MISSING', message, { location: context.locate(['application', 'previousAwards'], { preferKey: true }) })];
};
