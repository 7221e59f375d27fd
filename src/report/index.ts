import type { CheckResult } from '../core/check/types.js';
import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderSarif } from './sarif.js';
import { renderMarkdownSummary } from './step-summary.js';
import { applyStrict } from './strict.js';
import { renderText } from './text.js';
import type { ReportFormat, ReportOptions } from './types.js';

export type { ReportFormat, ReportOptions } from './types.js';
export { REPORT_FORMATS } from './types.js';

const RENDERERS: Record<ReportFormat, (result: CheckResult, options: ReportOptions) => string> = {
  text: renderText,
  json: renderJson,
  junit: renderJunit,
  sarif: renderSarif,
  github: renderGithub,
};

/** The check result as a report in the given format. Pure: no I/O, no clock. */
export function renderReport(format: ReportFormat, result: CheckResult, options: ReportOptions): string {
  return RENDERERS[format](options.strict ? applyStrict(result) : result, options);
}

/** Markdown for GitHub's job summary ($GITHUB_STEP_SUMMARY). */
export function renderStepSummary(result: CheckResult, options: Pick<ReportOptions, 'strict'> = {}): string {
  return renderMarkdownSummary(options.strict ? applyStrict(result) : result);
}
