import type { ApplicationResult, CheckResult } from '../core/check/types.js';
import { FINDING_CODES, type Finding, type FindingCode, type Severity } from '../core/findings.js';
import { plainText } from './code-docs.js';
import { messageOf } from './group.js';
import { reportPath, toUriReference } from './paths.js';
import type { ReportOptions } from './types.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const CODES = Object.keys(FINDING_CODES) as FindingCode[];

/** SARIF 2.1.0 log with one run; rule ids are finding codes, locations relative to `options.cwd`. */
export function renderSarif(result: CheckResult, options: ReportOptions): string {
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'svmc',
            version: options.toolVersion,
            rules: CODES.map(rule),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: result.applications.flatMap((app) => app.findings.map((f) => toResult(app, f, options))),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function rule(code: FindingCode) {
  const { title, severity, description, help } = FINDING_CODES[code];
  return {
    id: code,
    name: code
      .toLowerCase()
      .split('_')
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join(''),
    shortDescription: { text: title },
    fullDescription: { text: plainText(description) },
    help: { text: plainText(help), markdown: `${description}\n\n${help}` },
    defaultConfiguration: { level: LEVEL[severity] },
  };
}

function toResult(app: ApplicationResult, f: Finding, options: ReportOptions) {
  // Code scanning needs a location on every result; a finding about the whole application
  // points at the application's svmc.yaml, where it is declared; a folder not checked, at itself.
  const whole = f.code === 'FOLDER_NOT_CHECKED' ? undefined : 'svmc.yaml';
  const path = reportPath(app.dir, f.location?.file ?? whole, options.cwd);
  const uri = toUriReference(path);
  const relative = !uri.startsWith('/') && !uri.startsWith('file:');
  const region = regionOf(f);
  return {
    ruleId: f.code,
    ruleIndex: CODES.indexOf(f.code),
    level: LEVEL[f.severity],
    message: { text: messageOf(f) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: relative ? { uri, uriBaseId: '%SRCROOT%' } : { uri },
          ...(region && { region }),
        },
      },
    ],
    properties: { application: app.dir, ...(f.criterion === undefined ? {} : { criterion: f.criterion }) },
  };
}

function regionOf({ location }: Finding): { startLine: number; startColumn?: number } | undefined {
  if (location?.line === undefined) return undefined;
  return location.col === undefined ? { startLine: location.line } : { startLine: location.line, startColumn: location.col };
}
