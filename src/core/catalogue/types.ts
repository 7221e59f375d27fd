import type { Level, Stage } from '../domain.js';

export interface Criterion {
  id: string;
  level: Level;
  stage: Stage;
  title: string;
  description: string;
  /** Kinds of evidence that suit the criterion. */
  evidence: string[];
  /** Principles, impact questions or stage it rests on. */
  basis: string[];
  required: boolean;
}

export interface StageSchemaRef {
  level: Level;
  stage: Stage;
  /** Ajv key the stage schema is registered under. */
  key: string;
  /** Path of the stage file relative to the catalogue file, as written in it. */
  file: string;
  /** The stage schema itself, registered in Ajv only when something is validated against it. */
  schema: Record<string, unknown>;
}

export interface Catalogue {
  id: string;
  version: string;
  title: string;
  description?: string;
  derivedFrom: string[];
  /** True for a catalogue that ships with svmc. */
  builtIn: boolean;
  /** Absolute path of the catalogue file. */
  path: string;
  criteria: Criterion[];
  stageSchemas: StageSchemaRef[];
}
