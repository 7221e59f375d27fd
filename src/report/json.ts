import type { ApplicationResult, CheckResult } from '../core/check/types.js';
import type { Finding, FindingCode, Severity } from '../core/findings.js';
import type { Level } from '../core/domain.js';
import type { ReportOptions } from './types.js';

/** The shape fixed by schemas/report.schema.json. Never change a field's meaning. */
export interface JsonReport {
  schemaVersion: 1;
  tool: { name: 'svmc'; version: string };
  /** `preparation` with `--preparing` (sign-offs still to come are notes), else `submission`. */
  mode: 'preparation' | 'submission';
  applications: JsonApplication[];
}

export interface JsonApplication {
  dir: string;
  level?: Level;
  summary: ApplicationResult['summary'];
  findings: JsonFinding[];
}

export interface JsonFinding {
  code: FindingCode;
  severity: Severity;
  message: string;
  criterion?: string;
  file?: string;
  line?: number;
  col?: number;
}

export function renderJson(result: CheckResult, options: ReportOptions): string {
  const report: JsonReport = {
    schemaVersion: 1,
    tool: { name: 'svmc', version: options.toolVersion },
    mode: options.preparing ? 'preparation' : 'submission',
    applications: result.applications.map(toJsonApplication),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function toJsonApplication(app: ApplicationResult): JsonApplication {
  const { errors, warnings, criteria } = app.summary;
  return {
    dir: app.dir,
    ...(app.level === undefined ? {} : { level: app.level }),
    summary: { errors, warnings, criteria: { required: criteria.required, met: criteria.met } },
    findings: app.findings.map(toJsonFinding),
  };
}

export function toJsonFinding(f: Finding): JsonFinding {
  const out: JsonFinding = { code: f.code, severity: f.severity, message: f.message };
  if (f.criterion !== undefined) out.criterion = f.criterion;
  if (f.location) {
    out.file = f.location.file;
    if (f.location.line !== undefined) {
      out.line = f.location.line;
      if (f.location.col !== undefined) out.col = f.location.col;
    }
  }
  return out;
}
