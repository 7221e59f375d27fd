import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { READ_LIMITS, readRegularFile } from '../fs/read-file.js';
import { join } from 'node:path';
import type { Finding } from '../findings.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { PACKAGE_ROOT } from '../package-root.js';
import type { LocationTable } from './location-table.js';

const CACHE_FILE = 'parse-cache.json';
/** Bumped whenever an entry's shape changes. */
const FORMAT = '2';

export interface ParsedEntry {
  /** sha256 of svmc.yaml's text and of the svmc version that judged it. */
  key: string;
  data: unknown;
  /** YAML and schema findings, which depend on nothing but the text and the built-in schemas. */
  findings: Finding[];
  /** Where the shallow paths sit, so most findings need no parse. */
  locations: LocationTable;
}

let version: string | undefined;
function toolVersion(): string {
  version ??= (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}

export function parseKey(text: string): string {
  return createHash('sha256').update(`${FORMAT}\0${toolVersion()}\0`).update(text).digest('hex');
}

/**
 * Parsing and validating a large svmc.yaml costs far more than checking its files, so an unchanged
 * text reuses the last result. Read from, and written to, an existing .svmc/ only.
 */
export async function readParsed(dir: string, key: string): Promise<ParsedEntry | undefined> {
  try {
    const entry = JSON.parse((await readRegularFile(join(dir, '.svmc', CACHE_FILE), READ_LIMITS.cache)).toString('utf8')) as ParsedEntry;
    return entry.key === key ? entry : undefined;
  } catch {
    return undefined;
  }
}

export async function writeParsed(dir: string, entry: ParsedEntry): Promise<void> {
  const folder = join(dir, '.svmc');
  if (!(await stat(folder).then((s) => s.isDirectory(), () => false))) return;
  await writeFileAtomic(join(folder, CACHE_FILE), JSON.stringify(entry)).catch(() => undefined);
}
