import { existsSync, readdirSync } from 'node:fs';
import { FileReadError, READ_LIMITS, readRegularFileSync } from '../fs/read-file.js';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { STAGES, isLevel, type Level, type Stage } from '../domain.js';
import { SCHEMAS_DIR } from '../package-root.js';
import { SCHEMA_BASE, addShippedSchema, getAjv, shippedValidator, type ErrorObject } from '../schema/ajv.js';
import { yamlLibrary } from '../schema/libraries.js';
import type { Catalogue, Criterion, StageSchemaRef } from './types.js';

export const DEFAULT_CATALOGUE_ID = 'svmc-derived-2020.2';

const BUILT_IN_DIR = join(SCHEMAS_DIR, 'catalogue');

/** A catalogue that cannot be read or does not have the catalogue's shape. */
export class CatalogueError extends Error {
  override name = 'CatalogueError';
}

let builtInIds: string[] | undefined;

export function builtInCatalogueIds(): string[] {
  builtInIds ??= readdirSync(BUILT_IN_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(BUILT_IN_DIR, entry.name, 'catalogue.json')))
    .map((entry) => entry.name)
    .sort();
  return [...builtInIds];
}

const cache = new Map<string, Catalogue>();

/**
 * Loads a catalogue by built-in id, or by a path (relative to `baseDir`) to a catalogue file.
 * A catalogue of the user's own is validated, and its stage schemas registered in the shared Ajv
 * instance, at once; a built-in one is trusted (a test validates it) and reaches Ajv only when
 * something is validated against it (`registerStageSchemas`), so listing criteria needs no Ajv.
 */
export function loadCatalogue(ref: string = DEFAULT_CATALOGUE_ID, baseDir = process.cwd()): Catalogue {
  const builtIn = builtInCatalogueIds().includes(ref);
  const path = builtIn ? join(BUILT_IN_DIR, ref, 'catalogue.json') : resolve(baseDir, ref);
  const cached = cache.get(path);
  if (cached) return cached;
  const catalogue = readCatalogue(path, builtIn, ref);
  cache.set(path, catalogue);
  return catalogue;
}

function readCatalogue(path: string, builtIn: boolean, ref: string): Catalogue {
  if (!builtIn && !existsSync(path)) {
    const known = builtInCatalogueIds().join(', ');
    throw new CatalogueError(`catalogue "${ref}" is neither a built-in catalogue (${known}) nor a file`);
  }
  const manifest = readData(path) as {
    id: string;
    version: string;
    title: string;
    description?: string;
    derivedFrom?: string[];
    levels: Record<string, Record<Stage, string>>;
  };
  if (!builtIn) assertValid(shippedValidator('catalogue.schema.json'), manifest, path);

  const criteria: Criterion[] = [];
  const stageSchemas: StageSchemaRef[] = [];
  const keyBase = builtIn ? `${SCHEMA_BASE}catalogue/${manifest.id}/` : `${pathToFileURL(dirname(path)).href}/`;
  for (const [levelText, stages] of Object.entries(manifest.levels)) {
    const level = Number(levelText) as Level;
    for (const stage of STAGES) {
      const file = stages[stage];
      const stagePath = isAbsolute(file) ? file : join(dirname(path), file);
      const schema = readData(stagePath) as StageSchema;
      if (!builtIn) assertValid(shippedValidator('catalogue-stage.schema.json'), schema, stagePath);
      if (schema['x-svmc-level'] !== level || schema['x-svmc-stage'] !== stage) {
        throw new CatalogueError(`${stagePath}: declares level ${schema['x-svmc-level']} ${schema['x-svmc-stage']}, but the catalogue lists it as level ${level} ${stage}`);
      }
      const key = new URL(file, keyBase).href;
      const ref = { level, stage, key, file, schema: schema as unknown as Record<string, unknown> };
      if (!builtIn) registerStageSchema(ref, true);
      stageSchemas.push(ref);
      criteria.push(...criteriaOf(schema, level, stage, stagePath));
    }
  }
  return {
    id: manifest.id,
    version: manifest.version,
    title: manifest.title,
    ...(manifest.description === undefined ? {} : { description: manifest.description }),
    derivedFrom: manifest.derivedFrom ?? [],
    builtIn,
    path,
    criteria: criteria.sort(compareCriteria),
    stageSchemas,
  };
}

/** Makes the catalogue's stage schemas available to the shared Ajv instance under their keys. */
export function registerStageSchemas(catalogue: Catalogue): void {
  for (const ref of catalogue.stageSchemas) registerStageSchema(ref, !catalogue.builtIn);
}

/** A user's stage schema is checked against the meta-schema; a shipped one is trusted. */
function registerStageSchema(ref: StageSchemaRef, check: boolean): void {
  if (!check) {
    addShippedSchema(ref.schema, ref.key);
    return;
  }
  const ajv = getAjv();
  if (ajv.schemas[ref.key] !== undefined) return;
  try {
    ajv.addSchema(ref.schema, ref.key);
  } catch (error) {
    throw new CatalogueError(`${ref.file} is not a valid JSON Schema: ${(error as Error).message}`);
  }
}

interface StageSchema {
  'x-svmc-level': number;
  'x-svmc-stage': string;
  required: string[];
  properties: Record<string, { title: string; description: string; 'x-svmc-evidence': string[]; 'x-svmc-basis': string[] }>;
}

function criteriaOf(schema: StageSchema, level: Level, stage: Stage, stagePath: string): Criterion[] {
  return Object.entries(schema.properties).map(([id, property]) => {
    const expectedPrefix = `L${level}.`;
    if (!id.startsWith(expectedPrefix) || !isLevel(level)) {
      throw new CatalogueError(`${stagePath}: criterion ${id} does not belong to level ${level}`);
    }
    return {
      id,
      level,
      stage,
      title: property.title,
      description: property.description,
      evidence: property['x-svmc-evidence'],
      basis: property['x-svmc-basis'],
      required: schema.required.includes(id),
    };
  });
}

function readData(path: string): unknown {
  let text: string;
  try {
    text = readRegularFileSync(path, READ_LIMITS.document).toString('utf8');
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    throw new CatalogueError(error.reason === 'too-large' ? `${path} is far larger than a catalogue file can be` : error.message);
  }
  try {
    return path.endsWith('.json') ? JSON.parse(text) : yamlLibrary().parse(text);
  } catch (error) {
    throw new CatalogueError(`${path} is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message}`);
  }
}

function assertValid(validate: (data: unknown) => boolean, data: unknown, path: string): void {
  if (validate(data)) return;
  const errors = ((validate as { errors?: ErrorObject[] | null }).errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  throw new CatalogueError(`${path} is not a valid catalogue file: ${errors.join('; ')}`);
}

/** Catalogue order: level, then stage in cycle order, then criterion number. */
function compareCriteria(a: Criterion, b: Criterion): number {
  return (
    a.level - b.level ||
    STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) ||
    Number(a.id.split('.')[2]) - Number(b.id.split('.')[2])
  );
}
