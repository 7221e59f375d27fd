import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { asUsageError } from '../fs/system-errors.js';
import { findRepositoryRoot } from '../fs/repository-root.js';

/** Where GitHub looks for workflows, from the repository's root. */
export const GITHUB_WORKFLOW_PATH = '.github/workflows/svmc.yml';

export interface WorkflowPlace {
  /** The folder the workflow path is relative to: the git repository's root, else the folder given. */
  root: string;
  inRepository: boolean;
}

/** GitHub reads workflows only at the repository's root, so the workflow goes there, wherever svmc runs in it. */
export function workflowPlace(startDir: string): WorkflowPlace {
  const root = findRepositoryRoot(startDir);
  return root === undefined ? { root: resolve(startDir), inRepository: false } : { root, inRepository: true };
}

export const workflowFile = (place: WorkflowPlace): string => join(place.root, ...GITHUB_WORKFLOW_PATH.split('/'));

/** Writes the workflow whole or not at all; an existing one is kept unless `replace`. Returns what happened. */
export async function writeWorkflow(place: WorkflowPlace, content: string, replace: boolean): Promise<'written' | 'replaced' | 'kept'> {
  const file = workflowFile(place);
  const existed = existsSync(file);
  if (existed && !replace) return 'kept';
  try {
    await mkdir(dirname(file), { recursive: true });
  } catch (error) {
    throw asUsageError(error, `cannot create ${dirname(file)}`);
  }
  await writeFileAtomic(file, content);
  return existed ? 'replaced' : 'written';
}
