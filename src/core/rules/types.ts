import type { EvidenceRef } from '../application/evidence-refs.js';
import type { LoadedApplication } from '../application/load.js';
import type { ApplicationData } from '../application/types.js';
import type { Catalogue } from '../catalogue/types.js';
import type { FileInspector } from '../check/file-inspector.js';
import type { Level } from '../domain.js';
import type { Finding } from '../findings.js';

/** What every rule may look at. `data` follows the schema only when `schemaValid` is true. */
export interface RuleContext {
  /** The folder as the user named it. */
  dir: string;
  data: ApplicationData;
  /** svmc.yaml's text. */
  text: string;
  /** Evidence items that name a file, with where they sit. */
  refs: EvidenceRef[];
  level?: Level;
  renewal: boolean;
  catalogue?: Catalogue;
  /** The clock: award expiry is judged against it. */
  now: Date;
  locate: LoadedApplication['locate'];
  files: FileInspector;
  /** No YAML_SYNTAX or SCHEMA_VIOLATION error was found. */
  schemaValid: boolean;
  skipSignoffs: boolean;
}

/** A rule never throws for a user's mistake: it returns findings. */
export type Rule = (context: RuleContext) => Finding[] | Promise<Finding[]>;
