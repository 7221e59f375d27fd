import type { CheckResult } from '../core/check/types.js';
import { applyStrict } from './strict.js';
import type { ReportFormat, ReportOptions } from './types.js';

export type { ReportFormat, ReportOptions } from './types.js';

/** Turns a check result into a report. Pure: no I/O, no clock. */
export type ReportRenderer = (result: CheckResult, options: ReportOptions) => string;

const RENDERERS: Record<ReportFormat, () => Promise<ReportRenderer>> = {
  text: async () => (await import('./text.js')).renderText,
  json: async () => (await import('./json.js')).renderJson,
  junit: async () => (await import('./junit.js')).renderJunit,
  sarif: async () => (await import('./sarif.js')).renderSarif,
  github: async () => (await import('./github.js')).renderGithub,
};

/** The renderer of one format, loaded alone: a check loads only the report it prints. */
export async function reportRenderer(format: ReportFormat): Promise<ReportRenderer> {
  const render = await RENDERERS[format]();
  return (result, options) => render(options.strict ? applyStrict(result) : result, options);
}

/** Markdown for GitHub's job summary ($GITHUB_STEP_SUMMARY). */
export async function renderStepSummary(result: CheckResult, options: Pick<ReportOptions, 'strict'> = {}): Promise<string> {
  const { renderMarkdownSummary } = await import('./step-summary.js');
  return renderMarkdownSummary(options.strict ? applyStrict(result) : result);
}
