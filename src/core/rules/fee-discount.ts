import { field } from '../application/evidence-refs.js';
import type { FeeSettings } from '../application/types.js';
import { isLevel, SIZES, type Size } from '../domain.js';
import { computeFee } from '../fee/compute.js';
import { formatPounds } from '../fee/money.js';
import { feeSettings } from '../fee/settings.js';
import { finding } from '../findings.js';
import type { Rule } from './types.js';

const PATH = ['application', 'fee', 'discount'];

/** FEE_DISCOUNT_TOO_LARGE: a discount of more than 100%, or of more pence than the fee. */
export const feeDiscount: Rule = ({ data, locate }) => {
  const discount = field(data, ...PATH);
  if (typeof discount === 'string' && /^\d+(\.\d+)?%$/.test(discount.trim()) && Number.parseFloat(discount) > 100) {
    return [finding('FEE_DISCOUNT_TOO_LARGE', `application.fee.discount ${discount} is more than 100%: write the membership discount you were given, e.g. 10%.`, { location: locate(PATH) })];
  }
  const size = field(data, 'applicant', 'membership', 'size');
  const level = field(data, 'application', 'level');
  const given = feeSettings(field(data, 'application', 'fee') as FeeSettings | undefined).discount;
  if (given?.kind !== 'amount' || !isLevel(level) || !(SIZES as readonly unknown[]).includes(size)) return [];
  const renewal = field(data, 'application', 'renewal') === true && level === 3;
  const list = computeFee({ size: size as Size, level, renewal }).netPence;
  if (given.pence <= list) return [];
  const message = `application.fee.discount is ${given.pence} pence (${formatPounds(given.pence)}), more than the fee of ${formatPounds(list)}: write the discount in pence (7500 for £75.00) or as a percentage ("10%").`;
  return [finding('FEE_DISCOUNT_TOO_LARGE', message, { location: locate(PATH) })];
};
