import { stat } from 'node:fs/promises';
import { basename, relative, resolve, sep } from 'node:path';
import { pathTextProblem, unportableName } from '../application/paths.js';
import { UsageError } from '../errors.js';
import { isInside } from '../fs/inside.js';
import type { InitAnswers } from './answers.js';

/**
 * Where svmc.yaml points for the signed Terms & Conditions given as `given`: a file inside the
 * new folder stays where it is; one outside is copied into evidence/ under its own name.
 */
export async function placeTerms(targetDir: string, given: string, what = '--terms'): Promise<NonNullable<InitAnswers['terms']>> {
  const source = resolve(given);
  const stats = await stat(source).catch(() => undefined);
  if (!stats) throw new UsageError(`${what} ${given}: there is no such file`);
  if (!stats.isFile()) throw new UsageError(`${what} ${given}: it is not a file`);
  const target = resolve(targetDir);
  const path = isInside(target, source) ? relative(target, source).split(sep).join('/') : `evidence/${basename(source)}`;
  const problem = pathTextProblem(path) ?? unportableName(path);
  if (problem) throw new UsageError(`${what} ${given}: its name ${problem}; rename it first`);
  return isInside(target, source) ? { path } : { path, copyFrom: source };
}
