import type { EvidenceRef } from '../application/evidence-refs.js';
import type { ApplicationFolder } from '../application/folder.js';
import type { Locate } from '../application/locate.js';
import type { ApplicationData } from '../application/types.js';
import type { Catalogue } from '../catalogue/types.js';
import type { Clock } from '../check/clock.js';
import type { Level } from '../domain.js';
import type { Finding } from '../findings.js';

/**
 * What every rule may look at. `data` follows the schema only when `schemaValid` is true. A rule
 * reaches the disk only through `files`, and the time only through `clock`: both record what the
 * rule read, which is what a kept result rests on.
 */
export interface RuleContext {
  data: ApplicationData;
  /** svmc.yaml's text. */
  text: string;
  /** Evidence items that name a file, with where they sit. */
  refs: EvidenceRef[];
  level?: Level;
  renewal: boolean;
  catalogue?: Catalogue;
  clock: Clock;
  locate: Locate;
  files: ApplicationFolder;
  /** No YAML_SYNTAX or SCHEMA_VIOLATION error was found. */
  schemaValid: boolean;
  /** Only the files svmc.yaml names count, as in a pack: the others are not looked at. */
  asPacked?: boolean;
}

/** A rule never throws for a user's mistake: it returns findings. */
export type Rule = (context: RuleContext) => Finding[] | Promise<Finding[]>;
