import type { ApplicationData } from '../application/types.js';
import { LEVEL_NAMES, LEVELS, type Level, type Size } from '../domain.js';
import { UsageError } from '../errors.js';
import { decimalOf, formatPounds, multiplyRoundHalfUp } from './money.js';
import type { Discount } from './parse.js';
import { feeSettings } from './settings.js';
import { builtInFeeTable, type FeeTable } from './table.js';
import type { FeeQuote } from './types.js';

/** The UK standard rate. */
const DEFAULT_VAT_RATE = 0.2;

/** How many renewals `--journey` shows after level 3, one every two years. */
const DEFAULT_JOURNEY_RENEWALS = 2;

export interface FeeOptions {
  /** A fraction between 0 and 1; default 0.2. */
  vatRate?: number;
  /** A membership discount, applied to each application before VAT. */
  discount?: Discount;
  /** Default: the built-in table of the guidance. */
  table?: FeeTable;
}

export interface FeeSubject {
  size: Size;
  level: Level;
  renewal?: boolean;
}

/**
 * One application's fee. `netPence` is the fee after any discount and before VAT
 * (the table's price is `netPence + discountPence`); VAT is rounded half-up to the penny.
 */
export function computeFee(subject: FeeSubject, options: FeeOptions = {}): FeeQuote {
  const { size, level } = subject;
  const renewal = subject.renewal === true;
  if (renewal && level !== 3) throw new UsageError(`a renewal is of level 3, not level ${level}`);
  const table = options.table ?? builtInFeeTable();
  const listPence = table.feesPence[size][renewal ? 'renewal' : (`${level}` as const)];
  const discountPence = discountFor(listPence, options.discount);
  const netPence = listPence - discountPence;
  const vatRate = options.vatRate ?? DEFAULT_VAT_RATE;
  const vatPence = multiplyRoundHalfUp(netPence, decimalOf(vatRate));
  return { currency: 'GBP', size, level, renewal, netPence, discountPence, vatRate, vatPence, grossPence: netPence + vatPence };
}

function discountFor(listPence: number, discount: Discount | undefined): number {
  if (!discount) return 0;
  const pence = discount.kind === 'percent' ? multiplyRoundHalfUp(listPence, discount.rate) : discount.pence;
  if (pence > listPence) {
    throw new UsageError(`discount ${discount.text} (${formatPounds(pence)}) is more than the fee of ${formatPounds(listPence)}`);
  }
  return pence;
}

/** The fee of the application described by a svmc.yaml, with its `application.fee` unless `options` say otherwise. */
export function quoteFee(application: ApplicationData, options: FeeOptions = {}): FeeQuote {
  const size = application.applicant.membership?.size;
  if (!size) throw new UsageError('svmc.yaml has no applicant.membership.size, so the fee is unknown');
  const settings = feeSettings(application.application.fee);
  return computeFee({ size, level: application.application.level, renewal: application.application.renewal === true }, { ...settings, ...options });
}

interface JourneyStep extends FeeQuote {
  step: number;
  title: string;
  /** For renewals: years after the level 3 award. */
  yearsAfterLevel3?: number;
}

export interface FeeJourney {
  steps: JourneyStep[];
  totalNetPence: number;
  totalDiscountPence: number;
  totalVatPence: number;
  totalGrossPence: number;
}

/** Levels 1, 2 and 3 in turn, then renewals of level 3, one when each two-year award runs out. */
export function feeJourney(size: Size, options: FeeOptions & { renewals?: number } = {}): FeeJourney {
  const steps: JourneyStep[] = LEVELS.map((level, index) => ({
    step: index + 1,
    title: `Level ${level} (${LEVEL_NAMES[level]})`,
    ...computeFee({ size, level }, options),
  }));
  const renewals = options.renewals ?? DEFAULT_JOURNEY_RENEWALS;
  for (let n = 1; n <= renewals; n += 1) {
    steps.push({
      step: steps.length + 1,
      title: `Level 3 renewal after ${2 * n} years`,
      yearsAfterLevel3: 2 * n,
      ...computeFee({ size, level: 3, renewal: true }, options),
    });
  }
  const sum = (pick: (step: JourneyStep) => number): number => steps.reduce((total, step) => total + pick(step), 0);
  return {
    steps,
    totalNetPence: sum((s) => s.netPence),
    totalDiscountPence: sum((s) => s.discountPence),
    totalVatPence: sum((s) => s.vatPence),
    totalGrossPence: sum((s) => s.grossPence),
  };
}
