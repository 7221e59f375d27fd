import { lazyApplication, type LoadedApplication } from '../application/load.js';
import { readParsed } from '../application/parse-cache.js';
import type { ApplicationData } from '../application/types.js';
import type { Catalogue } from '../catalogue/types.js';
import type { Finding } from '../findings.js';
import { openCatalogue } from './open-catalogue.js';
import type { ReadDocument } from './read-document.js';

export interface JudgedDocument {
  loaded: LoadedApplication;
  catalogue?: Catalogue;
  /** YAML, catalogue and schema findings. */
  findings: Finding[];
  /** False when svmc.yaml could not be read as a map: no rule can judge it. */
  usable: boolean;
}

/** svmc.yaml parsed and validated against the schema and the catalogue, from the parse cache when unchanged. */
export async function judgeDocument(dir: string, { file, read, key }: ReadDocument): Promise<JudgedDocument> {
  const hit = key ? await readParsed(dir, key) : undefined;
  if (hit && read.text !== undefined) {
    const loaded = lazyApplication(dir, file, read.text, hit.data as ApplicationData, [], hit.locations);
    const { catalogue } = openCatalogue(loaded.data, dir, loaded.locate);
    return { loaded, ...(catalogue ? { catalogue } : {}), findings: hit.findings, usable: true };
  }
  // Parsing and validating need the YAML library, Ajv and the schema messages: loaded only now.
  const { parseAndValidate } = await import('./document-validation.js');
  return parseAndValidate(dir, file, read, key);
}
