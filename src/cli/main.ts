import { CommanderError } from 'commander';
import { UsageError, InvalidInputError } from '../core/errors.js';
import { buildProgram, VERSION } from './program.js';
import { configureColor } from './color.js';
import { err } from './io.js';

const REPORT_URL = 'https://www.npmjs.com/package/svmc (see "Reporting a bug")';

/** Runs the CLI and returns the exit code; the only place that decides one. */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  program.hook('preAction', () => configureColor({ color: program.opts<{ color?: boolean }>().color }));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return exitCodeFor(error);
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    const quiet = ['commander.helpDisplayed', 'commander.version', 'commander.help'];
    return quiet.includes(error.code) ? 0 : 2;
  }
  if (error instanceof UsageError) {
    err(`svmc: ${error.message}`);
    return 2;
  }
  if (error instanceof InvalidInputError) {
    err(`svmc: ${error.message}`);
    return 1;
  }
  if (isNodeError(error) && (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED')) {
    return 0;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  err(`svmc ${VERSION}: internal error, this is a bug. Please report it at ${REPORT_URL}`);
  err(process.env.SVMC_DEBUG ? detail : `  ${error instanceof Error ? error.message : detail} (set SVMC_DEBUG=1 for details)`);
  return 3;
}

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
