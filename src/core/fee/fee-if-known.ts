import type { ApplicationData } from '../application/types.js';
import { quoteFee } from './compute.js';
import type { FeeQuote } from './types.js';

/** The fee a pack states: none when the application does not say enough to quote one. */
export function feeOf(data: ApplicationData): FeeQuote | undefined {
  try {
    return quoteFee(data);
  } catch {
    return undefined;
  }
}
