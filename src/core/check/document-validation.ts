import { parseApplication } from '../application/load.js';
import { buildLocationTable } from '../application/location-table.js';
import { writeParsed } from '../application/parse-cache.js';
import type { TextResult } from '../application/read-text.js';
import { validateApplication } from '../application/validate.js';
import type { JudgedDocument } from './document-findings.js';
import { openCatalogue } from './open-catalogue.js';

/** svmc.yaml parsed and validated, and the result kept in the parse cache for the next run. */
export async function parseAndValidate(dir: string, file: string, read: TextResult, key: string | undefined): Promise<JudgedDocument> {
  const loaded = parseApplication(dir, file, read);
  if (loaded.findings.some((f) => f.severity === 'error')) return { loaded, findings: loaded.findings, usable: false };
  const { data, locate } = loaded;
  const opened = openCatalogue(data, dir, locate);
  const findings = [...loaded.findings, ...opened.findings, ...validateApplication(data, locate, opened.catalogue)];
  const usable = data !== null && typeof data === 'object' && !Array.isArray(data);
  // A catalogue of the user's own may change without svmc.yaml changing, so only the built-in one is cached.
  if (key && usable && opened.catalogue?.builtIn) await writeParsed(dir, { key, data, findings, locations: buildLocationTable(data, locate) });
  return { loaded, ...(opened.catalogue ? { catalogue: opened.catalogue } : {}), findings, usable };
}
