import { lazyApplication, parseApplication, readApplication, type LoadedApplication } from '../application/load.js';
import { buildLocationTable } from '../application/location-table.js';
import { parseKey, readParsed, writeParsed } from '../application/parse-cache.js';
import type { ApplicationData } from '../application/types.js';
import { validateApplication } from '../application/validate.js';
import type { Catalogue } from '../catalogue/types.js';
import type { Finding } from '../findings.js';
import { openCatalogue } from './open-catalogue.js';

export interface JudgedDocument {
  loaded: LoadedApplication;
  catalogue?: Catalogue;
  /** YAML, catalogue and schema findings. */
  findings: Finding[];
  /** False when svmc.yaml could not be read as a map: no rule can judge it. */
  usable: boolean;
}

/** svmc.yaml read, parsed and validated against the schema and the catalogue, from the parse cache when unchanged. */
export async function judgeDocument(dir: string): Promise<JudgedDocument> {
  const { file, read } = await readApplication(dir);
  const key = read.text === undefined ? undefined : parseKey(read.text);
  const hit = key ? await readParsed(dir, key) : undefined;
  if (hit && read.text !== undefined) {
    const loaded = lazyApplication(dir, file, read.text, hit.data as ApplicationData, [], hit.locations);
    const { catalogue } = openCatalogue(loaded.data, dir, loaded.locate);
    return { loaded, ...(catalogue ? { catalogue } : {}), findings: hit.findings, usable: true };
  }
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
