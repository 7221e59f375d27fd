export { computeFee, quoteFee, feeJourney } from './compute.js';
export type { FeeOptions } from './compute.js';
export { parseDiscount, parseLevel, parseSize, parseVatRate } from './parse.js';
export { builtInFeeTable, readFeeTable } from './table.js';
export { formatPounds, formatPercent } from './money.js';
