import type { ApplicationResult, CheckResult } from '../core/check/types.js';
import { STAGES, STAGE_TITLES } from '../core/domain.js';
import type { Finding } from '../core/findings.js';
import { levelSuffix, messageOf, stageProgress, total } from './group.js';
import { plural } from './words.js';
import { formatLocation } from './paths.js';

/** GitHub refuses a step summary over 1 MiB; the list stops short of it, saying how many are left. */
const SUMMARY_BYTES = 1024 * 1024 - 4096;

/** Markdown for $GITHUB_STEP_SUMMARY: per application, required criteria met per stage and the problems. */
export function renderMarkdownSummary(result: CheckResult): string {
  const errors = total(result, 'errors');
  const warnings = total(result, 'warnings');
  const mark = errors > 0 ? '❌' : '✅';
  const checked = plural(result.applications.length, 'application');
  const lines = ['## svmc check', '', `${mark} ${checked} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`];
  const budget = { bytes: SUMMARY_BYTES - Buffer.byteLength(lines.join('\n')) };
  for (const app of result.applications) lines.push('', ...applicationSection(app, budget));
  return `${lines.join('\n')}\n`;
}

interface Budget {
  bytes: number;
}

/** Every finding of the application, errors, warnings and notes, as far as the budget goes. */
function applicationSection(app: ApplicationResult, budget: Budget): string[] {
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
  budget.bytes -= Buffer.byteLength(lines.join('\n'));
  lines.push(...findingList('Errors', app.findings.filter((f) => f.severity === 'error'), budget));
  lines.push(...findingList('Warnings', app.findings.filter((f) => f.severity === 'warning'), budget));
  lines.push(...findingList('Notes', app.findings.filter((f) => f.severity === 'info'), budget));
  return lines;
}

function findingList(heading: string, findings: Finding[], budget: Budget): string[] {
  if (findings.length === 0) return [];
  const items: string[] = [];
  for (const f of findings) {
    const where = f.location ? `${escapeMarkdown(formatLocation('.', f.location))} ` : '';
    const item = `- ${where}\`${f.code}\` ${escapeMarkdown(messageOf(f))}`;
    const bytes = Buffer.byteLength(item) + 1;
    if (bytes > budget.bytes) {
      items.push(`- … and ${findings.length - items.length} more, past the size GitHub allows here: run \`svmc check\` to see them all`);
      break;
    }
    budget.bytes -= bytes;
    items.push(item);
  }
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
