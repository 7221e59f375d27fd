import { openApplication } from '../../core/application/open.js';
import { ROLE_TITLES } from '../../core/domain.js';
import { InvalidInputError, UsageError } from '../../core/errors.js';
import { FileReadError, READ_LIMITS, readRegularFile } from '../../core/fs/read-file.js';
import { addSignoff } from '../../core/signing/add-signoff.js';
import { signedOn } from '../../core/signing/signoff-findings.js';
import { signoffRefusal } from '../../report/signoff-words.js';
import { paint } from '../color.js';
import { err, out } from '../io.js';
import type { OptionsOf } from '../program.js';
import type { defineSignoffAdd } from '../signing-commands.js';

export type SignoffAddCommandOptions = OptionsOf<typeof defineSignoffAdd>;

export async function run(file: string, dir: string, options: SignoffAddCommandOptions): Promise<number> {
  let signature: string;
  try {
    signature = (await readRegularFile(file, READ_LIMITS.key)).toString('utf8');
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    throw new UsageError(`cannot read the sign-off ${file}: ${error.reason === 'too-large' ? 'it is far too large to be one' : `it ${error.detail}`}`);
  }
  const app = await openApplication(dir);
  const document = await app.document();
  if (!document.schemaValid) throw new InvalidInputError(`svmc.yaml in ${dir} has errors, so no sign-off can be judged: run "svmc check" and fix them first`);
  const added = await addSignoff({ app, document, signature, from: file, ...(options.as ? { role: options.as } : {}) });
  const { verdict } = added;
  if (!added.filed) {
    err(`svmc: ${paint('red', 'not filed:')} ${signoffRefusal(verdict, file)}`);
    return 1;
  }
  out(`Filed ${file} as signoffs/${added.role}.minisig: the ${ROLE_TITLES[added.role]}'s sign-off${signedOn(verdict)} verifies against the folder as it is now, with the registered key ${paint('bold', verdict.keyId ?? '')}.`);
  if (added.before) out(`It replaces the sign-off that was there (${added.before.state === 'valid' ? 'valid too' : added.before.state}).`);
  return 0;
}
