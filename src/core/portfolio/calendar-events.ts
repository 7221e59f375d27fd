import { createHash } from 'node:crypto';
import { isoDay } from '../application/dates.js';
import type { Portfolio, PortfolioRow } from './portfolio.js';

/** Reminders before an award expires, in days. */
const REMINDER_DAYS = [90, 30, 7] as const;

export interface AwardEvent {
  /** The same folder and kind give the same id, so a calendar re-importing the file updates the event. */
  uid: string;
  /** YYYY-MM-DD, an all-day event. */
  day: string;
  /** 0 for the expiry itself. */
  daysBefore: number;
  client: PortfolioRow & { award: NonNullable<PortfolioRow['award']> };
}

/**
 * For each client with an award in hand: its expiry, and a reminder 90, 30 and 7 days before.
 * Reminders whose day has passed are left out; the expiry stays, even when it is past.
 */
export function awardEvents(portfolio: Portfolio): { events: AwardEvent[]; pastReminders: number } {
  const events: AwardEvent[] = [];
  let pastReminders = 0;
  for (const client of portfolio.clients) {
    if (!client.award) continue;
    const withAward = { ...client, award: client.award };
    const folder = createHash('sha256').update(client.root).digest('hex').slice(0, 24);
    events.push({ uid: `${folder}-expiry@svmc`, day: client.award.expires, daysBefore: 0, client: withAward });
    for (const days of REMINDER_DAYS) {
      const day = addDays(client.award.expires, -days);
      if (day < portfolio.today) {
        pastReminders++;
        continue;
      }
      events.push({ uid: `${folder}-reminder-${days}@svmc`, day, daysBefore: days, client: withAward });
    }
  }
  return { events: events.sort((a, b) => a.day.localeCompare(b.day) || a.uid.localeCompare(b.uid)), pastReminders };
}

export function addDays(day: string, days: number): string {
  return isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));
}
