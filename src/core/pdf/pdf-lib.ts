import { createRequire } from 'node:module';

/**
 * pdf-lib from the single file it ships, required: its package entry is CommonJS in hundreds of
 * files, which an ESM import has Node lex one by one for their named exports. Loading took 200 ms
 * imported, 150 ms required, and 70 ms from the one file; every pack and verify waits for it.
 */
export const pdfLib = createRequire(import.meta.url)('pdf-lib/dist/pdf-lib.min.js') as typeof import('pdf-lib');
