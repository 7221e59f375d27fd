import { extname } from 'node:path';
import { openApplication } from '../../core/application/open.js';
import { ownFileReason } from '../../core/application/own-files.js';
import { UsageError } from '../../core/errors.js';
import { formInput } from '../../core/form/form-input.js';
import { resolveOutputTarget, writeToTarget } from '../../core/fs/output-target.js';
import { PackRefusedError } from '../../core/pack/errors.js';
import { resolvePackDate } from '../../core/pack/pack-date.js';
import { err, out } from '../io.js';
import type { OptionsOf, defineForm } from '../program.js';

export type FormCommandOptions = OptionsOf<typeof defineForm>;

const KINDS = ['.docx', '.pdf', '.html'] as const;
type Kind = (typeof KINDS)[number];

async function render(kind: Kind, input: Awaited<ReturnType<typeof formInput>>): Promise<Uint8Array | string> {
  if (kind === '.docx') return (await import('../../core/form/docx.js')).renderFormDocx(input);
  if (kind === '.html') return (await import('../../core/form/review-page.js')).renderReviewPage(input);
  return (await import('../../core/pdf/render-summary.js')).renderSummary(input);
}

export async function run(dir: string, options: FormCommandOptions): Promise<number> {
  const kind = KINDS.find((k) => extname(options.out).toLowerCase() === k);
  if (!kind) throw new UsageError(`cannot tell what to write to ${options.out}: name a file ending in .docx, .pdf or .html`);
  const date = resolvePackDate(options.date, process.env.SOURCE_DATE_EPOCH, new Date());
  const target = await resolveOutputTarget(options.out);
  if (target.kind === 'stdout') throw new UsageError('the form is a file: name one with --out');
  const app = await openApplication(dir);
  const reason = ownFileReason(app.root, target.path);
  if (reason) throw new UsageError(`cannot write the form to ${options.out}: ${reason}; choose another path`);
  try {
    const input = await formInput(app, date);
    await writeToTarget(target, await render(kind, input));
    const errors = input.result.findings.filter((f) => f.severity === 'error').length;
    out(`Wrote ${target.shown}: the criteria-and-evidence form of ${input.data.applicant.organisation}${input.draft ? `, a DRAFT with ${errors} error${errors === 1 ? '' : 's'} listed first` : ''}`);
    return 0;
  } catch (error) {
    if (error instanceof PackRefusedError) {
      for (const finding of error.findings.filter((f) => f.severity === 'error')) err(`  error ${finding.code}: ${finding.message}`);
      err(`svmc: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
