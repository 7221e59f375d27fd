import type { ApplicationResult, CheckResult } from '../core/check/types.js';
import type { Finding, Severity } from '../core/findings.js';
import { messageOf, total } from './group.js';
import { plural } from './words.js';
import { reportPath } from './paths.js';
import type { ReportOptions } from './types.js';

/** More annotations than this only bury the first ones; the rest are counted in a notice. */
export const ANNOTATION_CAP = 50;

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Escaping of a workflow command's message, as @actions/core does it. */
export function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escaping of a workflow command's property value. */
export function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** GitHub Actions workflow commands: one annotation per finding, errors first, capped; then a summary line. */
export function renderGithub(result: CheckResult, options: ReportOptions): string {
  const all = result.applications.flatMap((app) => app.findings.map((f) => ({ app, f })));
  // Errors first (a stable sort), so the cap never hides an error behind a warning.
  const ordered = all.sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity]);
  const lines = ordered.slice(0, ANNOTATION_CAP).map(({ app, f }) => annotation(app, f, options));
  const hidden = ordered.length - ANNOTATION_CAP;
  if (hidden > 0) {
    const notice = `${plural(hidden, 'more finding')} not shown as annotations: run svmc check locally to see them all.`;
    lines.push(`::warning title=svmc::${escapeData(notice)}`);
  }
  const errors = total(result, 'errors');
  const warnings = total(result, 'warnings');
  const checked = plural(result.applications.length, 'application');
  lines.push(`svmc: ${checked} checked, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return `${lines.join('\n')}\n`;
}

function annotation(app: ApplicationResult, f: Finding, options: ReportOptions): string {
  const properties: string[] = [];
  let message = messageOf(f);
  if (f.location) {
    properties.push(`file=${escapeProperty(reportPath(app.dir, f.location.file, options.cwd))}`);
    if (f.location.line !== undefined) properties.push(`line=${f.location.line}`);
    if (f.location.col !== undefined) properties.push(`col=${f.location.col}`);
  } else {
    const dir = reportPath(app.dir, undefined, options.cwd);
    if (dir !== '.') message = `${dir}: ${message}`;
  }
  properties.push(`title=${escapeProperty(f.code)}`);
  return `::${COMMAND[f.severity]} ${properties.join(',')}::${escapeData(message)}`;
}
