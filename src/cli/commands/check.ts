import { appendFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { checkApplications } from '../../core/check/check-application.js';
import { applyPreparing } from '../../core/check/preparation.js';
import type { CheckResult } from '../../core/check/types.js';
import type { Application } from '../../core/application/open.js';
import { ownFileReason } from '../../core/application/own-files.js';
import { isInside } from '../../core/fs/inside.js';
import { findRepositoryRoot } from '../../core/fs/repository-root.js';
import { UsageError } from '../../core/errors.js';
import { resolveOutputTarget, writeToTarget, type OutputTarget } from '../../core/fs/output-target.js';
import { reportRenderer, renderStepSummary, type ReportFormat } from '../../report/index.js';
import { colorEnabled } from '../color.js';
import { err, out } from '../io.js';
import { VERSION } from '../version.js';
import type { OptionsOf, defineCheck } from '../program.js';

export type CheckCommandOptions = OptionsOf<typeof defineCheck>;

/** Errors fail the run; with --strict, warnings do too. */
export function exitCodeOf(result: CheckResult, strict = false): number {
  const failing = result.applications.some((a) => a.summary.errors > 0 || (strict && a.summary.warnings > 0));
  return failing ? 1 : 0;
}

export async function run(dirs: string[], options: CheckCommandOptions): Promise<number> {
  const format = options.format ?? 'text';
  const [checked, render] = await Promise.all([checkApplications(dirs.length > 0 ? dirs : ['.']), reportRenderer(format)]);
  const preparing = options.preparing ?? false;
  const result = preparing ? { ...applyPreparing(checked), opened: checked.opened } : checked;
  const exitCode = exitCodeOf(result, options.strict);
  const report = render(result, {
    toolVersion: VERSION,
    strict: options.strict ?? false,
    preparing,
    exitCode,
    ...repositoryRootOf(process.cwd()),
    color: (options.output === undefined || options.output === '-') && format === 'text' && colorEnabled(),
    cwd: process.cwd(),
  });
  const target = options.output === undefined ? undefined : await reportTarget(options.output, result);
  if (target && target.kind !== 'stdout') {
    await writeToTarget(target, report.endsWith('\n') ? report : `${report}\n`);
  } else if (report !== '') {
    out(report);
  }
  await writeStepSummary(format, result, options.strict ?? false);
  return exitCode;
}

/** The git repository around `dir`, as SARIF wants its paths. */
function repositoryRootOf(dir: string): { repositoryRoot?: string } {
  const root = findRepositoryRoot(dir);
  return root === undefined ? {} : { repositoryRoot: root };
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

/** The report never replaces a file of a checked application: its svmc.yaml, evidence, sign-offs or drafts. */
async function reportTarget(output: string, result: { opened: Application[] }): Promise<OutputTarget> {
  const target = await resolveOutputTarget(output);
  if (target.kind === 'stdout') return target;
  for (const app of result.opened) {
    if (!isInside(app.root, target.path)) continue;
    const document = await app.document();
    const own = document.referenced.map((path) => join(app.root, ...path.split('/')));
    if (document.catalogue && !document.catalogue.builtIn) {
      own.push(document.catalogue.path, ...document.catalogue.stageSchemas.map((stage) => join(dirname(document.catalogue!.path), stage.file)));
    }
    const reason = ownFileReason(app.root, target.path, own);
    if (reason) throw new UsageError(`cannot write the report to ${output}: ${reason}; choose another path`);
  }
  return target;
}
