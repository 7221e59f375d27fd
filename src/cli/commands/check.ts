import { appendFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkApplications } from '../../core/check/check-application.js';
import type { CheckResult } from '../../core/check/types.js';
import { writeFileAtomic } from '../../core/fs/atomic-write.js';
import { reportRenderer, renderStepSummary, type ReportFormat } from '../../report/index.js';
import { colorEnabled } from '../color.js';
import { err, out } from '../io.js';
import { VERSION } from '../version.js';

export interface CheckCommandOptions {
  format?: ReportFormat;
  output?: string;
  strict?: boolean;
  offline?: boolean;
}

/** Errors fail the run; with --strict, warnings do too. */
export function exitCodeOf(result: CheckResult, strict = false): number {
  const failing = result.applications.some((a) => a.summary.errors > 0 || (strict && a.summary.warnings > 0));
  return failing ? 1 : 0;
}

export async function run(dirs: string[], options: CheckCommandOptions): Promise<number> {
  const format = options.format ?? 'text';
  const [result, render] = await Promise.all([checkApplications(dirs.length > 0 ? dirs : ['.']), reportRenderer(format)]);
  const report = render(result, {
    toolVersion: VERSION,
    strict: options.strict ?? false,
    color: !options.output && format === 'text' && colorEnabled(),
    cwd: process.cwd(),
  });
  if (options.output) {
    await writeFileAtomic(resolve(options.output), report.endsWith('\n') ? report : `${report}\n`);
  } else if (report !== '') {
    out(report);
  }
  await writeStepSummary(format, result, options.strict ?? false);
  return exitCodeOf(result, options.strict);
}

/** In GitHub Actions, the github format also leaves a Markdown summary on the job page. */
async function writeStepSummary(format: ReportFormat, result: CheckResult, strict: boolean): Promise<void> {
  const target = process.env.GITHUB_STEP_SUMMARY;
  if (format !== 'github' || !target) return;
  try {
    await appendFile(target, await renderStepSummary(result, { strict }));
  } catch (error) {
    err(`svmc: could not write the job summary to ${target}: ${(error as Error).message}`);
  }
}
