import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ApplicationResult, CheckResult } from '../core/check/types.js';
import { SVMC_REPOSITORY_URL } from '../core/package-root.js';
import { FINDING_CODES, type Finding, type FindingCode, type Severity } from '../core/findings.js';
import { plainText } from './code-docs.js';
import { messageOf } from './group.js';
import { reportPath, toUriReference } from './paths.js';
import type { ReportOptions } from './types.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const CODES = Object.keys(FINDING_CODES) as FindingCode[];
const SRCROOT = '%SRCROOT%';

const directoryUri = (path: string): string => `${pathToFileURL(path).href.replace(/\/$/, '')}/`;

/**
 * SARIF 2.1.0 log with one run; rule ids are finding codes, locations relative to the repository
 * root (else `options.cwd`) under the base id %SRCROOT%.
 */
export function renderSarif(result: CheckResult, options: ReportOptions): string {
  const base = options.repositoryRoot ?? options.cwd;
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'svmc',
            version: options.toolVersion,
            // Only an address that exists: without one, each rule's help carries the guidance.
            ...(SVMC_REPOSITORY_URL === undefined ? {} : { informationUri: SVMC_REPOSITORY_URL }),
            rules: CODES.map(rule),
          },
        },
        ...(base === undefined ? {} : { originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(base) } } }),
        ...(options.cwd === undefined
          ? {}
          : {
              invocations: [
                {
                  executionSuccessful: true,
                  ...(options.exitCode === undefined ? {} : { exitCode: options.exitCode }),
                  workingDirectory: { uri: directoryUri(options.cwd) },
                },
              ],
            }),
        columnKind: 'utf16CodeUnits',
        results: result.applications.flatMap((app) => app.findings.map((f) => toResult(app, f, options, base))),
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

function toResult(app: ApplicationResult, f: Finding, options: ReportOptions, base: string | undefined) {
  // Code scanning needs a location on every result; a finding about the whole application
  // points at the application's svmc.yaml, where it is declared; a folder not checked, at itself.
  const whole = f.code === 'FOLDER_NOT_CHECKED' ? undefined : 'svmc.yaml';
  const dir = options.cwd === undefined ? app.dir : resolve(options.cwd, app.dir);
  const path = reportPath(dir, f.location?.file ?? whole, base);
  const uri = toUriReference(path);
  const outside = uri.startsWith('..');
  const relative = !uri.startsWith('/') && !uri.startsWith('file:') && !outside;
  return {
    ruleId: f.code,
    ruleIndex: CODES.indexOf(f.code),
    level: LEVEL[f.severity],
    message: { text: messageOf(f) },
    locations: [
      {
        physicalLocation: {
          // A folder outside the repository is named by its absolute URI, never by `../`.
          artifactLocation: relative ? { uri, uriBaseId: SRCROOT } : { uri: outside && base ? pathToFileURL(resolve(base, path)).href : uri },
          region: regionOf(f),
        },
      },
    ],
    // Stable across runs and machines: the location as code scanning sees it, not the line.
    partialFingerprints: { 'svmcFinding/v1': fingerprint(f, uri) },
    properties: { application: app.dir, ...(f.criterion === undefined ? {} : { criterion: f.criterion }) },
  };
}

/** Code scanning needs a region on every result: a finding on a whole file points at its first line. */
function regionOf({ location }: Finding): { startLine: number; startColumn?: number } {
  if (location?.line === undefined) return { startLine: 1 };
  return location.col === undefined ? { startLine: location.line } : { startLine: location.line, startColumn: location.col };
}

function fingerprint(f: Finding, uri: string): string {
  return createHash('sha256').update([f.code, uri, f.criterion ?? '', f.message].join('\0')).digest('hex');
}
