import type { StatusResult } from '../core/check/status.js';
import { LEVEL_NAMES } from '../core/domain.js';
import { plain, type Paint } from './paint.js';
import { bar, plural } from './words.js';

/** The progress matrix as text: a bar per stage, a mark per criterion, the totals and what to do next. */
export function renderStatus(status: StatusResult, paint: Paint = plain): string {
  const lines: string[] = [];
  const level = status.level === undefined ? 'level unknown' : `level ${status.level} ${LEVEL_NAMES[status.level]}`;
  lines.push(paint('bold', `${status.organisation ?? status.dir} · ${level}`), '');
  if (status.overall.required === 0) {
    lines.push('No criteria to show until svmc.yaml can be read as an application: fix what follows first.');
  }
  for (const stage of status.overall.required === 0 ? [] : status.stages) {
    lines.push(`${stage.title.padEnd(18)} ${bar(stage.percent)} ${String(stage.percent).padStart(3)}%  ${stage.met}/${stage.required}`);
    for (const c of stage.criteria) {
      const mark = c.met ? paint('green', '✔') : paint('red', '✘');
      const note = c.met ? '' : c.evidence === 0 ? paint('dim', '  (no evidence)') : paint('dim', '  (has problems)');
      lines.push(`  ${mark} ${c.id.padEnd(9)} ${c.title}${note}`);
    }
  }
  const { overall } = status;
  lines.push('', paint('bold', `Overall ${overall.percent}%: ${overall.met} of ${overall.required} required criteria met`));
  lines.push(`${plural(status.errors, 'error')}, ${plural(status.warnings, 'warning')}`);
  if (status.next.length > 0) {
    lines.push('', paint('bold', 'Next:'));
    for (const step of status.next) {
      lines.push(`  • ${step.message}${step.location?.line ? paint('dim', ` (${step.location.file}:${step.location.line})`) : ''}`);
    }
    if (status.next.some((step) => step.count > 1)) lines.push(paint('dim', `  "svmc check ${status.dir}" lists each one.`));
  } else {
    lines.push('', 'Nothing left to do: the application is ready to pack.');
  }
  return lines.join('\n');
}
