import { UsageError } from '../errors.js';
import { criterionEdits } from './criterion-edits.js';
import { editApplication, type EditOptions } from './edit-application.js';
import { criterionEntry, field } from './evidence-refs.js';
import { assertEditable, editedCatalogue, findCriterion } from './find-criterion.js';

export interface WriteStatementOptions extends EditOptions {
  /** The application folder. */
  dir: string;
  criterion: string;
  /** How the organisation meets the criterion. */
  statement: string;
}

export interface WriteStatementResult {
  criterion: string;
  stage: string;
  /** False when the criterion already had this very statement. */
  changed: boolean;
  /** It replaced another statement. */
  replaced: boolean;
  reprinted: boolean;
}

/** Writes the applicant's statement for a criterion into svmc.yaml, keeping its comments and layout. */
export async function writeStatement(options: WriteStatementOptions): Promise<WriteStatementResult> {
  const statement = cleanStatement(options.statement);
  const { result, reprinted } = await editApplication(options.dir, (loaded) => {
    assertEditable(loaded);
    const criterion = findCriterion(loaded, options.criterion);
    const before = criterionEntry(field(loaded.data, 'evidence', criterion.stage, criterion.id)).statement;
    const edits = criterionEdits(loaded.data, criterion, editedCatalogue(loaded), { statement });
    const outcome = { criterion: criterion.id, stage: criterion.stage, changed: edits.length > 0, replaced: before !== undefined && edits.length > 0 };
    return edits.length > 0 ? { edit: edits, result: outcome } : { result: outcome };
  }, options);
  return { ...result, reprinted };
}

/** A statement as written: trimmed, line ends as LF, never empty. */
export function cleanStatement(text: string): string {
  const clean = text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim();
  if (clean === '') throw new UsageError('the statement is empty: write how the organisation meets the criterion');
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(clean)) throw new UsageError('the statement holds control characters: write it as plain text');
  return clean;
}
