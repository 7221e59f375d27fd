import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** What the bundle exports: the CLI's entry. */
export interface BundledCli {
  main(argv: string[]): Promise<number>;
}

/**
 * The CommonJS bundle at `file`, compiled with V8's code cache beside it (`<file>.cache`, written by
 * the build): its functions are then neither parsed nor compiled again. A cache V8 cannot use
 * (another Node.js, other flags) is set aside and the bundle compiles as any script does.
 */
export function compileBundle(file: string): Script {
  const cache = `${file}.cache`;
  const cachedData = existsSync(cache) ? readFileSync(cache) : undefined;
  const source = readFileSync(file, 'utf8');
  return new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
}

/** Runs the bundle at `file` as Node runs a CommonJS module. */
export function loadBundle(file: string): { cli: BundledCli; script: Script } {
  const script = compileBundle(file);
  const module = { exports: {} as BundledCli };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  return { cli: module.exports, script };
}
