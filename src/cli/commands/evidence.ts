import { basename } from 'node:path';
import { editApplication } from '../../core/application/edit-application.js';
import { openApplication } from '../../core/application/open.js';
import { ownFileReason } from '../../core/application/own-files.js';
import { loadApplication } from '../../core/application/load.js';
import { UsageError } from '../../core/errors.js';
import { resolveOutputTarget, writeToTarget } from '../../core/fs/output-target.js';
import { readRegularFile } from '../../core/fs/read-file.js';
import { READ_LIMITS } from '../../core/fs/read-limits.js';
import { registerFormat } from '../../core/register/columns.js';
import { registerFile, registerRows } from '../../core/register/export.js';
import { planRegisterImport, RegisterRowsError, type RegisterChange } from '../../core/register/import.js';
import { readRegister } from '../../core/register/read.js';
import { watchSignoffs } from '../../core/signing/watch-signoffs.js';
import { paint } from '../color.js';
import { canPrompt, err, out } from '../io.js';
import { noteReprinted } from '../reprinted.js';
import { announceAffected } from '../signoff-notes.js';
import type { OptionsOf, defineEvidenceExport, defineEvidenceImport } from '../program.js';

type ExportOptions = OptionsOf<typeof defineEvidenceExport>;
type ImportOptions = OptionsOf<typeof defineEvidenceImport>;

export async function runExport(dir: string, options: ExportOptions): Promise<number> {
  const format = registerFormat(options.out);
  if (!format) throw new UsageError(`cannot tell what to write to ${options.out}: name a file ending in .csv or .xlsx`);
  const target = await resolveOutputTarget(options.out);
  if (target.kind === 'stdout') throw new UsageError('name a file with --out: the register is a file');
  const app = await openApplication(dir);
  const reason = ownFileReason(app.root, target.path, (await app.document()).referenced.map((path) => `${app.root}/${path}`));
  if (reason) throw new UsageError(`cannot write the register to ${options.out}: ${reason}; choose another path`);
  const rows = await registerRows(app);
  await writeToTarget(target, await registerFile(rows, format));
  out(`Wrote ${target.shown}: ${rows.length} evidence item${rows.length === 1 ? '' : 's'}`);
  return 0;
}

const shownValue = (value: string): string => (value === '' ? '(none)' : JSON.stringify(value));

function describe(change: RegisterChange): string[] {
  if (change.kind === 'add') return [`${paint('green', '+')} ${change.criterion} ${change.file}`];
  if (change.kind === 'remove') return [`${paint('red', '-')} ${change.criterion} ${change.file}`];
  const head = change.kind === 'statement' ? `${paint('yellow', '~')} ${change.criterion} statement` : `${paint('yellow', '~')} ${change.criterion} ${change.file}`;
  return [head, ...Object.entries(change.fields ?? {}).map(([field, [before, after]]) => `    ${field}: ${shownValue(before)} → ${shownValue(after)}`)];
}

export async function runImport(file: string, dir: string, options: ImportOptions): Promise<number> {
  const format = registerFormat(file);
  if (!format) throw new UsageError(`cannot tell how to read ${file}: give a file ending in .csv or .xlsx`);
  const name = basename(file);
  const { header, rows } = await readRegister(await readRegularFile(file, READ_LIMITS.document), format, name);
  const prune = options.prune === true;
  let planned: RegisterChange[];
  try {
    planned = planRegisterImport(await loadApplication(dir), header, rows, { prune, name }).changes;
  } catch (error) {
    if (!(error instanceof RegisterRowsError)) throw error;
    for (const { row, problem } of error.problems) err(`  row ${row}: ${problem}`);
    err(`svmc: ${error.message}`);
    return 1;
  }
  if (planned.length === 0) {
    out(`svmc.yaml already holds what ${name} says; nothing to change`);
    return 0;
  }
  for (const change of planned) for (const line of describe(change)) out(line);
  if (canPrompt(options.yes)) {
    const { confirm } = await import('@inquirer/prompts');
    if (!(await confirm({ message: `Make these ${planned.length} changes to svmc.yaml?`, default: false }))) {
      err('svmc: nothing changed');
      return 1;
    }
  } else if (!options.yes) {
    throw new UsageError('no terminal to confirm these changes at: run again with --yes to make them');
  }
  const shown = JSON.stringify(planned);
  const { result: edited, affected } = await watchSignoffs(dir, () => editApplication(dir, (loaded) => {
    const plan = planRegisterImport(loaded, header, rows, { prune, name });
    if (JSON.stringify(plan.changes) !== shown) throw new UsageError('svmc.yaml changed while the changes were shown; nothing was written: run the import again');
    return { edit: plan.edits, result: undefined };
  }));
  out(`Made ${planned.length} change${planned.length === 1 ? '' : 's'} to svmc.yaml from ${name}`);
  noteReprinted(edited.reprinted);
  announceAffected(affected);
  return 0;
}
