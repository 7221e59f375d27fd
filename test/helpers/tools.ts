import { spawnSync } from 'node:child_process';

/**
 * Whether an interop tool (minisign, qpdf, pdftotext, unzip…) is on PATH. Outside CI a missing
 * tool skips its tests; in CI it fails the run, so a missing install step is never hidden.
 */
export function toolAvailable(name: string): boolean {
  return required(name, spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0);
}

/**
 * A Python 3 that can import `module`: the one on PATH, else Debian's, where `apt-get install
 * python3-<module>` puts it (a python3 of pyenv or a virtualenv may shadow it on PATH).
 * Undefined when there is none, which fails the run in CI as `toolAvailable` does.
 */
export function pythonWith(module: string): string | undefined {
  const found = ['python3', '/usr/bin/python3'].find(
    (python) => spawnSync(python, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0,
  );
  required(`python3 with ${module} (Debian: python3-${module})`, found !== undefined);
  return found;
}

function required(tool: string, found: boolean): boolean {
  if (!found && process.env.CI) throw new Error(`${tool} is required in CI: install it in .ci/run`);
  return found;
}
