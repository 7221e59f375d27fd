import type { CommanderError } from 'commander';
import { UsageError, InvalidInputError } from '../core/errors.js';
import { FileReadError } from '../core/fs/read-file.js';
import { explainSystemError, isSystemError } from '../core/fs/system-errors.js';
import { err, out } from './io.js';
import { VERSION } from './version.js';
import { isVersionRequest } from './version-request.js';


/** Runs the CLI and returns the exit code; the only place that decides one. */
export async function main(argv: string[]): Promise<number> {
  process.stdout.on('error', leaveQuietlyWhenPipeCloses);
  // Scripts ask for the version often; it needs neither commander nor any command.
  if (isVersionRequest(argv)) {
    out(VERSION);
    return 0;
  }
  const [{ buildProgram }, { configureColor }] = await Promise.all([import('./program.js'), import('./color.js')]);
  let exitCode = 0;
  // The list of finding codes is loaded only for the help that shows it, so other help stays quick.
  const codesHelp = argv.includes('check') && argv.some((arg) => arg === '--help' || arg === '-h' || arg === 'help') ? (await import('../report/code-docs.js')).renderCodesHelp() : '';
  const program = buildProgram(
    (code) => {
      exitCode = code;
    },
    { codesHelp },
  );
  program.hook('preAction', () => configureColor({ color: program.opts().color }));
  // Bare `svmc` is a request for help, answered on stdout like --help.
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return exitCodeFor(error);
  }
}

/** `svmc criteria | head`: a reader that leaves early is no error of svmc's, and no reason for a stack trace. */
function leaveQuietlyWhenPipeCloses(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
}

function exitCodeFor(error: unknown): number {
  if (isCommanderError(error)) {
    const quiet = ['commander.helpDisplayed', 'commander.version', 'commander.help'];
    return quiet.includes(error.code) ? 0 : 2;
  }
  // Ctrl-C at a prompt: stopped by the user, nothing written.
  if (error instanceof Error && error.name === 'ExitPromptError') return 130;
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
  // The user's environment (a full disk, permissions, a file that is not there) is never a bug.
  if (error instanceof FileReadError) {
    err(`svmc: ${error.message}`);
    return 2;
  }
  if (isSystemError(error)) {
    err(`svmc: ${explainSystemError(error)}`);
    return 2;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  err(`svmc ${VERSION}: internal error, this is a bug. Please report it as "Reporting a bug" in svmc's README says`);
  err(process.env.SVMC_DEBUG ? detail : `  ${error instanceof Error ? error.message : detail} (set SVMC_DEBUG=1 for details)`);
  return 3;
}

/** By its code, not `instanceof`: commander is loaded only once a command line must be parsed. */
function isCommanderError(error: unknown): error is CommanderError {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('commander.');
}

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
