import { AWARD_VALIDITY_YEARS } from '../domain.js';
import { finding } from '../findings.js';
import { citedAwards, neededAward, parseDay } from './prior-awards.js';
import type { Rule } from './types.js';

/** PRIOR_AWARD_EXPIRED: the newest cited award of the needed level is more than two years old at `now`. */
export const priorAwardExpired: Rule = (context) => {
  const needed = neededAward(context);
  const dated = citedAwards(context)
    .filter((a) => a.level === needed)
    .map((a) => ({ ...a, day: parseDay(a.awarded) }))
    .filter((a): a is typeof a & { day: Date } => a.day !== undefined)
    .sort((a, b) => b.day.getTime() - a.day.getTime());
  const newest = dated[0];
  if (!newest) return [];
  const expiry = new Date(newest.day);
  expiry.setUTCFullYear(expiry.getUTCFullYear() + AWARD_VALIDITY_YEARS);
  if (expiry.getTime() >= context.now.getTime()) return [];
  const on = expiry.toISOString().slice(0, 10);
  const message = `The level-${needed} award of ${String(newest.awarded)} expired on ${on} (an award is valid for ${AWARD_VALIDITY_YEARS} years): check the date, or ask the Assurance Manager whether you must apply for level ${needed} again.`;
  return [
    finding('PRIOR_AWARD_EXPIRED', message, {
      location: context.locate(['application', 'previousAwards', newest.index, 'awarded']),
    }),
  ];
};
