import { Option } from './commander.js';
import { ROLES } from '../core/domain.js';
import { UsageError } from '../core/errors.js';

/** Flags that several commands share, defined once so they mean the same everywhere. */

export const formatOption = <const C extends readonly [string, ...string[]]>(choices: C) =>
  new Option('--format <format>', `output format: ${choices.join(', ')}`).choices(choices).default(choices[0] as C[number]);

export const dirOption = () => new Option('--dir <dir>', 'the application folder (the same as giving DIR)');

export const yesOption = () => new Option('-y, --yes', 'never ask; take flags only');

export const roleOption = (what: string) => new Option('--as <role>', what).choices(ROLES).makeOptionMandatory();

export const levelOption = () => new Option('--level <level>', 'certificate level: 1, 2 or 3');

export const renewalOption = () => new Option('--renewal', 'a renewal of level 3');

export const sizeOption = () => new Option('--size <size>', 'membership size: small, medium, large, very-large');

export const examples = (...lines: string[]): string => `\nExamples:\n${lines.map((line) => `  ${line}`).join('\n')}`;

export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** The folder a command works on: DIR or --dir (not two different ones), else the current folder. */
export function folderOf(positional: string | undefined, flag: string | undefined): string {
  if (positional !== undefined && flag !== undefined && positional !== flag) {
    throw new UsageError(`two folders given (${positional} and --dir ${flag}): name the application folder once`);
  }
  return positional ?? flag ?? '.';
}
