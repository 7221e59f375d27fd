import type { ApplicationResult, CheckResult } from '../core/check/types.js';
import { STAGES, STAGE_TITLES } from '../core/domain.js';
import type { Finding } from '../core/findings.js';
import { levelSuffix, messageOf, stageProgress, total } from './group.js';
import { plural } from './words.js';
import { formatLocation } from './paths.js';

/** Findings listed per application and severity; the full list is one `svmc check` away. */
const LIST_CAP = 50;

/** Markdown for $GITHUB_STEP_SUMMARY: per application, required criteria met per stage and the problems. */
export function renderMarkdownSummary(result: CheckResult): string {
  const errors = total(result, 'errors');
  const warnings = total(result, 'warnings');
  const mark = errors > 0 ? '❌' : '✅';
  const checked = plural(result.applications.length, 'application');
  const lines = ['## svmc check', '', `${mark} ${checked} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`];
  for (const app of result.applications) lines.push('', ...applicationSection(app));
  return `${lines.join('\n')}\n`;
}

function applicationSection(app: ApplicationResult): string[] {
  const lines = [`### ${escapeMarkdown(app.dir)}${levelSuffix(app)}`, ''];
  if (app.criteria.length > 0) {
    lines.push('| Stage | Met | Required | |', '|---|--:|--:|:-:|');
    for (const stage of STAGES) {
      const { met, required } = stageProgress(app.criteria, stage);
      lines.push(`| ${STAGE_TITLES[stage]} | ${met} | ${required} | ${met === required ? '✅' : '❌'} |`);
    }
    const { met, required } = app.summary.criteria;
    lines.push(`| **Total** | **${met}** | **${required}** | ${met === required ? '✅' : '❌'} |`, '');
  }
  const { errors, warnings } = app.summary;
  lines.push(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  lines.push(...findingList('Errors', app.findings.filter((f) => f.severity === 'error')));
  lines.push(...findingList('Warnings', app.findings.filter((f) => f.severity === 'warning')));
  return lines;
}

function findingList(heading: string, findings: Finding[]): string[] {
  if (findings.length === 0) return [];
  const items = findings.slice(0, LIST_CAP).map((f) => {
    const where = f.location ? `${escapeMarkdown(formatLocation('.', f.location))} ` : '';
    return `- ${where}\`${f.code}\` ${escapeMarkdown(messageOf(f))}`;
  });
  const hidden = findings.length - LIST_CAP;
  if (hidden > 0) items.push(`- … and ${hidden} more: run \`svmc check\` locally to see them all`);
  return ['', `**${heading}**`, '', ...items];
}

/** User text shown literally: no markup, no HTML, one line. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[\\`*_[\]|~#<>!]/g, '\\$&')
    .replace(/&/g, '&amp;');
}
