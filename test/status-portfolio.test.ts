import { appendFileSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { shippedValidator } from '../src/core/schema/ajv.js';
import { ROOT, svmc, tempDir } from './helpers/cli.js';
import { signedApplication } from './pack-fixtures.js';

const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const midnight = (day: string): number => Date.parse(`${day}T00:00:00Z`);
/** Two years on, as a calendar counts them (29 February runs on to 1 March). */
const twoYearsOn = (day: string): string => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return iso(Date.UTC(y + 2, m - 1, d));
};
const twoYearsBefore = (day: string): string => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return iso(Date.UTC(y - 2, m - 1, d));
};

// A name with the characters iCalendar escapes, and enough non-ASCII to fold inside multi-byte text.
const DELTA = 'Délta Housing; Care, Support & Lærning — Ünïted Kïngdöm Cömmünïty Trüst';

interface Client {
  dir: string;
  organisation?: string;
  attention: string;
  errors: number;
  signoffs: { state: string; signed: number };
  award: { level: number; awarded: string; expires: string; daysLeft: number; expired: boolean } | null;
}
interface PortfolioJson {
  today: string;
  clients: Client[];
  notChecked: { dir: string; code: string; message: string }[];
}

let root: string;
let args: string[];
const awarded: Record<string, string> = {};

/** A copy of an example under `root/name`, its organisation renamed and its cited award dated `award`. */
function client(example: string, name: string, organisation: string, award?: { from: string; to: string }): void {
  const dir = join(root, name);
  cpSync(join(ROOT, 'examples', example), dir, { recursive: true });
  let text = readFileSync(join(dir, 'svmc.yaml'), 'utf8').replace('organisation: Riverside Community Trust', `organisation: "${organisation}"`);
  if (award) {
    text = text.replace(`awarded: ${award.from}`, `awarded: ${award.to}`);
    awarded[name] = award.to;
  }
  writeFileSync(join(dir, 'svmc.yaml'), text);
}

beforeAll(() => {
  root = tempDir('svmc-portfolio-');
  const today = iso(Date.now());
  client('level-3', 'ardent', 'Ardent Trust', { from: '2026-01-15', to: twoYearsBefore(iso(midnight(today) - 5 * DAY)) });
  client('level-2', 'birch', 'Birch Trust', { from: '2025-06-01', to: twoYearsBefore(iso(midnight(today) + 20 * DAY)) });
  client('level-3', 'delta', DELTA, { from: '2026-01-15', to: twoYearsBefore(iso(midnight(today) + 365 * DAY)) });
  const made = svmc(['init', join(root, 'cedar'), '--yes', '--org', 'Cedar Trust', '--level', '1', '--size', 'small']);
  if (made.code !== 0) throw new Error(made.stderr);
  writeFileSync(join(root, 'README.md'), '# Clients\n');
  const rename = (organisation: string) => (dir: string) => {
    const path = join(dir, 'svmc.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('organisation: Riverside Community Trust', `organisation: ${organisation}`));
  };
  const ready = signedApplication(rename('Elm Trust')).dir;
  const stale = signedApplication(rename('Fir Trust')).dir;
  appendFileSync(join(stale, 'evidence/plan/impact-management-plan.md'), '\nEdited after signing.\n');
  args = [ready, stale, join(root, 'README.md'), ...['ardent', 'birch', 'cedar', 'delta'].map((name) => join(root, name))];
});

const portfolio = (...extra: string[]): PortfolioJson => {
  const run = svmc(['status', ...args, '--format', 'json', ...extra]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as PortfolioJson;
};

describe('svmc status with several folders', () => {
  it('gives one JSON entry per application, what needs attention first, that fits its schema', () => {
    const report = portfolio();
    const validate = shippedValidator('portfolio.schema.json');
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.clients.map((c) => [c.organisation, c.attention, c.signoffs.state])).toEqual([
      ['Ardent Trust', 'award-expired', 'none'],
      ['Birch Trust', 'award-expiring', 'none'],
      ['Cedar Trust', 'errors', 'none'],
      [DELTA, 'signoffs', 'none'],
      ['Fir Trust', 'signoffs', 'stale'],
      ['Elm Trust', 'ready', 'signed'],
    ]);
    for (const c of report.clients.filter((row) => row.award)) {
      const name = c.dir.slice(root.length + 1);
      const expires = twoYearsOn(awarded[name]!);
      expect(c.award).toMatchObject({ awarded: awarded[name], expires, daysLeft: Math.round((midnight(expires) - midnight(report.today)) / DAY) });
    }
    expect(report.clients.map((c) => c.award?.daysLeft ?? null).slice(0, 4)).toEqual([expect.any(Number), expect.any(Number), null, expect.any(Number)]);
    expect(report.clients[0]?.award?.expired).toBe(true);
    expect(report.clients.find((c) => c.organisation === 'Elm Trust')).toMatchObject({ errors: 0, signoffs: { signed: 2 }, award: null });
    expect(report.notChecked).toEqual([{ dir: join(root, 'README.md'), code: 'FOLDER_NOT_CHECKED', message: expect.stringContaining('README.md is not a folder') }]);
  });

  it('prints a table in the same order, and names the stray file in a warning', () => {
    const run = svmc(['status', ...args]);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^6 applications on \d{4}-\d{2}-\d{2}, what needs attention first$/);
    expect(lines[2]).toMatch(/^organisation +level +criteria +errors +warnings +sign-offs +award +expires +days left +folder$/);
    const rows = lines.slice(3, 9);
    expect(rows.map((line) => line.split(/ {2,}/)[0])).toEqual(['Ardent Trust', 'Birch Trust', 'Cedar Trust', DELTA, 'Fir Trust', 'Elm Trust']);
    expect(rows[0]).toMatch(/ 3 Manage +12\/12 +\d+ +\d+ +none +level 2 +\d{4}-\d{2}-\d{2} +expired +\//);
    expect(rows[1]).toMatch(/ level 1 +\d{4}-\d{2}-\d{2} +(19|20|21) +\//);
    expect(rows[4]).toMatch(/ stale +none +\//);
    expect(rows[5]).toMatch(/ 0 +0 +signed +none +\//);
    expect(run.stdout).toContain(`warning: not checked: ${join(root, 'README.md')} is not a folder`);
    expect(run.stdout).toMatch(/Order: awards expired or expiring within 90 days/);
  });

  it('writes CSV that a CSV parser reads back as the same rows', () => {
    const run = svmc(['status', ...args, '--format', 'csv']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('\r\n');
    const records = parse(run.stdout, { columns: true }) as Record<string, string>[];
    const report = portfolio();
    expect(records.map((r) => r.organisation)).toEqual(report.clients.map((c) => c.organisation));
    expect(records[1]).toMatchObject({ level: '2', renewal: 'false', award_level: '1', awarded: awarded.birch, attention: 'award-expiring', signoffs: 'none', signed: '0' });
    expect(records[1]?.days_left).toBe(String(report.clients[1]?.award?.daysLeft));
    expect(records[2]).toMatchObject({ organisation: 'Cedar Trust', award_level: '', expires: '', days_left: '' });
    expect(run.stderr).toContain(`warning: not checked: ${join(root, 'README.md')} is not a folder`);
  });

  it('exits 2 when no argument is an application folder, naming each', () => {
    const run = svmc(['status', join(root, 'README.md'), join(root, 'missing')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('README.md is not a folder');
    expect(run.stderr).toContain(`folder ${join(root, 'missing')} does not exist`);
  });
});

describe('svmc status with one folder', () => {
  it('keeps its matrix, named once or twice, with or without a calendar', () => {
    const dir = join(root, 'birch');
    const plain = svmc(['status', dir]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^Birch Trust · level 2 Implement\n\nCreating Capacity +[█░]+ +\d+%/);
    expect(svmc(['status', dir, '--dir', dir]).stdout).toBe(plain.stdout);
    const withCalendar = svmc(['status', dir, '--calendar', join(tempDir(), 'one.ics')]);
    expect(withCalendar.stdout).toBe(plain.stdout);
    expect(withCalendar.stderr).toMatch(/^Wrote .*one\.ics: 2 events for 1 award; 2 reminders already past left out\n$/);
    const json = JSON.parse(svmc(['status', dir, '--format', 'json']).stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['schemaVersion', 'dir', 'level', 'organisation', 'stages', 'overall', 'errors', 'warnings', 'next']);
  });

  it('still exits 2 for a folder without svmc.yaml', () => {
    const run = svmc(['status', tempDir()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/has no svmc\.yaml/);
  });
});

describe('svmc status --calendar', () => {
  it('writes an iCalendar file that ical.js reads: each expiry, and the reminders still to come', () => {
    const file = join(tempDir(), 'awards.ics');
    const run = svmc(['status', ...args, '--calendar', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Wrote');
    expect(run.stderr).toContain('7 events for 3 awards; 5 reminders already past left out');
    const text = readFileSync(file, 'utf8');
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);

    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
      const event = new ICAL.Event(vevent);
      const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
      const end = vevent.getFirstPropertyValue('dtend') as ICAL.Time;
      expect(start.isDate && end.isDate).toBe(true);
      expect(end.toJSDate().getTime() - start.toJSDate().getTime()).toBe(DAY);
      expect(vevent.getFirstPropertyValue('dtstamp')).toBeTruthy();
      expect(vevent.getAllSubcomponents('valarm')).toEqual([]);
      return { uid: event.uid, day: start.toString(), summary: event.summary, description: event.description };
    });
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);

    const report = portfolio();
    const expiryOf = (organisation: string) => report.clients.find((c) => c.organisation === organisation)!.award!.expires;
    const daysBefore = (organisation: string, days: number) => iso(midnight(expiryOf(organisation)) - days * DAY);
    expect(events.map((e) => [e.day, e.summary]).sort()).toEqual(
      [
        [expiryOf('Ardent Trust'), 'Ardent Trust: level 2 award expires'],
        [expiryOf('Birch Trust'), 'Birch Trust: level 1 award expires'],
        [daysBefore('Birch Trust', 7), 'Birch Trust: level 1 award expires in 7 days'],
        [expiryOf(DELTA), `${DELTA}: level 2 award expires`],
        ...[90, 30, 7].map((days) => [daysBefore(DELTA, days), `${DELTA}: level 2 award expires in ${days} days`]),
      ].sort(),
    );
    const reminder = events.find((e) => e.summary === 'Birch Trust: level 1 award expires in 7 days')!;
    expect(reminder.description).toContain(`expires on ${expiryOf('Birch Trust')}, in 7 days.\nSubmit the level 2 application`);
    expect(reminder.description).toContain(`Folder: ${join(root, 'birch')}`);
    expect(text).toContain('SUMMARY:Délta Housing\\; Care\\, Support & Lærning');
  });

  it('keeps every event id when run again, replacing its own calendar but nothing else', () => {
    const folder = tempDir();
    const file = join(folder, 'awards.ics');
    const uids = () => [...readFileSync(file, 'utf8').matchAll(/^UID:(.*)\r$/gm)].map((m) => m[1]);
    expect(svmc(['status', ...args, '--calendar', file]).code).toBe(0);
    const first = uids();
    expect(svmc(['status', ...args.slice(3), '--calendar', file]).code).toBe(0);
    expect(uids()).toEqual(first);

    const notes = join(folder, 'notes.ics');
    writeFileSync(notes, 'BEGIN:VCALENDAR\r\nPRODID:-//Someone else//EN\r\nEND:VCALENDAR\r\n');
    const refused = svmc(['status', ...args, '--calendar', notes]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`will not replace ${notes}: it is not a calendar that svmc wrote`);
    expect(refused.stdout).toBe('');
    expect(readFileSync(notes, 'utf8')).toBe('BEGIN:VCALENDAR\r\nPRODID:-//Someone else//EN\r\nEND:VCALENDAR\r\n');
    expect(svmc(['status', ...args, '--calendar', '-']).code).toBe(2);
  });

  it('writes no calendar when no application holds an award', () => {
    const file = join(tempDir(), 'awards.ics');
    const run = svmc(['status', args[0]!, join(root, 'cedar'), '--calendar', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe(`No application has an award in hand, so ${file} was not written.\n`);
    expect(existsSync(file)).toBe(false);
  });
});

describe('iCalendar content lines', () => {
  it('fold at 75 octets between characters, never inside one', async () => {
    const { foldLine } = await import('../src/report/ics.js');
    const line = `SUMMARY:${'a'.repeat(66)}ééé${'ü'.repeat(60)}`;
    const parts = foldLine(line).split('\r\n');
    expect(parts.map((part) => Buffer.byteLength(part))).toEqual([74, 75, 53]);
    expect(parts.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(parts.map((part, i) => (i === 0 ? part : part.slice(1))).join('')).toBe(line);
  });

  it('escape backslash, semicolon, comma and line breaks in TEXT', async () => {
    const { escapeText } = await import('../src/report/ics.js');
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });
});
