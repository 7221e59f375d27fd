import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { SCHEMAS_DIR } from '../package-root.js';
import { requireLibrary } from './libraries.js';
import { precompiledValidator } from './precompiled.js';

/** Schemas shipped in schemas/ are registered under this base, so their relative $refs resolve. */
export const SCHEMA_BASE = 'https://svmc.invalid/schemas/';

/** Annotation keywords the catalogue uses; they never affect validation. */
const CATALOGUE_KEYWORDS = ['x-svmc-level', 'x-svmc-stage', 'x-svmc-evidence', 'x-svmc-basis'];

let instance: Ajv2020 | undefined;

/** An Ajv as svmc validates with; with `source`, one whose validators can be written out as code. */
export function createAjv(options: { source?: boolean } = {}): Ajv2020 {
  const { Ajv2020 } = requireLibrary<{ Ajv2020: new (options: object) => Ajv2020 }>('ajv/dist/2020.js');
  const addFormats = requireLibrary<{ default: (ajv: Ajv2020) => Ajv2020 }>('ajv-formats').default;
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, ...(options.source ? { code: { source: true } } : {}) });
  addFormats(ajv);
  for (const keyword of CATALOGUE_KEYWORDS) ajv.addKeyword({ keyword });
  return ajv;
}

/**
 * The one Ajv instance: created on first use, every schema compiled once. Ajv is required here,
 * not imported, so commands and runs that validate nothing never load it.
 */
export function getAjv(): Ajv2020 {
  instance ??= createAjv();
  return instance;
}

/**
 * Compiles a file of schemas/ (path relative to it), loading whatever it refers to. Shipped schemas
 * are not checked against the meta-schema at run time (a test does that): compiling the meta-schema
 * would cost more than the validation itself.
 */
export function shippedValidator(relativePath: string): ValidateFunction {
  const compiled = precompiledValidator(relativePath);
  if (compiled) return compiled;
  const ajv = getAjv();
  const key = SCHEMA_BASE + relativePath;
  const existing = ajv.getSchema(key);
  if (existing) return existing;
  addShippedSchema(readShippedSchema(relativePath), key);
  for (const ref of shippedRefs(relativePath)) addShippedSchema(readShippedSchema(ref), SCHEMA_BASE + ref);
  const validate = ajv.getSchema(key);
  if (!validate) throw new Error(`schema ${relativePath} did not compile`);
  return validate;
}

/** Registers a schema that ships with svmc (once), trusting it to be a valid schema. */
export function addShippedSchema(schema: Record<string, unknown>, key: string): void {
  const ajv = getAjv();
  if (ajv.schemas[key] === undefined && ajv.refs[key] === undefined) ajv.addSchema(schema, key, undefined, false);
}

export function readShippedSchema(relativePath: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SCHEMAS_DIR, relativePath), 'utf8')) as Record<string, unknown>;
}

/** Relative $refs to other shipped files, found transitively, so Ajv can resolve them offline. */
function shippedRefs(relativePath: string, seen = new Set<string>()): string[] {
  const schema = readShippedSchema(relativePath);
  const base = new URL(relativePath, SCHEMA_BASE);
  for (const ref of collectRefs(schema)) {
    const target = new URL(ref, base);
    target.hash = '';
    const rel = target.href.startsWith(SCHEMA_BASE) ? target.href.slice(SCHEMA_BASE.length) : undefined;
    if (rel && rel !== relativePath && !seen.has(rel)) {
      seen.add(rel);
      shippedRefs(rel, seen);
    }
  }
  return [...seen];
}

function collectRefs(node: unknown, refs: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) collectRefs(item, refs);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) refs.push(value);
      else collectRefs(value, refs);
    }
  }
  return refs;
}

export type { ErrorObject, ValidateFunction };
