import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applicationSchemaCopy } from '../src/core/schema/schema-copy.js';
import { ROOT } from './helpers/cli.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** An Ajv that knows no other schema: the copy must resolve every reference by itself, as an editor given only the file does. */
function compileAlone(schema: object) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv);
  for (const keyword of ['x-svmc-level', 'x-svmc-stage', 'x-svmc-evidence', 'x-svmc-basis']) ajv.addKeyword({ keyword });
  return ajv.compile(schema);
}

const refs = (text: string): string[] => [...text.matchAll(/"\$ref": "([^"]*)"/g)].map((match) => match[1]!);

describe('the schema copy beside svmc.yaml', () => {
  const copy = applicationSchemaCopy('1.2.3');
  const validate = compileAlone(JSON.parse(copy) as object);

  it('refers only to itself and says which svmc wrote it', () => {
    expect(refs(copy).length).toBeGreaterThan(15);
    for (const ref of refs(copy)) expect(ref).toMatch(/^#\/\$defs\//);
    expect(JSON.parse(copy).$comment).toMatch(/svmc 1\.2\.3.*svmc doctor --fix/);
  });

  it.each(['level-1', 'level-2', 'level-3'])('accepts the %s example, as the shipped schema does', (example) => {
    const data = parse(readFileSync(join(ROOT, 'examples', example, 'svmc.yaml'), 'utf8')) as Record<string, unknown>;
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it('judges the evidence of each level against that level’s criteria', () => {
    const data = parse(readFileSync(join(ROOT, 'examples/level-1/svmc.yaml'), 'utf8')) as { evidence: Record<string, Record<string, unknown>> };
    data.evidence.plan!['L9.PL.9'] = [{ file: 'evidence/plan/x.md' }];
    expect(validate(data)).toBe(false);
    expect(validate({ ...data, stray: true })).toBe(false);
  });
});
