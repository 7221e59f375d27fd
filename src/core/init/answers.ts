import type { PreviousAward, Representative } from '../application/types.js';
import type { Level, Size } from '../domain.js';
import { UsageError } from '../errors.js';
import { parseLevel } from '../fee/parse.js';

/** Everything `svmc init` writes into svmc.yaml; optional parts are left out with a comment. */
export interface InitAnswers {
  organisation: string;
  scope: 'organisation' | 'programme';
  programme?: string;
  level: Level;
  renewal: boolean;
  size: Size;
  network?: string;
  membershipNumber?: string;
  lead?: Representative;
  senior?: Representative;
  previousAwards: PreviousAward[];
  /** Date of the preparation call with the Assurance Manager, YYYY-MM-DD. */
  preparationCall?: string;
  /** The signed Terms & Conditions: where svmc.yaml points, and the file to copy there when it lies outside the folder. */
  terms?: { path: string; copyFrom?: string };
}

// The same test as the application schema's "email" format, so init never writes what check rejects.
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

export function isEmail(text: string): boolean {
  return EMAIL.test(text);
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A one-line text answer: no line breaks or control characters, which would break the YAML. */
export function checkText(value: string, what: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new UsageError(`${what} is empty`);
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) throw new UsageError(`${what} must be a single line of text`);
  return trimmed;
}

/** "2:2025-06-01:SVMC-L2-0042" (the reference is optional) → a previous award. */
export function parsePreviousAward(text: string): PreviousAward {
  const [levelText = '', date = '', ...rest] = text.split(':');
  const reference = rest.join(':').trim();
  const form = `--previous-award "${text}" is not LEVEL:DATE:REF, e.g. 1:2025-06-01:SVMC-L1-0042`;
  if (text.split(':').length < 2) throw new UsageError(form);
  let level: Level;
  try {
    level = parseLevel(levelText);
  } catch {
    throw new UsageError(`${form} (the level must be 1, 2 or 3)`);
  }
  if (!isIsoDate(date.trim())) throw new UsageError(`${form} (the date must be a real date written YYYY-MM-DD)`);
  return { level, awarded: date.trim(), ...(reference === '' ? {} : { reference: checkText(reference, 'the award reference') }) };
}

/** The level of the award that an application at this level must cite, if any. */
export function requiredAwardLevel(level: Level, renewal: boolean): Level | undefined {
  if (renewal) return 3;
  return level === 1 ? undefined : ((level - 1) as Level);
}
