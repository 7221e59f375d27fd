// Run by `npm run build` after tsc: writes the shipped schemas' validators as code
// (dist/schema-validators.cjs), so a check loads them instead of compiling them.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PRECOMPILED_VALIDATORS, SCHEMAS_DIR } from '../package-root.js';
import { SCHEMA_BASE, createAjv } from './ajv.js';
import { PRECOMPILED_SCHEMAS, schemasDigest, shippedSchemaFiles } from './precompiled.js';

type StandaloneCode = (ajv: ReturnType<typeof createAjv>, refs: Record<string, string>) => string;
const standaloneCode = (createRequire(import.meta.url)('ajv/dist/standalone') as { default: StandaloneCode }).default;

const ajv = createAjv({ source: true });
for (const name of shippedSchemaFiles()) ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS_DIR, name), 'utf8')) as object, SCHEMA_BASE + name, undefined, false);
const exported = Object.fromEntries(PRECOMPILED_SCHEMAS.map((name, i) => [`v${i}`, SCHEMA_BASE + name]));
const table = PRECOMPILED_SCHEMAS.map((name, i) => `${JSON.stringify(name)}: exports.v${i}`).join(', ');
const code = `${standaloneCode(ajv, exported)}\nexports.validators = { ${table} };\nexports.digest = ${JSON.stringify(schemasDigest())};\n`;
writeFileSync(PRECOMPILED_VALIDATORS, code);
