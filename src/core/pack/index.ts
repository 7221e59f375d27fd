export { packApplication, type PackOptions, type PackResult } from './pack.js';
export { PackRefusedError } from './errors.js';
export { resolvePackDate, isoDay } from './pack-date.js';
export { assertWritableTarget } from './write-pack.js';
