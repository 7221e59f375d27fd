import { dirname, join } from 'node:path';
import { readParsedDocument, writeParsedDocument } from '../cache/parsed-document.js';
import type { Catalogue } from '../catalogue/types.js';
import { isLevel } from '../domain.js';
import type { Finding } from '../findings.js';
import { evidenceRefs, field } from './evidence-refs.js';
import { lazyApplication, readApplicationData, type LoadedApplication } from './load.js';
import type { YamlPath } from './locate.js';
import { buildLocationTable, tableLocate } from './location-table.js';
import type { Application, ApplicationDocument } from './open.js';
import { openCatalogue } from './open-catalogue.js';
import { referencedFiles } from './referenced-files.js';
import type { ApplicationData } from './types.js';

/** Parsed and validated against the schema and the catalogue; from the parsed-document cache when svmc.yaml is unchanged. */
export async function judgeDocument(app: Application): Promise<ApplicationDocument> {
  const { dir, root, file, read, key } = app;
  const hit = key && read.text !== undefined ? await readParsedDocument(root, key) : undefined;
  if (hit && read.text !== undefined) {
    const locations = hit.locations;
    const known = (path: YamlPath, preferKey?: boolean) => tableLocate(locations, hit.data, path, preferKey);
    const loaded = lazyApplication(dir, file, read.text, hit.data as ApplicationData, [], known, read.bom === true);
    const { catalogue } = openCatalogue(loaded.data, dir, loaded.locate);
    return described(app, loaded, hit.findings, catalogue);
  }
  const loaded = readApplicationData(dir, file, read);
  if (loaded.findings.some((f) => f.severity === 'error')) return described(app, loaded, loaded.findings, undefined);
  // Ajv and the schema messages load only when something is to be validated.
  const { validateApplication } = await import('./validate.js');
  const opened = openCatalogue(loaded.data, dir, loaded.locate);
  const findings = [...loaded.findings, ...opened.findings, ...validateApplication(loaded.data, loaded.locate, opened.catalogue)];
  const judged = described(app, loaded, findings, opened.catalogue);
  // A catalogue of the user's own may change without svmc.yaml changing: only the built-in one is cached.
  if (key && judged.usable && opened.catalogue?.builtIn) {
    await writeParsedDocument(root, () => ({ key, data: loaded.data, findings, locations: buildLocationTable(loaded.data, loaded.locate) }));
  }
  return judged;
}

function described(app: Application, loaded: LoadedApplication, findings: Finding[], catalogue: Catalogue | undefined): ApplicationDocument {
  const { data } = loaded;
  const usable = data !== null && typeof data === 'object' && !Array.isArray(data);
  if (catalogue && !catalogue.builtIn) {
    app.folder.depend(catalogue.path);
    for (const stage of catalogue.stageSchemas) app.folder.depend(join(dirname(catalogue.path), stage.file));
  }
  const level = field(data, 'application', 'level');
  return {
    loaded,
    data: usable ? data : undefined,
    findings,
    usable,
    schemaValid: !findings.some((f) => f.severity === 'error' && (f.code === 'SCHEMA_VIOLATION' || f.code === 'YAML_SYNTAX')),
    ...(catalogue ? { catalogue } : {}),
    ...(isLevel(level) ? { level } : {}),
    renewal: field(data, 'application', 'renewal') === true,
    refs: evidenceRefs(usable ? data : undefined),
    referenced: referencedFiles(usable ? data : undefined),
    locate: loaded.locate,
  };
}
