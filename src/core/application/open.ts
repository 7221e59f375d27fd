import { createHash } from 'node:crypto';
import { realpath, stat } from 'node:fs/promises';
import type { Catalogue } from '../catalogue/types.js';
import type { Level } from '../domain.js';
import type { Finding } from '../findings.js';
import { SVMC_VERSION } from '../package-root.js';
import type { EvidenceRef } from './evidence-refs.js';
import { ApplicationFolder } from './folder.js';
import type { LoadedApplication } from './load.js';
import type { Locate } from './locate.js';
import { readApplication, type TextResult } from './read-text.js';
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

/**
 * Opens `dir`. Throws UsageError when the folder or its svmc.yaml is missing or unreadable.
 * `scanContents: false` leaves the files unread, for a folder whose content is already vouched for.
 */
export async function openApplication(dir: string, { scanContents = true } = {}): Promise<Application> {
  const { file, read } = await readApplication(dir);
  const root = await realpath(dir);
  const folder = new ApplicationFolder(root, scanContents);
  const key = await identity(file, read);
  let document: Promise<ApplicationDocument> | undefined;
  const app: Application = {
    dir,
    root,
    file,
    read,
    ...(key === undefined ? {} : { key }),
    folder,
    // Parsing, validating and the catalogue load only when the document is asked for.
    document: () => (document ??= import('./judge-document.js').then(({ judgeDocument }) => judgeDocument(app))),
  };
  return app;
}

async function identity(file: string, read: TextResult): Promise<string | undefined> {
  if (read.text === undefined) return undefined;
  const { ino, ctimeMs } = await stat(file);
  const digest = createHash('sha256').update(`svmc ${SVMC_VERSION}\0`).update(read.text).digest('hex');
  return `${digest}-${ino}-${ctimeMs}`;
}
