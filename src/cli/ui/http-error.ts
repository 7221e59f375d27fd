import { EditConflictError } from '../../core/application/edit-application.js';
import { InvalidInputError, UsageError } from '../../core/errors.js';
import { FileReadError } from '../../core/fs/read-file.js';
import { explainSystemError, isSystemError } from '../../core/fs/system-errors.js';
import { WrongPassphraseError } from '../../core/signing/keys.js';

/** A request refused with a status and a message for the page. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The status and the plain message an error is answered with; undefined for a bug. */
export function answerFor(error: unknown): { status: number; message: string } | undefined {
  if (error instanceof HttpError) return { status: error.status, message: error.message };
  if (error instanceof EditConflictError) {
    return { status: 409, message: 'svmc.yaml was changed since this page read it (in an editor, or by a command). Nothing was saved: reload the page to see the file as it is now, then make your change again.' };
  }
  if (error instanceof WrongPassphraseError) return { status: 400, message: 'That is not the passphrase of this key: nothing was signed.' };
  if (error instanceof UsageError || error instanceof InvalidInputError || error instanceof FileReadError) return { status: 400, message: sentence(error.message) };
  if (isSystemError(error)) return { status: 400, message: sentence(explainSystemError(error)) };
  return undefined;
}

const sentence = (text: string): string => {
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
};
