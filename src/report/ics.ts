import { LEVEL_NAMES } from '../core/domain.js';
import { addDays, type AwardEvent } from '../core/portfolio/calendar-events.js';

/** Marks a calendar as svmc's own, so a later run may replace it (and nothing else). */
const PRODID = '-//svmc//award calendar//EN';

/**
 * An RFC 5545 calendar of all-day events. Reminders are events of their own, not VALARMs: calendar
 * clients drop alarms from files they import.
 */
export function renderCalendar(events: readonly AwardEvent[], now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN', 'X-WR-CALNAME:SVMC awards'];
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(event.day)}`,
      `DTEND;VALUE=DATE:${compact(addDays(event.day, 1))}`,
      `SUMMARY:${escapeText(summaryOf(event))}`,
      `DESCRIPTION:${escapeText(descriptionOf(event))}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

export function isSvmcCalendar(text: string): boolean {
  return text.startsWith('BEGIN:VCALENDAR\r\n') && text.includes(`\r\nPRODID:${PRODID}\r\n`);
}

const compact = (day: string): string => day.replaceAll('-', '');

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped. */
export function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** Content lines of at most 75 octets (§3.1), split between characters, never inside one. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    // Continuation lines start with a space, which counts.
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

const who = (event: AwardEvent): string => event.client.organisation ?? event.client.dir;

function summaryOf(event: AwardEvent): string {
  const award = `${who(event)}: level ${event.client.award.level} award expires`;
  return event.daysBefore === 0 ? award : `${award} in ${event.daysBefore} days`;
}

function descriptionOf(event: AwardEvent): string {
  const { award, dir } = event.client;
  const details = [award.reference, `awarded ${award.awarded}`].filter(Boolean).join(', ');
  const name = `The level ${award.level} (${LEVEL_NAMES[award.level]}) award of ${who(event)} (${details})`;
  const next = award.level === 3 ? 'the renewal of level 3' : `the level ${award.level + 1} application`;
  const lines =
    event.daysBefore === 0
      ? [
          `${name} expires today: an application citing it is no longer accepted (svmc check reports PRIOR_AWARD_EXPIRED).`,
          `If ${next} is not in yet, ask the Assurance Manager how to go on.`,
        ]
      : [
          `${name} expires on ${award.expires}, in ${event.daysBefore} days.`,
          `Submit ${next}, which cites this award, before then: "svmc status ${dir}" shows what is left to do.`,
        ];
  return [...lines, `Folder: ${dir}`].join('\n');
}
