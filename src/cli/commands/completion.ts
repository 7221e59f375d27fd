import type { Command } from '../commander.js';
import { loadCatalogue } from '../../core/catalogue/load.js';
import { renderCompletion, type Shell } from '../../report/completion.js';
import { out } from '../io.js';

/** Prints the completion script for `shell`, read off the commands as they are declared. */
export async function run(shell: Shell, program: Command): Promise<number> {
  const commands = program.commands.map((command) => ({
    name: command.name(),
    flags: [
      ...command.options.map((option) => ({
        names: [option.long, option.short].filter((name): name is string => name !== undefined),
        ...(option.argChoices ? { values: option.argChoices } : {}),
      })),
      { names: ['--help', '-h'] },
    ],
  }));
  const criteria = loadCatalogue().criteria.map((criterion) => criterion.id);
  out(renderCompletion(shell, { commands, criteria }));
  return 0;
}
