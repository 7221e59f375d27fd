import { createHash } from 'node:crypto';
import type { ApplicationData } from '../application/types.js';
import type { FeeQuote } from '../fee/types.js';
import { formatPercent } from '../fee/money.js';
import { isoDay } from './pack-date.js';

/** RFC 8493 §2.1.1, byte for byte. */
export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

export const BAG_FILES = {
  declaration: 'bagit.txt',
  info: 'bag-info.txt',
  manifest: 'manifest-sha256.txt',
  tagManifest: 'tagmanifest-sha256.txt',
  summary: 'summary.pdf',
} as const;

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

/** `<octets>.<files>` (RFC 8493 §2.2.2) */
export const payloadOxum = (bytes: number, files: number): string => `${bytes}.${files}`;

/** bag-info.txt: the RFC's reserved labels, then the certificate's own. */
export function bagInfo(input: BagInfoInput): string {
  const { data } = input;
  const lead = data.representatives?.lead;
  const organisation =
    data.applicant.scope === 'programme' && data.applicant.programme
      ? `${data.applicant.organisation} (${data.applicant.programme})`
      : data.applicant.organisation;
  const level = data.application.renewal === true ? `${data.application.level} (renewal)` : `${data.application.level}`;
  const lines: [string, string | undefined][] = [
    ['Source-Organization', organisation],
    ['Contact-Name', lead?.name],
    ['Contact-Email', lead?.email],
    ['Bagging-Date', isoDay(input.date)],
    ['External-Identifier', input.packId],
    ['Payload-Oxum', payloadOxum(input.payloadBytes, input.payloadFiles)],
    ['Bag-Software-Agent', input.software],
    ['SVMC-Level', level],
    ['SVMC-Catalogue', input.catalogue],
    ['SVMC-Fee', input.fee ? feeLine(input.fee) : undefined],
    ['SVMC-Draft', input.draft ? 'true' : undefined],
  ];
  return lines
    .filter((line): line is [string, string] => line[1] !== undefined && line[1].trim() !== '')
    .map(([label, value]) => `${label}: ${value.replace(/\s+/g, ' ').trim()}\n`)
    .join('');
}

const pounds = (pence: number): string => (pence / 100).toFixed(2);

/** `GBP 750.00 net + 150.00 VAT (20%) = 900.00` */
export function feeLine(fee: FeeQuote): string {
  const discount = fee.discountPence > 0 ? ` after a discount of ${pounds(fee.discountPence)}` : '';
  return `${fee.currency} ${pounds(fee.netPence)} net${discount} + ${pounds(fee.vatPence)} VAT (${formatPercent(fee.vatRate)}) = ${pounds(fee.grossPence)}`;
}

export const sha256Hex = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** tagmanifest-sha256.txt over the given tag files (paths relative to the bag), in byte order. */
export function tagManifest(files: { name: string; bytes: Uint8Array }[]): string {
  return [...files]
    .sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)))
    .map((file) => `${sha256Hex(file.bytes)}  ${file.name}\n`)
    .join('');
}
