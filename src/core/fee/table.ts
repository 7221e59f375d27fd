import { readFileSync } from 'node:fs';
import { FileReadError, READ_LIMITS, readRegularFileSync } from '../fs/read-file.js';
import { join, resolve } from 'node:path';
import type { Level, Size } from '../domain.js';
import { UsageError } from '../errors.js';
import { SCHEMAS_DIR } from '../package-root.js';
import { shippedValidator, type ErrorObject } from '../schema/ajv.js';
import { yamlLibrary } from '../schema/libraries.js';

type FeeColumn = `${Level}` | 'renewal';

/** The shape fixed by schemas/fee-table.schema.json; amounts are integer pence, exclusive of VAT. */
export interface FeeTable {
  title?: string;
  source?: string;
  validFrom?: string;
  currency: 'GBP';
  exclusiveOfVat: true;
  feesPence: Record<Size, Record<FeeColumn, number>>;
}

const BUILT_IN_FEE_TABLE = join(SCHEMAS_DIR, 'fee-table.json');

let builtIn: FeeTable | undefined;

/**
 * The fees published in the certificate's guidance. The shipped table is checked against its
 * schema by the tests, so it is not validated again on every run (that would compile Ajv).
 */
export function builtInFeeTable(): FeeTable {
  builtIn ??= JSON.parse(readFileSync(BUILT_IN_FEE_TABLE, 'utf8')) as FeeTable;
  return builtIn;
}

/** Reads and validates a fee table (JSON, or YAML for any other extension). */
export function readFeeTable(path: string, baseDir = process.cwd()): FeeTable {
  const full = resolve(baseDir, path);
  let text: string;
  try {
    text = readRegularFileSync(full, READ_LIMITS.document).toString('utf8');
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    throw new UsageError(`cannot read the fee table ${path}: ${error.reason === 'too-large' ? 'it is far too large to be a fee table' : `it ${error.detail}`}`);
  }
  let data: unknown;
  try {
    data = full.endsWith('.json') ? JSON.parse(text) : yamlLibrary().parse(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new UsageError(`the fee table ${path} is not valid ${full.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`);
  }
  const validate = shippedValidator('fee-table.schema.json');
  if (!validate(data)) {
    const reasons = (validate.errors ?? []).slice(0, 5).map(describe);
    throw new UsageError(`the fee table ${path} does not fit schemas/fee-table.schema.json: ${reasons.join('; ')}`);
  }
  return data as FeeTable;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the table' : error.instancePath;
  if (error.keyword === 'additionalProperties') {
    return `${where} has an unknown key "${String(error.params.additionalProperty)}"`;
  }
  if (error.keyword === 'const') return `${where} must be ${JSON.stringify(error.params.allowedValue)}`;
  return `${where} ${error.message ?? 'is invalid'}`;
}
