import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { SCHEMAS_DIR } from '../src/core/package-root.js';
import { pythonWith } from './helpers/tools.js';

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? jsonFiles(join(dir, entry.name)) : entry.name.endsWith('.json') ? [join(dir, entry.name)] : [],
  );
}

const files = jsonFiles(SCHEMAS_DIR).sort();
const schemaFiles = files.filter((file) => file.endsWith('.schema.json'));
/** Data files that name their schema by a relative path, e.g. fee-table.json → ./fee-table.schema.json. */
const dataFiles = files.filter((file) => {
  if (file.endsWith('.schema.json')) return false;
  const target = (JSON.parse(readFileSync(file, 'utf8')) as { $schema?: unknown }).$schema;
  return typeof target === 'string' && !/^https?:/.test(target);
});
const read = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const uri = (file: string): string => pathToFileURL(file).href;

describe('schemas in schemas/', () => {
  it('are found', () => {
    expect(schemaFiles.map((file) => relative(SCHEMAS_DIR, file))).toEqual(
      expect.arrayContaining(['application.schema.json', 'fee-table.schema.json', 'catalogue.schema.json']),
    );
  });

  // A fresh Ajv, not the application's instance: no custom keywords or formats registered.
  const fresh = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  for (const file of schemaFiles) fresh.addSchema(read(file), uri(file));

  it.each(schemaFiles.map((file) => [relative(SCHEMAS_DIR, file), file]))('%s compiles in an independent Ajv 2020-12 instance', (_, file) => {
    expect(() => fresh.getSchema(uri(file))).not.toThrow();
    expect(fresh.getSchema(uri(file))).toBeTypeOf('function');
  });

  it.each(dataFiles.map((file) => [relative(SCHEMAS_DIR, file), file]))('%s fits the schema it names', (_, file) => {
    const data = read(file);
    const validate = fresh.getSchema(new URL(data.$schema as string, uri(file)).href);
    expect(validate).toBeTypeOf('function');
    expect(validate?.(data), JSON.stringify(validate?.errors)).toBe(true);
  });
});

// Python's jsonschema is another implementation altogether. Its `referencing` registry came in
// 4.18; older releases, such as Debian 12's, resolve references with RefResolver.
const PYTHON_CHECK = `
import json, sys
from jsonschema import Draft202012Validator
files = json.loads(sys.stdin.read())
schemas = {}
for uri, path in files['schemas']:
    schema = json.load(open(path, encoding='utf-8'))
    Draft202012Validator.check_schema(schema)
    schemas[uri] = dict(schema, **{'$id': uri})
try:
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012
    registry = Registry().with_resources(
        (uri, Resource.from_contents(schema, default_specification=DRAFT202012)) for uri, schema in schemas.items())
    validator = lambda uri: Draft202012Validator(schemas[uri], registry=registry)
except ImportError:
    from jsonschema import RefResolver
    validator = lambda uri: Draft202012Validator(schemas[uri], resolver=RefResolver(uri, schemas[uri], store=schemas))
for uri, path, schema_uri in files['data']:
    validator(schema_uri).validate(json.load(open(path, encoding='utf-8')))
print('ok', len(schemas), len(files['data']))
`;
const python = pythonWith('jsonschema');

describe.runIf(python)('schemas in schemas/, checked by python-jsonschema', () => {
  it('are valid draft 2020-12 schemas, and the data files fit them', () => {
    const input = {
      schemas: schemaFiles.map((file) => [uri(file), file]),
      data: dataFiles.map((file) => [uri(file), file, new URL(read(file).$schema as string, uri(file)).href]),
    };
    const result = spawnSync(python ?? 'python3', ['-c', PYTHON_CHECK], { input: JSON.stringify(input), encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^ok /);
  });
});
