import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { STAGES, isLevel, type Level, type Stage } from '../domain.js';
import { SCHEMAS_DIR } from '../package-root.js';
import { SCHEMA_BASE, getAjv, shippedValidator, type ErrorObject } from '../schema/ajv.js';
import type { Catalogue, Criterion, StageSchemaRef } from './types.js';

export const DEFAULT_CATALOGUE_ID = 'svmc-derived-2020.2';

const BUILT_IN_DIR = join(SCHEMAS_DIR, 'catalogue');

/** A catalogue that cannot be read or does not have the catalogue's shape. */
export class CatalogueError extends Error {
  override name = 'CatalogueError';
}

export function builtInCatalogueIds(): string[] {
  return readdirSync(BUILT_IN_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(BUILT_IN_DIR, entry.name, 'catalogue.json')))
    .map((entry) => entry.name)
    .sort();
}

const cache = new Map<string, Catalogue>();

/**
 * Loads a catalogue by built-in id, or by a path (relative to `baseDir`) to a catalogue file.
 * Stage schemas are registered in the shared Ajv instance so `check` validates against them.
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
  assertValid(shippedValidator('catalogue.schema.json'), manifest, path);

  const ajv = getAjv();
  const criteria: Criterion[] = [];
  const stageSchemas: StageSchemaRef[] = [];
  const keyBase = builtIn ? `${SCHEMA_BASE}catalogue/${manifest.id}/` : pathToFileURL(dirname(path)).href + '/';
  for (const [levelText, stages] of Object.entries(manifest.levels)) {
    const level = Number(levelText) as Level;
    for (const stage of STAGES) {
      const file = stages[stage];
      const stagePath = isAbsolute(file) ? file : join(dirname(path), file);
      const schema = readData(stagePath) as StageSchema;
      assertValid(shippedValidator('catalogue-stage.schema.json'), schema, stagePath);
      if (schema['x-svmc-level'] !== level || schema['x-svmc-stage'] !== stage) {
        throw new CatalogueError(`${stagePath}: declares level ${schema['x-svmc-level']} ${schema['x-svmc-stage']}, but the catalogue lists it as level ${level} ${stage}`);
      }
      const key = new URL(file, keyBase).href;
      if (!ajv.getSchema(key)) ajv.addSchema(schema, key);
      stageSchemas.push({ level, stage, key, file });
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
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CatalogueError(`cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
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
export function compareCriteria(a: Criterion, b: Criterion): number {
  return (
    a.level - b.level ||
    STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) ||
    Number(a.id.split('.')[2]) - Number(b.id.split('.')[2])
  );
}

export function criteriaFor(catalogue: Catalogue, level: Level, stage?: Stage): Criterion[] {
  return catalogue.criteria.filter((c) => c.level === level && (stage === undefined || c.stage === stage));
}
