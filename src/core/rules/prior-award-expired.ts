import { AWARD_VALIDITY_YEARS } from '../domain.js';
import { finding } from '../findings.js';
import { awardExpiry, parseDay } from '../application/dates.js';
import { citedAwards, neededAward } from './prior-awards.js';
import type { Rule, RuleContext } from './types.js';

/** PRIOR_AWARD_EXPIRED: the newest cited award of the needed level is more than two years old at `now`. */
export const priorAwardExpired: Rule = (context) => {
  const newest = newestAward(context);
  // Valid through its expiry day's first instant, expired from the millisecond after.
  if (!newest || !context.clock.reached(newest.expiry.getTime() + 1)) return [];
  const { needed, award, expiry } = newest;
  const on = expiry.toISOString().slice(0, 10);
  const message = `The level-${needed} award of ${String(award.awarded)} expired on ${on} (an award is valid for ${AWARD_VALIDITY_YEARS} years): check the date, or ask the Assurance Manager whether you must apply for level ${needed} again.`;
  return [
    finding('PRIOR_AWARD_EXPIRED', message, {
      location: context.locate(['application', 'previousAwards', award.index, 'awarded']),
    }),
  ];
};

function newestAward(context: RuleContext) {
  const needed = neededAward(context);
  const dated = citedAwards(context)
    .filter((a) => a.level === needed)
    .map((a) => ({ ...a, day: parseDay(a.awarded) }))
    .filter((a): a is typeof a & { day: Date } => a.day !== undefined)
    .sort((a, b) => b.day.getTime() - a.day.getTime());
  const award = dated[0];
  if (!award || needed === undefined) return undefined;
  return { needed, award, expiry: awardExpiry(award.day) };
}
