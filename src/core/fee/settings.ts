import type { FeeSettings } from '../application/types.js';
import { formatPounds } from './money.js';
import { parseDiscount, type Discount } from './parse.js';

/** What `application.fee` in svmc.yaml asks for, as fee options; flags given on the command line win. */
export interface SettingsOptions {
  discount?: Discount;
  vatRate?: number;
}

/** `application.fee` as options; a malformed value (the schema reports it) is left out. */
export function feeSettings(settings: FeeSettings | undefined): SettingsOptions {
  const options: SettingsOptions = {};
  const { discount, vatRate } = settings ?? {};
  if (typeof vatRate === 'number' && vatRate >= 0 && vatRate <= 1) options.vatRate = vatRate;
  if (typeof discount === 'number' && Number.isSafeInteger(discount) && discount >= 0) {
    options.discount = { kind: 'amount', pence: discount, text: formatPounds(discount) };
  } else if (typeof discount === 'string') {
    try {
      if (discount.trim().endsWith('%')) options.discount = parseDiscount(discount);
    } catch {
      // Over 100%: FEE_DISCOUNT_TOO_LARGE says so.
    }
  }
  return options;
}
