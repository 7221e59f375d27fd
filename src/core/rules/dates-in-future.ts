import { parseDay } from '../application/dates.js';
import { field } from '../application/evidence-refs.js';
import { finding, type Finding } from '../findings.js';
import type { Rule, RuleContext } from './types.js';

/** The last time zone on earth to reach a day is this far ahead of UTC: a date is "after today" only once it is so everywhere. */
const EARLIEST_ZONE_MS = 14 * 60 * 60 * 1000;

interface Dated {
  path: (string | number)[];
  day: Date;
  what: string;
}

function dated(context: RuleContext): Dated[] {
  const found: Dated[] = [];
  const call = parseDay(field(context.data, 'application', 'preparationCall'));
  if (call) found.push({ path: ['application', 'preparationCall'], day: call, what: 'The preparation call' });
  const awards = field(context.data, 'application', 'previousAwards');
  if (Array.isArray(awards)) {
    awards.forEach((award: unknown, index) => {
      const day = parseDay(field(award, 'awarded'));
      if (day) found.push({ path: ['application', 'previousAwards', index, 'awarded'], day, what: `The level-${String(field(award, 'level'))} award` });
    });
  }
  return found;
}

/** When a date stops being in the future: the moment its day has begun in the earliest time zone. */
const reached = (day: Date): number => day.getTime() - EARLIEST_ZONE_MS;

/** DATE_IN_FUTURE: an award not yet held, or a preparation call that has not happened, cannot count. */
export const datesInFuture: Rule = (context) => {
  const findings: Finding[] = [];
  for (const { path, day, what } of dated(context)) {
    if (context.clock.reached(reached(day))) continue;
    const on = day.toISOString().slice(0, 10);
    const message = `${what} is dated ${on}, after today: record it once it has taken place, or correct the date.`;
    findings.push(finding('DATE_IN_FUTURE', message, { location: context.locate(path) }));
  }
  return findings;
};
