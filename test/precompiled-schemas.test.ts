import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SCHEMA_BASE, createAjv } from '../src/core/schema/ajv.js';
import { PRECOMPILED_SCHEMAS, precompiledValidator, shippedSchemaFiles } from '../src/core/schema/precompiled.js';

function compiledNow(name: string) {
  const ajv = createAjv();
  for (const file of shippedSchemaFiles()) ajv.addSchema(JSON.parse(readFileSync(join('schemas', file), 'utf8')), SCHEMA_BASE + file, undefined, false);
  return ajv.getSchema(SCHEMA_BASE + name)!;
}

function applications(): unknown[] {
  const found: unknown[] = [];
  for (const top of ['examples', 'test/fixtures']) {
    for (const name of readdirSync(top, { recursive: true }) as string[]) {
      if (!name.endsWith('svmc.yaml')) continue;
      try {
        found.push(parse(readFileSync(join(top, name), 'utf8')));
      } catch {
        // A fixture that is not YAML has nothing to validate.
      }
    }
  }
  return found;
}

describe('validators compiled at build time', () => {
  it.each(PRECOMPILED_SCHEMAS)('exist for %s, built from the schemas as they are', (name) => {
    expect(precompiledValidator(name)).toBeTypeOf('function');
  });

  it('report exactly what a validator compiled now reports, on every shipped application', () => {
    const fresh = compiledNow('application.schema.json');
    const built = precompiledValidator('application.schema.json')!;
    const cases = applications();
    expect(cases.length).toBeGreaterThan(20);
    let invalid = 0;
    for (const data of cases) {
      const verdict = fresh(data);
      if (!verdict) invalid += 1;
      expect(built(data)).toBe(verdict);
      expect(built.errors ?? null).toEqual(fresh.errors ?? null);
    }
    expect(invalid).toBeGreaterThan(3);
  });
});
