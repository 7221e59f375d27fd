import { readFileSync } from 'node:fs';

/** svmc's version, from its package.json: read directly, as `svmc --version` loads nothing else. */
export const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
