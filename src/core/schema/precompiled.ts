import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { PRECOMPILED_VALIDATORS, SCHEMAS_DIR } from '../package-root.js';
import { requireLibrary } from './libraries.js';

/** The shipped schemas whose validators `npm run build` writes out as code. */
export const PRECOMPILED_SCHEMAS = [
  'application.schema.json',
  'catalogue.schema.json',
  'catalogue-stage.schema.json',
  'fee-table.schema.json',
  'questionnaire.schema.json',
  'self-assessment.schema.json',
];

interface Precompiled {
  digest: string;
  validators: Record<string, ValidateFunction>;
}

let loaded: Precompiled | null | undefined;

/**
 * A validator compiled at build time, or undefined when there is none for this schema or the
 * schemas changed since the build. Compiling the application schema at run time cost 170 ms of
 * every check; loading its compiled code costs about 12 ms.
 */
export function precompiledValidator(relativePath: string): ValidateFunction | undefined {
  if (loaded === undefined) loaded = load();
  return loaded?.validators[relativePath];
}

function load(): Precompiled | null {
  if (!existsSync(PRECOMPILED_VALIDATORS)) return null;
  const module = requireLibrary<Precompiled>(PRECOMPILED_VALIDATORS);
  return module.digest === schemasDigest() ? module : null;
}

/** Every .schema.json file under schemas/, in a stable order. */
export function shippedSchemaFiles(): string[] {
  return (readdirSync(SCHEMAS_DIR, { recursive: true }) as string[])
    .filter((name) => name.endsWith('.schema.json'))
    .map((name) => name.split('\\').join('/'))
    .sort();
}

/** What the compiled code was built from: a schema edited after the build is compiled afresh. */
export function schemasDigest(): string {
  const hash = createHash('sha256');
  for (const name of shippedSchemaFiles()) hash.update(`${name}\0`).update(readFileSync(join(SCHEMAS_DIR, name))).update('\0');
  return hash.digest('hex');
}
