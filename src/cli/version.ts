export { SVMC_VERSION as VERSION } from '../core/package-root.js';
