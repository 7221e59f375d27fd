import type { Finding } from '../core/findings.js';
import { plain, type Paint } from './paint.js';

export interface FindingListOptions {
  /** At most this many are listed; the rest are counted. */
  max?: number;
  paint?: Paint;
}

/** Findings as a command lists them on stderr: `severity file:line: CODE message`, then how many more `svmc check` shows. */
export function renderFindingList(findings: readonly Finding[], options: FindingListOptions = {}): string[] {
  const { max = 10, paint = plain } = options;
  const lines = findings.slice(0, max).map((f) => {
    const where = f.location ? `${f.location.file}${f.location.line ? `:${f.location.line}` : ''}: ` : '';
    const severity = f.severity === 'error' ? paint('red', 'error') : paint('yellow', f.severity);
    return `  ${severity} ${where}${f.code} ${f.message}`;
  });
  if (findings.length > max) lines.push(`  … and ${findings.length - max} more (run "svmc check")`);
  return lines;
}
