import { createHash } from 'node:crypto';
import { realpath, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readParsedDocument, writeParsedDocument } from '../cache/parsed-document.js';
import type { Catalogue } from '../catalogue/types.js';
import { isLevel, type Level } from '../domain.js';
import type { Finding } from '../findings.js';
import { SVMC_VERSION } from '../package-root.js';
import { evidenceRefs, field, type EvidenceRef } from './evidence-refs.js';
import { ApplicationFolder } from './folder.js';
import { lazyApplication, parseApplication, readApplication, type LoadedApplication } from './load.js';
import type { Locate } from './locate.js';
import { buildLocationTable } from './location-table.js';
import { openCatalogue } from './open-catalogue.js';
import type { TextResult } from './read-text.js';
import { referencedFiles } from './referenced-files.js';
import type { ApplicationData } from './types.js';

/**
 * An application folder, opened once: svmc.yaml read, the folder's real path found, its files
 * reachable through one door. Every command that works on a folder takes this value, and nothing
 * below reads svmc.yaml again.
 */
export interface Application {
  /** The folder as the user named it. */
  dir: string;
  /** Its real path. */
  root: string;
  /** Absolute path of svmc.yaml. */
  file: string;
  /** svmc.yaml's text, or the finding that says why it is not usable text. */
  read: TextResult;
  /**
   * This text in this very file: its hash with the inode and change time, which no one can know
   * before the file exists, so caches that come with a copied or checked-out folder never match.
   */
  key?: string;
  folder: ApplicationFolder;
  /** svmc.yaml parsed, validated and located, worked out on first use (a kept check result needs none of it). */
  document(): Promise<ApplicationDocument>;
}

/** svmc.yaml judged: what every rule and command reads of the application. */
export interface ApplicationDocument {
  loaded: LoadedApplication;
  /** The content; its shape follows the schema only when `schemaValid`. */
  data: ApplicationData | undefined;
  /** YAML, catalogue and schema findings. */
  findings: Finding[];
  /** svmc.yaml reads as a map, so the rules can judge it. */
  usable: boolean;
  /** No YAML_SYNTAX or SCHEMA_VIOLATION error. */
  schemaValid: boolean;
  catalogue?: Catalogue;
  level?: Level;
  renewal: boolean;
  /** Evidence items that name a file, with where they sit. */
  refs: EvidenceRef[];
  /** svmc.yaml and every file it names (evidence and the signed T&C), normalised, each once. */
  referenced: string[];
  locate: Locate;
}

/** Opens `dir`. Throws UsageError when the folder or its svmc.yaml is missing or unreadable. */
export async function openApplication(dir: string): Promise<Application> {
  const { file, read } = await readApplication(dir);
  const root = await realpath(dir);
  const [folder, key] = await Promise.all([ApplicationFolder.open(root), identity(file, read)]);
  let document: Promise<ApplicationDocument> | undefined;
  const app: Application = {
    dir,
    root,
    file,
    read,
    ...(key === undefined ? {} : { key }),
    folder,
    document: () => (document ??= judgeDocument(app)),
  };
  return app;
}

async function identity(file: string, read: TextResult): Promise<string | undefined> {
  if (read.text === undefined) return undefined;
  const { ino, ctimeMs } = await stat(file);
  const digest = createHash('sha256').update(`svmc ${SVMC_VERSION}\0`).update(read.text).digest('hex');
  return `${digest}-${ino}-${ctimeMs}`;
}

/** Parsed and validated against the schema and the catalogue; from the parsed-document cache when svmc.yaml is unchanged. */
async function judgeDocument(app: Application): Promise<ApplicationDocument> {
  const { dir, root, file, read, key } = app;
  const hit = key && read.text !== undefined ? await readParsedDocument(root, key) : undefined;
  if (hit && read.text !== undefined) {
    const loaded = lazyApplication(dir, file, read.text, hit.data as ApplicationData, [], hit.locations);
    const { catalogue } = openCatalogue(loaded.data, dir, loaded.locate);
    return described(app, loaded, hit.findings, catalogue);
  }
  const loaded = parseApplication(dir, file, read);
  if (loaded.findings.some((f) => f.severity === 'error')) return described(app, loaded, loaded.findings, undefined);
  // Ajv and the schema messages load only when something is to be validated.
  const { validateApplication } = await import('./validate.js');
  const opened = openCatalogue(loaded.data, dir, loaded.locate);
  const findings = [...loaded.findings, ...opened.findings, ...validateApplication(loaded.data, loaded.locate, opened.catalogue)];
  const judged = described(app, loaded, findings, opened.catalogue);
  // A catalogue of the user's own may change without svmc.yaml changing: only the built-in one is cached.
  if (key && judged.usable && opened.catalogue?.builtIn) {
    await writeParsedDocument(root, { key, data: loaded.data, findings, locations: buildLocationTable(loaded.data, loaded.locate) });
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
