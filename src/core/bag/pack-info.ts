import { createHash } from 'node:crypto';
import type { ApplicationData } from '../application/types.js';
import type { FeeQuote } from '../fee/types.js';
import { formatPercent } from '../fee/money.js';
import { payloadOxum } from './layout.js';
import { isoDay } from '../application/dates.js';
import { applicationLines, oneLine } from './application-lines.js';

export interface BagInfoInput {
  data: ApplicationData;
  date: Date;
  packId: string;
  payloadBytes: number;
  payloadFiles: number;
  catalogue: string;
  fee?: FeeQuote;
  draft: boolean;
  software: string;
}

/** bag-info.txt: the RFC's reserved labels, then the certificate's own. */
export function bagInfo(input: BagInfoInput): string {
  const [organisation, contactName, contactEmail, level] = applicationLines(input.data);
  const lines: [string, string | undefined][] = [
    organisation!,
    contactName!,
    contactEmail!,
    ['Bagging-Date', isoDay(input.date)],
    ['External-Identifier', input.packId],
    ['Payload-Oxum', payloadOxum(input.payloadBytes, input.payloadFiles)],
    ['Bag-Software-Agent', input.software],
    level!,
    ['SVMC-Catalogue', input.catalogue],
    ['SVMC-Fee', input.fee ? feeLine(input.fee) : undefined],
    ['SVMC-Draft', input.draft ? 'true' : undefined],
    // Bagging-Date is a day; the summary is dated to the millisecond, and verify renders it again from this.
    ['SVMC-Pack-Time', input.date.toISOString()],
  ];
  return lines
    .filter((line): line is [string, string] => line[1] !== undefined && oneLine(line[1]) !== '')
    .map(([label, value]) => `${label}: ${oneLine(value)}\n`)
    .join('');
}

const pounds = (pence: number): string => (pence / 100).toFixed(2);

/** `GBP 750.00 net + 150.00 VAT (20%) = 900.00` */
function feeLine(fee: FeeQuote): string {
  const discount = fee.discountPence > 0 ? ` after a discount of ${pounds(fee.discountPence)}` : '';
  return `${fee.currency} ${pounds(fee.netPence)} net${discount} + ${pounds(fee.vatPence)} VAT (${formatPercent(fee.vatRate)}) = ${pounds(fee.grossPence)}`;
}

/** External-Identifier: the day and the start of the manifest's hash, so the id names both date and content. */
export function packId(manifestText: string, date: Date): string {
  const digest = createHash('sha256').update(manifestText).digest('hex').slice(0, 12).toUpperCase();
  return `SVMC-${isoDay(date).replace(/-/g, '')}-${digest}`;
}
