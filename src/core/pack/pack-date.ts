import { UsageError } from '../errors.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * The pack date: `--date` (a day, taken as midnight UTC, or an ISO time with a zone), else
 * SOURCE_DATE_EPOCH (seconds), else `now`. Everything dated in the pack comes from it.
 */
export function resolvePackDate(option: string | undefined, sourceDateEpoch: string | undefined, now: Date): Date {
  if (option !== undefined) {
    const text = option.trim();
    const date = DAY.test(text) ? new Date(`${text}T00:00:00Z`) : ISO_TIME.test(text) ? new Date(text) : undefined;
    if (!date || Number.isNaN(date.getTime()) || (DAY.test(text) && date.toISOString().slice(0, 10) !== text)) {
      throw new UsageError(`--date ${option} is not a date: give YYYY-MM-DD or an ISO time such as 2026-03-01T12:00:00Z`);
    }
    return checkRange(date, '--date');
  }
  if (sourceDateEpoch !== undefined && sourceDateEpoch.trim() !== '') {
    if (!/^\d{1,12}$/.test(sourceDateEpoch.trim())) {
      throw new UsageError(`SOURCE_DATE_EPOCH=${sourceDateEpoch} is not a number of seconds since 1970-01-01`);
    }
    return checkRange(new Date(Number(sourceDateEpoch.trim()) * 1000), 'SOURCE_DATE_EPOCH');
  }
  return now;
}

/** ZIP entry dates cover 1980 to 2107. */
function checkRange(date: Date, source: string): Date {
  const year = date.getUTCFullYear();
  if (year < 1980 || year > 2107) {
    throw new UsageError(`${source} gives ${date.toISOString()}: a pack date must fall between 1980 and 2107`);
  }
  return date;
}
