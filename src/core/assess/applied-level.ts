import { field } from '../application/evidence-refs.js';
import { openApplication } from '../application/open.js';
import { isLevel, type Level } from '../domain.js';
import { UsageError } from '../errors.js';

/**
 * The certificate level the folder's svmc.yaml applies for: undefined when the folder has no
 * svmc.yaml, or one without a readable level (`svmc check` reports why; assess needs none).
 */
export async function appliedLevel(dir: string): Promise<Level | undefined> {
  try {
    const level = field((await (await openApplication(dir)).document()).data, 'application', 'level');
    return isLevel(level) ? level : undefined;
  } catch (error) {
    if (error instanceof UsageError) return undefined;
    throw error;
  }
}
