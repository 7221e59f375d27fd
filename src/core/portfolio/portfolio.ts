import type { Application } from '../application/open.js';
import type { ApplicationResult } from '../check/types.js';
import type { Level } from '../domain.js';
import { SIGNOFF_CODES } from '../findings.js';
import { isoDay } from '../application/dates.js';
import { awardInHand, type AwardInHand } from './award-in-hand.js';

/** How far the two sign-offs are: `unknown` when svmc.yaml breaks the schema, so they were not judged. */
export type SignoffState = 'signed' | 'partial' | 'none' | 'stale' | 'invalid' | 'unknown';

/** Why a client sits where it does in the portfolio, most pressing first. */
const ATTENTION = ['award-expired', 'award-expiring', 'errors', 'signoffs', 'ready'] as const;
type Attention = (typeof ATTENTION)[number];

/** An award this close to its expiry (in days) comes before every other concern: the first reminder. */
export const EXPIRING_WITHIN_DAYS = 90;

export interface PortfolioRow {
  dir: string;
  /** The folder's real path: what the calendar's event ids are made from. */
  root: string;
  organisation?: string;
  level?: Level;
  renewal: boolean;
  criteria: { required: number; met: number };
  errors: number;
  warnings: number;
  signoffs: { state: SignoffState; signed: number };
  award?: AwardInHand & { daysLeft: number };
  attention: Attention;
}

export interface Portfolio {
  /** The UTC day the days left are counted from, as the check judges award expiry. */
  today: string;
  /** One row per application folder, what needs attention first. */
  clients: PortfolioRow[];
  /** The arguments that are not application folders, with why. */
  notChecked: { dir: string; message: string }[];
}

interface Checked {
  applications: ApplicationResult[];
  opened: Application[];
}

const DAY_MS = 86_400_000;

/** One row per checked folder, sorted by what needs attention first (see `compareRows`). */
export async function portfolioOf(checked: Checked, now: Date): Promise<Portfolio> {
  const today = isoDay(now);
  const opened = [...checked.opened];
  const clients: PortfolioRow[] = [];
  const notChecked: Portfolio['notChecked'] = [];
  for (const result of checked.applications) {
    const skipped = result.findings.find((f) => f.code === 'FOLDER_NOT_CHECKED');
    if (skipped) {
      notChecked.push({ dir: result.dir, message: skipped.message });
      continue;
    }
    const app = opened.shift();
    if (!app) throw new Error(`no opened folder for ${result.dir}`);
    const document = await app.document();
    clients.push(rowOf(result, app.root, awardInHand(document.data), document.usable && document.schemaValid, today));
  }
  return { today, clients: clients.sort(compareRows), notChecked };
}

function rowOf(result: ApplicationResult, root: string, award: AwardInHand | undefined, signoffsJudged: boolean, today: string): PortfolioRow {
  const held = award && { ...award, daysLeft: Math.round((Date.parse(`${award.expires}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS) };
  const signoffs = signoffsOf(result, signoffsJudged);
  return {
    dir: result.dir,
    root,
    ...(result.organisation === undefined ? {} : { organisation: result.organisation }),
    ...(result.level === undefined ? {} : { level: result.level }),
    renewal: result.renewal ?? false,
    criteria: result.summary.criteria,
    errors: result.summary.errors,
    warnings: result.summary.warnings,
    signoffs,
    ...(held ? { award: held } : {}),
    attention: attentionOf(held, otherErrors(result), signoffs.state),
  };
}

function signoffsOf(result: ApplicationResult, judged: boolean): PortfolioRow['signoffs'] {
  if (!judged) return { state: 'unknown', signed: 0 };
  const count = (code: string) => result.findings.filter((f) => f.code === code).length;
  const [missing, stale, invalid] = SIGNOFF_CODES.map(count) as [number, number, number];
  const signed = Math.max(0, 2 - missing - stale - invalid);
  const state: SignoffState = invalid > 0 ? 'invalid' : stale > 0 ? 'stale' : signed === 2 ? 'signed' : signed === 1 ? 'partial' : 'none';
  return { state, signed };
}

/** Errors other than the sign-offs, which have their own column and come last in the preparation. */
const otherErrors = (result: ApplicationResult): number =>
  result.findings.filter((f) => f.severity === 'error' && !SIGNOFF_CODES.includes(f.code)).length;

function attentionOf(award: PortfolioRow['award'], errors: number, signoffs: SignoffState): Attention {
  if (award && award.daysLeft <= 0) return 'award-expired';
  if (award && award.daysLeft <= EXPIRING_WITHIN_DAYS) return 'award-expiring';
  if (errors > 0) return 'errors';
  return signoffs === 'signed' ? 'ready' : 'signoffs';
}

/**
 * A lapsing award is a deadline nothing can move, so it comes first; then what blocks a pack (errors),
 * then what only the representatives can do (sign), then what is ready. Within each: the soonest
 * expiry, then the most errors, then by name.
 */
function compareRows(a: PortfolioRow, b: PortfolioRow): number {
  const expiry = (row: PortfolioRow) => row.award?.expires ?? '9999-12-31';
  return (
    ATTENTION.indexOf(a.attention) - ATTENTION.indexOf(b.attention) ||
    expiry(a).localeCompare(expiry(b)) ||
    b.errors - a.errors ||
    (a.organisation ?? a.dir).localeCompare(b.organisation ?? b.dir) ||
    a.dir.localeCompare(b.dir)
  );
}
