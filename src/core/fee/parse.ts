import { LEVELS, SIZES, type Level, type Size } from '../domain.js';
import { UsageError } from '../errors.js';
import { parseDecimal, type Decimal } from './money.js';

/** A membership discount: a share of the fee, or a fixed amount. */
export type Discount = { kind: 'percent'; rate: Decimal; text: string } | { kind: 'amount'; pence: number; text: string };

export function parseLevel(value: string | number, what = 'level'): Level {
  const text = String(value).trim();
  const level = /^\d$/.test(text) ? Number(text) : NaN;
  if ((LEVELS as readonly number[]).includes(level)) return level as Level;
  throw new UsageError(`${what} "${value}" is not one of ${LEVELS.join(', ')}`);
}

export function parseSize(value: string, what = 'size'): Size {
  const size = value.trim();
  if ((SIZES as readonly string[]).includes(size)) return size as Size;
  throw new UsageError(`${what} "${value}" is not one of ${SIZES.join(', ')}`);
}

/** "0.2" or "20%" → 0.2; a rate must lie between 0 and 1 (0% and 100%). */
export function parseVatRate(text: string): number {
  const trimmed = text.trim();
  const percent = trimmed.endsWith('%');
  const body = percent ? trimmed.slice(0, -1).trim() : trimmed;
  if (body.startsWith('-')) throw new UsageError(`VAT rate "${text}" cannot be negative`);
  const decimal = parseDecimal(body);
  if (!decimal) throw new UsageError(`VAT rate "${text}" is not a number: write a fraction such as 0.2 or a percentage such as 20%`);
  const scaled: Decimal = percent ? { units: decimal.units, scale: decimal.scale + 2 } : decimal;
  if (scaled.units > 10n ** BigInt(scaled.scale)) {
    throw new UsageError(`VAT rate "${text}" is more than 100%: write a fraction such as 0.2 or a percentage such as 20%`);
  }
  return Number(scaled.units) / 10 ** scaled.scale;
}

/** "10%" is a share of the fee; "50", "50.00" or "£1,000" is an amount in pounds. */
export function parseDiscount(text: string): Discount {
  const trimmed = text.trim();
  if (trimmed.startsWith('-')) throw new UsageError(`discount "${text}" cannot be negative`);
  if (trimmed.endsWith('%')) {
    const rate = parseDecimal(trimmed.slice(0, -1).trim());
    if (!rate) throw new UsageError(`discount "${text}" is not a percentage such as 10%`);
    const fraction: Decimal = { units: rate.units, scale: rate.scale + 2 };
    if (fraction.units > 10n ** BigInt(fraction.scale)) throw new UsageError(`discount "${text}" is more than 100%`);
    return { kind: 'percent', rate: fraction, text: trimmed };
  }
  const pounds = trimmed.replace(/^£/, '');
  const plain = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(pounds) ? pounds.replaceAll(',', '') : pounds;
  const amount = parseDecimal(plain);
  if (!amount) throw new UsageError(`discount "${text}" is neither a percentage (10%) nor an amount in pounds (50 or 50.00)`);
  if (amount.scale > 2) throw new UsageError(`discount "${text}" has fractions of a penny`);
  const pence = Number(amount.units * 10n ** BigInt(2 - amount.scale));
  if (!Number.isSafeInteger(pence)) throw new UsageError(`discount "${text}" is too large`);
  return { kind: 'amount', pence, text: trimmed };
}
