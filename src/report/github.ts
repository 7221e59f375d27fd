import type { ApplicationResult, CheckResult } from '../core/check/types.js';
import type { Finding, Severity } from '../core/findings.js';
import { messageOf, total } from './group.js';
import { plural } from './words.js';
import { reportPath } from './paths.js';
import type { ReportOptions } from './types.js';

/** GitHub shows at most this many annotations of each level per step, and drops the rest unseen. */
export const ANNOTATIONS_PER_LEVEL = 10;

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };
const LEVELS: Severity[] = ['error', 'warning', 'info'];

/** Escaping of a workflow command's message, as @actions/core does it. */
export function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escaping of a workflow command's property value. */
export function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * GitHub Actions workflow commands: errors, then warnings, then notes, up to GitHub's cap of each;
 * when any are left out, one notice (itself within the notices' cap) counts them and points at the
 * job summary, which lists them all. Then a summary line.
 */
export function renderGithub(result: CheckResult, options: ReportOptions): string {
  const all = result.applications.flatMap((app) => app.findings.map((f) => ({ app, f })));
  const byLevel = LEVELS.map((level) => all.filter(({ f }) => f.severity === level));
  const overflows = byLevel.some((list) => list.length > ANNOTATIONS_PER_LEVEL);
  // The counting notice takes the last notice's place, so notices stay within their cap too.
  const shown = byLevel.flatMap((list, i) => list.slice(0, i === 2 && overflows ? ANNOTATIONS_PER_LEVEL - 1 : ANNOTATIONS_PER_LEVEL));
  const lines = shown.map(({ app, f }) => annotation(app, f, options));
  const hidden = all.length - shown.length;
  if (hidden > 0) {
    const notice = `${plural(hidden, 'more finding')} not shown as annotations: the job summary lists them all, as does svmc check run locally.`;
    lines.push(`::notice title=svmc::${escapeData(notice)}`);
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
