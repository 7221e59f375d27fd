import { checkApplications } from '../../core/check/check-application.js';
import { statusOf } from '../../core/check/status.js';
import { UsageError } from '../../core/errors.js';
import { FileReadError, READ_LIMITS, readRegularFile } from '../../core/fs/read-file.js';
import { resolveOutputTarget, writeToTarget, type OutputTarget } from '../../core/fs/output-target.js';
import { awardEvents } from '../../core/portfolio/calendar-events.js';
import { portfolioOf, type Portfolio } from '../../core/portfolio/portfolio.js';
import { isSvmcCalendar, renderCalendar } from '../../report/ics.js';
import { renderPortfolioCsv, renderPortfolioJson, renderPortfolioText } from '../../report/portfolio.js';
import { renderStatus } from '../../report/status.js';
import { plural } from '../../report/words.js';
import { paint } from '../color.js';
import { err, out } from '../io.js';
import { VERSION } from '../version.js';
import type { OptionsOf, defineStatus } from '../program.js';

export type StatusCommandOptions = OptionsOf<typeof defineStatus>;

/**
 * Progress is information, not a verdict: it exits 0 whatever is missing (`check` gives the verdict).
 * One folder shows its matrix; several show one row each. Exit 2 only when none is an application.
 */
export async function run(dirs: string[], options: StatusCommandOptions): Promise<number> {
  const named = [...new Set(dirs.length > 0 ? dirs : ['.'])];
  const now = new Date();
  const checked = await checkApplications(named);
  // A calendar that may not be written stops the command before anything is printed.
  const calendar = options.calendar === undefined ? undefined : await calendarTarget(options.calendar);
  const portfolio = named.length > 1 || options.format === 'csv' || options.calendar !== undefined ? await portfolioOf(checked, now) : undefined;
  if (portfolio === undefined || (named.length === 1 && options.format !== 'csv')) {
    const status = statusOf(checked.applications[0]!);
    out(options.format === 'json' ? JSON.stringify({ schemaVersion: 1, ...status }, null, 2) : renderStatus(status, paint));
  } else if (options.format === 'csv') {
    out(renderPortfolioCsv(portfolio));
    for (const skipped of portfolio.notChecked) err(`svmc: ${paint('yellow', 'warning:')} ${skipped.message} (FOLDER_NOT_CHECKED)`);
  } else {
    out(options.format === 'json' ? renderPortfolioJson(portfolio, VERSION) : renderPortfolioText(portfolio, paint));
  }
  if (calendar && portfolio) await writeCalendar(calendar, portfolio, now);
  return 0;
}

/** Where the calendar goes: a new file, or one that svmc wrote before; never another file of the user's. */
async function calendarTarget(given: string): Promise<Exclude<OutputTarget, { kind: 'stdout' }>> {
  const target = await resolveOutputTarget(given);
  if (target.kind === 'stdout') throw new UsageError('--calendar needs a file name: standard output carries the status');
  if (target.kind === 'file') {
    const existing = await readRegularFile(target.path, READ_LIMITS.document).catch((error: unknown) => {
      if (error instanceof FileReadError && error.reason === 'missing') return undefined;
      throw error instanceof FileReadError ? new UsageError(`cannot replace ${given}: it ${error.detail}`) : error;
    });
    if (existing !== undefined && !isSvmcCalendar(existing.toString('utf8'))) {
      throw new UsageError(`will not replace ${given}: it is not a calendar that svmc wrote; remove it or name another file`);
    }
  }
  return target;
}

async function writeCalendar(target: Exclude<OutputTarget, { kind: 'stdout' }>, portfolio: Portfolio, now: Date): Promise<void> {
  const { events, pastReminders } = awardEvents(portfolio);
  // RFC 5545 wants at least one event in a calendar.
  if (events.length === 0) {
    err(`No application has an award in hand, so ${target.shown} was not written.`);
    return;
  }
  await writeToTarget(target, renderCalendar(events, now));
  const awards = events.filter((event) => event.daysBefore === 0).length;
  const past = pastReminders === 0 ? '' : `; ${plural(pastReminders, 'reminder')} already past left out`;
  err(`Wrote ${target.shown}: ${plural(events.length, 'event')} for ${plural(awards, 'award')}${past}`);
}
