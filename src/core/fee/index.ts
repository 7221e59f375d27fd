export { computeFee, quoteFee, feeJourney, DEFAULT_VAT_RATE, DEFAULT_JOURNEY_RENEWALS } from './compute.js';
export type { FeeOptions, FeeSubject, FeeJourney, JourneyStep } from './compute.js';
export { parseDiscount, parseLevel, parseSize, parseVatRate, type Discount } from './parse.js';
export { builtInFeeTable, readFeeTable, type FeeTable } from './table.js';
export { formatPounds, formatPercent } from './money.js';
export type { FeeQuote } from './types.js';
