import { mapEvidence } from '../../core/application/map-evidence.js';
import { paint } from '../color.js';
import { err, out } from '../io.js';
import { noteReprinted } from '../reprinted.js';
import { announceAffected } from '../signoff-notes.js';
import { watchSignoffs } from '../../core/signing/watch-signoffs.js';
import type { OptionsOf, defineMap } from '../program.js';

export type MapCommandOptions = OptionsOf<typeof defineMap>;

export async function run(criterion: string, files: string[], options: MapCommandOptions): Promise<number> {
  const dir = options.dir ?? '.';
  const { result, affected } = await watchSignoffs(dir, () => mapEvidence({
    dir,
    criterion,
    files,
    ...(options.summary !== undefined ? { summary: options.summary } : {}),
    ...(options.date !== undefined ? { date: options.date } : {}),
    ...(options.area !== undefined ? { area: options.area } : {}),
  }));
  for (const file of result.added) out(`${paint('green', '+')} ${result.criterion} (${result.stage}) ← ${file}`);
  for (const file of result.skipped) err(`svmc: ${file} is already mapped to ${result.criterion}; left as it is`);
  if (result.added.length === 0) err('svmc: nothing to add; svmc.yaml is unchanged');
  noteReprinted(result.reprinted);
  announceAffected(affected);
  return 0;
}
