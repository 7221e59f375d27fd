import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInCatalogueIds, loadCatalogue } from '../src/core/catalogue/load.js';
import { SCHEMAS_DIR } from '../src/core/package-root.js';
import { shippedValidator } from '../src/core/schema/ajv.js';

const read = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

// The loader trusts the built-in catalogues, so that listing criteria and a warm check need no Ajv.
describe.each(builtInCatalogueIds())('built-in catalogue %s', (id) => {
  const dir = join(SCHEMAS_DIR, 'catalogue', id);
  const manifest = read(join(dir, 'catalogue.json')) as { levels: Record<string, Record<string, string>> };

  it('fits the catalogue schema, and each stage file the stage schema', () => {
    const catalogue = shippedValidator('catalogue.schema.json');
    expect(catalogue(manifest), JSON.stringify(catalogue.errors)).toBe(true);
    const stage = shippedValidator('catalogue-stage.schema.json');
    for (const file of Object.values(manifest.levels).flatMap((stages) => Object.values(stages))) {
      expect(stage(read(join(dir, file))), `${file}: ${JSON.stringify(stage.errors)}`).toBe(true);
    }
  });

  it('loads with every stage schema and its criteria', () => {
    const catalogue = loadCatalogue(id);
    expect(catalogue.builtIn).toBe(true);
    expect(catalogue.stageSchemas.length).toBe(Object.keys(manifest.levels).length * 5);
    expect(catalogue.criteria.length).toBeGreaterThan(0);
  });
});
