import { writeStatement } from '../../core/application/write-statement.js';
import { watchSignoffs } from '../../core/signing/watch-signoffs.js';
import { paint } from '../color.js';
import { err, out } from '../io.js';
import { noteReprinted } from '../reprinted.js';
import { announceAffected } from '../signoff-notes.js';
import type { OptionsOf, defineStatement } from '../program.js';

export type StatementCommandOptions = OptionsOf<typeof defineStatement>;

export async function run(criterion: string, text: string, options: StatementCommandOptions): Promise<number> {
  const dir = options.dir ?? '.';
  const { result, affected } = await watchSignoffs(dir, () => writeStatement({ dir, criterion, statement: text }));
  if (!result.changed) err(`svmc: ${result.criterion} already has this statement; svmc.yaml is unchanged`);
  else out(`${paint('green', result.replaced ? '~' : '+')} ${result.criterion} (${result.stage}): statement ${result.replaced ? 'replaced' : 'written'}`);
  noteReprinted(result.reprinted);
  announceAffected(affected);
  return 0;
}
