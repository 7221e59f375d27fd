import { createRequire } from 'node:module';

/**
 * pdf-lib, required rather than imported: it is CommonJS in hundreds of files, and an ESM import
 * has Node lex every one of them for its named exports (200 ms to load it, against 115 ms so),
 * which every pack and verify waited for.
 */
export const pdfLib = createRequire(import.meta.url)('pdf-lib') as typeof import('pdf-lib');
