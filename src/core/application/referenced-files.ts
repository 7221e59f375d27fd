import { RESULTS_FILE } from '../assess/files.js';
import { normalisePath, pathTextProblem } from './paths.js';
import type { ApplicationData } from './types.js';

const APPLICATION_FILE = 'svmc.yaml';

/**
 * A path as svmc.yaml may name a file, normalised; undefined for anything unsafe (absolute, `..`
 * out of the folder, `\\`, a URL, NUL): the check rules report those.
 */
function normaliseReference(reference: unknown): string | undefined {
  if (typeof reference !== 'string' || reference.trim() === '' || pathTextProblem(reference) !== undefined) {
    return undefined;
  }
  const normalised = normalisePath(reference);
  return normalised === '.' || normalised === '' ? undefined : normalised;
}

/**
 * svmc.yaml, the self-assessment results and every file svmc.yaml references (evidence items, the
 * signed T&C), each once, in no set order. The manifest lists those that exist: so the results
 * that the summary shows are signed with the evidence, and `sign`, `check` and `pack` agree on them.
 */
export function referencedFiles(data: ApplicationData | undefined): string[] {
  const references: unknown[] = [data?.application?.termsAndConditions];
  for (const criteria of Object.values(data?.evidence ?? {})) {
    if (!criteria || typeof criteria !== 'object') continue;
    for (const items of Object.values(criteria)) {
      if (!Array.isArray(items)) continue;
      for (const item of items as unknown[]) {
        if (item && typeof item === 'object') references.push((item as { file?: unknown }).file);
      }
    }
  }
  const paths = new Set<string>([APPLICATION_FILE, RESULTS_FILE]);
  for (const reference of references) {
    const path = normaliseReference(reference);
    if (path !== undefined) paths.add(path);
  }
  return [...paths];
}
