import type { Diagnosis } from '../core/doctor/diagnose.js';
import type { SchemaLine } from '../core/doctor/schema-line.js';
import { SCHEMA_COPY_NAME } from '../core/schema/schema-copy.js';

export function renderDoctorJson(diagnosis: Diagnosis, toolVersion: string): string {
  const { schema, tools, ...rest } = diagnosis;
  const report = {
    schemaVersion: 1,
    tool: { name: 'svmc', version: toolVersion },
    ...rest,
    schema,
    tools: tools.map((tool) => ({ ...tool, present: tool.path !== undefined })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** One plain line per thing looked at, and what to do where something is wrong. */
export function renderDoctorText(diagnosis: Diagnosis, shownDir: string): string {
  const { svmc, node, schema, tools } = diagnosis;
  const width = Math.max(...tools.map((tool) => tool.name.length));
  const lines = [
    `svmc ${svmc.version}, installed at ${svmc.installedAt}`,
    `Node.js ${node.version} at ${node.path}${node.supported ? '' : ': svmc needs Node.js 20.19 or later, install a newer one'}`,
    schemaLine(schema, shownDir),
    'Optional tools (svmc needs none of them):',
    ...tools.map((tool) => `  ${tool.name.padEnd(width)}  ${tool.path ?? 'not found'}: ${tool.purpose}`),
  ];
  return `${lines.join('\n')}\n`;
}

const LINE = `# yaml-language-server: $schema=${SCHEMA_COPY_NAME}`;
function schemaLine(schema: SchemaLine, shownDir: string): string {
  const POINT_AT_COPY =
    `${schema.copyCurrent ? `${SCHEMA_COPY_NAME} is ready beside svmc.yaml: make` : `run "svmc doctor --fix" to write ${SCHEMA_COPY_NAME} beside svmc.yaml, and make`} ` +
    `the first line "${LINE}" (svmc.yaml changes, so sign-offs already given go stale)`;
  const where = `$schema line of ${shownDir === '.' ? 'svmc.yaml' : `${shownDir}/svmc.yaml`}`;
  switch (schema.status) {
    case 'no-application':
      return `No svmc.yaml in ${shownDir}: no $schema line to look at`;
    case 'no-line':
      return `The ${where}: there is none, so editors do not complete criterion ids; ${POINT_AT_COPY}`;
    case 'current':
      return `The ${where} names ${schema.target}, svmc's current schema, beside it`;
    case 'resolves':
      return `The ${where} names ${schema.target}, which exists (${schema.resolved})`;
    case 'outdated':
      return `The ${where} names ${schema.target}, a copy from another svmc: run "svmc doctor --fix" to bring it up to date`;
    case 'missing':
      return schema.target === SCHEMA_COPY_NAME
        ? `The ${where} names ${schema.target}, which does not exist: run "svmc doctor --fix" to write it`
        : `The ${where} names ${schema.target}, which does not exist (${schema.resolved}): ${POINT_AT_COPY}`;
    case 'unresolvable':
      return `The ${where} names ${schema.target}, where svmc has never been published, so it does not resolve: ${POINT_AT_COPY}`;
    case 'online':
      return `The ${where} names ${schema.target}, on the web: an editor that is online may fetch it; to work offline, ${POINT_AT_COPY}`;
  }
}
