import type { Size } from '../core/domain.js';
import type { FeeJourney } from '../core/fee/compute.js';
import { formatPercent, formatPounds } from '../core/fee/money.js';
import type { FeeQuote } from '../core/fee/types.js';

const SIZE_WORDS: Record<Size, string> = { small: 'small', medium: 'medium', large: 'large', 'very-large': 'very large' };

/** The JSON contract of `svmc fee`, plus `listPence` (the table's price before any discount). */
export function feeJson(quote: FeeQuote): Record<string, unknown> {
  return { ...quote, listPence: quote.netPence + quote.discountPence };
}

export function journeyJson(journey: FeeJourney): Record<string, unknown> {
  return { ...journey, steps: journey.steps.map((step) => feeJson(step)) };
}

/** "Level 3, very large member: £1,250.00 net + £250.00 VAT (20%) = £1,500.00" */
export function renderFeeText(quote: FeeQuote): string {
  const what = quote.renewal ? 'Renewal of level 3' : `Level ${quote.level}`;
  const list = quote.netPence + quote.discountPence;
  const discount =
    quote.discountPence > 0 ? `${formatPounds(list)} − ${formatPounds(quote.discountPence)} discount = ` : '';
  return (
    `${what}, ${SIZE_WORDS[quote.size]} member: ${discount}${formatPounds(quote.netPence)} net + ` +
    `${formatPounds(quote.vatPence)} VAT (${formatPercent(quote.vatRate)}) = ${formatPounds(quote.grossPence)}\n`
  );
}

export function renderJourneyText(journey: FeeJourney): string {
  const first = journey.steps[0];
  if (!first) return '';
  const withDiscount = journey.totalDiscountPence > 0;
  const columns = withDiscount ? ['Fee', 'Discount', 'Net', 'VAT', 'Total'] : ['Net', 'VAT', 'Total'];
  const money = (net: number, discount: number, vat: number, gross: number): number[] =>
    withDiscount ? [net + discount, discount, net, vat, gross] : [net, vat, gross];
  const rows: [string, string, number[]][] = [
    ...journey.steps.map((s): [string, string, number[]] => [String(s.step), s.title, money(s.netPence, s.discountPence, s.vatPence, s.grossPence)]),
    ['', 'Total', money(journey.totalNetPence, journey.totalDiscountPence, journey.totalVatPence, journey.totalGrossPence)],
  ];
  const titleWidth = Math.max(...rows.map(([, title]) => title.length));
  const widths = columns.map((name, i) => Math.max(name.length, ...rows.map(([, , amounts]) => formatPounds(amounts[i] ?? 0).length)));
  const line = (step: string, title: string, cells: string[]): string =>
    `${step.padStart(2)}  ${title.padEnd(titleWidth)}  ${cells.map((cell, i) => cell.padStart(widths[i] ?? 0)).join('  ')}`.trimEnd();
  return (
    `Fee journey for a ${SIZE_WORDS[first.size]} member (GBP, VAT at ${formatPercent(first.vatRate)}):\n` +
    `${line('', '', columns)}\n` +
    `${rows.map(([step, title, amounts]) => line(step, title, amounts.map(formatPounds))).join('\n')}\n` +
    'Levels are taken in order; an award lasts two years, so level 3 is renewed every two years.\n'
  );
}
