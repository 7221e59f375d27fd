import type { Level, Size } from '../domain.js';

/** One application's fee; money is integer pence. Field names are the `svmc fee --format json` contract. */
export interface FeeQuote {
  currency: 'GBP';
  size: Size;
  level: Level;
  renewal: boolean;
  netPence: number;
  discountPence: number;
  /** A fraction: 0.2 for 20%. */
  vatRate: number;
  vatPence: number;
  grossPence: number;
}
