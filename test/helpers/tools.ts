import { spawnSync } from 'node:child_process';

/**
 * Whether an interop tool (minisign, qpdf, pdftotext, unzip…) is on PATH. Outside CI a missing
 * tool skips its tests; in CI it fails the run, so a missing install step is never hidden.
 */
export function toolAvailable(name: string): boolean {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
  if (!found && process.env.CI) throw new Error(`${name} is required in CI: install it in .ci/run`);
  return found;
}
