import { field, text } from '../application/evidence-refs.js';
import { awardExpiry, isoDay, parseDay } from '../application/dates.js';
import { isLevel, type Level } from '../domain.js';

export interface AwardInHand {
  level: Level;
  /** YYYY-MM-DD, as svmc.yaml gives it. */
  awarded: string;
  reference?: string;
  /** YYYY-MM-DD: the first day the award no longer counts. */
  expires: string;
}

/**
 * The award the organisation holds now, from `application.previousAwards`: the highest level cited
 * with a real date, the newest of that level. Entries that break the schema are passed over.
 */
export function awardInHand(data: unknown): AwardInHand | undefined {
  const list = field(data, 'application', 'previousAwards');
  if (!Array.isArray(list)) return undefined;
  const dated = list.flatMap((entry: unknown) => {
    const level = field(entry, 'level');
    const day = parseDay(field(entry, 'awarded'));
    return isLevel(level) && day ? [{ level, day, reference: text(field(entry, 'reference')) }] : [];
  });
  const best = dated.sort((a, b) => b.level - a.level || b.day.getTime() - a.day.getTime())[0];
  if (!best) return undefined;
  return {
    level: best.level,
    awarded: isoDay(best.day),
    ...(best.reference === undefined ? {} : { reference: best.reference }),
    expires: isoDay(awardExpiry(best.day)),
  };
}
