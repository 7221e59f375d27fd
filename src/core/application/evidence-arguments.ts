import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { isInside } from '../fs/inside.js';
import { normalisePath, pathTextProblem, unportableName } from './paths.js';

/**
 * The files named on the command line, as svmc.yaml records them: relative to the folder, with
 * `/`. Takes what people type or drop into a terminal (`evidence\plan\map.xlsx`, an absolute path
 * inside the folder); each must be an existing file inside the folder, or a UsageError says why.
 */
export async function evidenceArguments(dir: string, files: readonly string[]): Promise<string[]> {
  const root = await realpath(dir);
  const normalised: string[] = [];
  for (const file of files) {
    const path = await inFolder(dir, root, file.replace(/\\/g, '/'));
    if (path === undefined) throw new UsageError(`${file} is outside the application folder ${dir}`);
    const problem = pathTextProblem(path) ?? unportableName(normalisePath(path));
    if (problem) throw new UsageError(`${JSON.stringify(file)} ${problem}${pathTextProblem(path) ? '' : ': rename the file first, so the assessor can unzip it'}`);
    const real = await realpath(join(dir, path)).catch(() => undefined);
    if (!real) throw new UsageError(`${file} does not exist in ${dir} (paths are relative to the application folder)`);
    if (!isInside(root, real)) throw new UsageError(`${file} leads out of the application folder through a symbolic link`);
    if (!(await stat(real)).isFile()) throw new UsageError(`${file} is not a file: map the files inside it`);
    normalised.push(normalisePath(path));
  }
  return normalised;
}

/** A relative path as it is; an absolute one relative to the folder, or undefined when outside it. */
async function inFolder(dir: string, root: string, path: string): Promise<string | undefined> {
  if (!isAbsolute(path)) return path;
  const given = relativeInside(resolve(dir), path);
  if (given !== undefined) return given;
  // The terminal may show the folder through a symbolic link that realpath resolves, or not; the
  // file itself stays unresolved, so a link inside the folder is recorded as the link.
  const parent = await realpath(dirname(path)).catch(() => undefined);
  return parent === undefined ? undefined : relativeInside(root, join(parent, basename(path)));
}

function relativeInside(base: string, path: string): string | undefined {
  const inside = relative(base, path);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return undefined;
  return inside.split(sep).join('/');
}
