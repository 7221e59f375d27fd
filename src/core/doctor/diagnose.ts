import { realpathSync } from 'node:fs';
import { SVMC_PACKAGE_ROOT } from '../package-root.js';
import { inspectSchemaLine, type SchemaLine } from './schema-line.js';
import { findTools, type ToolPresence } from './tools.js';

/** The oldest Node.js svmc supports, as package.json's engines says. */
const NODE_MINIMUM = [20, 19] as const;

export interface Diagnosis {
  svmc: { version: string; installedAt: string };
  node: { version: string; path: string; supported: boolean };
  schema: SchemaLine;
  tools: ToolPresence[];
  /** False when the `$schema` line does not lead to a current schema file. */
  ok: boolean;
}

/** Statuses of the `$schema` line that leave the editor without svmc's current schema. */
export const FAILING_SCHEMA_STATUSES = new Set<SchemaLine['status']>(['outdated', 'missing', 'unresolvable']);

export function diagnose(dir: string, version: string): Diagnosis {
  const schema = inspectSchemaLine(dir, version);
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const supported = major > NODE_MINIMUM[0] || (major === NODE_MINIMUM[0] && minor >= NODE_MINIMUM[1]);
  return {
    svmc: { version, installedAt: realpathSync(SVMC_PACKAGE_ROOT) },
    node: { version: process.versions.node, path: process.execPath, supported },
    schema,
    tools: findTools(),
    ok: supported && !FAILING_SCHEMA_STATUSES.has(schema.status),
  };
}
