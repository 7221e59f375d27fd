import type { ErrorObject } from '../schema/ajv.js';
import { didYouMean } from './suggest.js';

type Schema = Record<string, unknown>;

/** `/evidence/plan/L2.PL.1/0` → ['evidence', 'plan', 'L2.PL.1', 0]. */
export function pathOf(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** `evidence.plan.L2.PL.1[0].date`, or `svmc.yaml` for the top. */
function showPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'svmc.yaml';
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

const TYPE_WORDS: Record<string, string> = {
  object: 'a map of keys (key: value)',
  array: 'a list (lines starting with "- ")',
  string: 'text',
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number',
};

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return String(value);
}

/** A message for one Ajv error that says what is wrong and what to write instead. */
export function schemaMessage(error: ErrorObject): string {
  const path = pathOf(error.instancePath);
  const where = showPath(path);
  const parent = (error.parentSchema ?? {}) as Schema;
  const params = error.params as Record<string, unknown>;
  const hint = error.schemaPath.includes('/then/') && typeof parent.description === 'string' ? parent.description : undefined;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys((parent.properties ?? {}) as Schema).filter((k) => k !== '$schema');
      const suggestion = didYouMean(key, known);
      const allowed = known.length > 0 && !suggestion ? ` Allowed here: ${known.join(', ')}.` : '';
      return `Unknown key "${key}" in ${where}.${spaceAfterColon(key) || `${suggestion}${allowed} Fix the spelling or remove it.`}`;
    }
    case 'required': {
      const missing = String(params.missingProperty);
      if (hint) return hint;
      const property = ((parent.properties ?? {}) as Record<string, Schema>)[missing];
      const about = typeof property?.description === 'string' ? ` (${property.description})` : '';
      return `${where} is missing "${missing}": add it${about}.`;
    }
    case 'type':
      return `${where} must be ${TYPE_WORDS[String(params.type)] ?? String(params.type)}, not ${describe(error.data)}.${spaceAfterColon(error.data)}`;
    case 'enum':
      return `${where} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, not ${describe(error.data)}.`;
    case 'const':
      return hint ? `${where}: ${hint}` : `${where} must be ${JSON.stringify(params.allowedValue)}, not ${describe(error.data)}.`;
    case 'format':
      return formatMessage(where, String(params.format), error.data);
    case 'minItems':
      return `${where} is an empty list: add at least one evidence item (svmc map CRITERION FILE) or remove the key.`;
    case 'minLength':
      return `${where} is empty: write a value or remove the key.`;
    case 'minimum':
    case 'maximum':
      return path.at(-1) === 'vatRate'
        ? `${where} must be a fraction from 0 to 1 (0.2 for 20%), not ${describe(error.data)}.`
        : `${where} must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}, not ${describe(error.data)}.`;
    case 'pattern':
      if (path.at(-1) === 'discount') return `${where} must be a percentage such as "10%" or whole pence such as 7500 (for £75.00), not ${describe(error.data)}.`;
      return path.at(-1) === 'publicKey'
        ? `${where} is not a minisign public key (the base64 line of a .pub file, starting "RW"): run "svmc keygen --register" to record it.`
        : `${where} does not have the expected form (${String(params.pattern)}).`;
    default:
      return `${where} ${error.message ?? 'is not valid'}.`;
  }
}

/** YAML reads `level:2` as one piece of text; the writer meant `level: 2`. */
function spaceAfterColon(text: unknown): string {
  const match = typeof text === 'string' ? /^([A-Za-z][\w.-]*):([^\s:/].*)$/.exec(text) : null;
  return match && !/:\s/.test(text as string) ? ` Put a space after the colon: ${match[1]}: ${match[2]}.` : '';
}

function formatMessage(where: string, format: string, data: unknown): string {
  if (format === 'date') return `${where} must be a real date written YYYY-MM-DD (e.g. 2026-03-04), not ${describe(data)}.`;
  if (format === 'email') return `${where} must be an email address, not ${describe(data)}.`;
  return `${where} must be a valid ${format}.`;
}
