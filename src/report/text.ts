import { styleText } from 'node:util';
import type { ApplicationResult, CheckResult } from '../core/check/types.js';
import { STAGE_TITLES } from '../core/domain.js';
import type { Finding, Severity } from '../core/findings.js';
import { groupByStage, levelSuffix, messageOf, total } from './group.js';
import type { Paint, Style } from './paint.js';
import { plural } from './words.js';
import { formatLocation } from './paths.js';
import type { ReportOptions } from './types.js';


const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'blue' };

/** Human-readable report: per application, findings grouped by stage, then totals. */
export function renderText(result: CheckResult, options: ReportOptions): string {
  // validateStream: false keeps this pure: colour depends on the option, never on process.stdout.
  const paint: Paint = options.color
    ? (style, text) => styleText(style, text, { validateStream: false })
    : (_style, text) => text;
  const lines: string[] = [];
  for (const app of result.applications) {
    lines.push(...renderApplication(app, options, paint), '');
  }
  lines.push(totalLine(result, paint));
  return `${lines.join('\n')}\n`;
}

function renderApplication(app: ApplicationResult, options: ReportOptions, paint: Paint): string[] {
  const lines = [paint('bold', `${printable(app.dir)}${levelSuffix(app)}`)];
  for (const group of groupByStage(app)) {
    lines.push(`  ${paint('underline', group.stage === undefined ? 'Application' : STAGE_TITLES[group.stage])}`);
    for (const f of group.findings) lines.push(`    ${findingLine(app, f, options, paint)}`);
  }
  lines.push(`  ${summaryLine(app, paint)}`);
  return lines;
}

function findingLine(app: ApplicationResult, f: Finding, options: ReportOptions, paint: Paint): string {
  const where = f.location && formatLocation(app.dir, f.location, options.cwd);
  const message = printable(messageOf(f));
  const severity = paint(SEVERITY_STYLE[f.severity], f.severity.padEnd(7));
  return [where && paint('dim', printable(where)), severity, paint('dim', f.code), message].filter(Boolean).join('  ');
}

function summaryLine(app: ApplicationResult, paint: Paint): string {
  const { errors, warnings, criteria } = app.summary;
  const mark = errors > 0 ? paint('red', '✖') : paint('green', '✔');
  const problems =
    errors + warnings === 0 ? 'no problems' : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  const met = criteria.required > 0 ? ` · ${criteria.met}/${criteria.required} required criteria met` : '';
  return `${mark} ${problems}${met}`;
}

function totalLine(result: CheckResult, paint: Paint): string {
  const errors = total(result, 'errors');
  const warnings = total(result, 'warnings');
  const failed = result.applications.filter((app) => app.summary.errors > 0).length;
  const mark = errors > 0 ? paint('red', '✖') : paint('green', '✔');
  const apps = plural(result.applications.length, 'application');
  const outcome = errors > 0 ? `${failed} with errors` : 'all pass';
  return `${mark} ${apps} checked, ${outcome}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/** Messages and paths may hold user text: one line per finding, no terminal control codes. */
function printable(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ⏎ ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD');
}
