import { createHash } from 'node:crypto';
import { realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { asUsageError } from '../fs/system-errors.js';
import { withFileLock } from '../fs/file-lock.js';
import { CACHE_DIR, ensureCacheFolder } from '../cache/cache-folder.js';
import { loadApplication, type LoadedApplication } from './load.js';
import { editYaml, type YamlEdit } from './yaml-edit.js';

export interface PlannedEdit<T> {
  /** The changes to make, in order; none when there is nothing to change. */
  edit?: YamlEdit | YamlEdit[];
  result: T;
}

/** svmc.yaml changed on disk since the text an edit was planned against was read: nothing was written. */
export class EditConflictError extends Error {
  override name = 'EditConflictError';
}

/** The hash an edit names the text it was made against by (`EditOptions.base`). */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface EditOptions {
  /** `textHash` of the svmc.yaml text the change was made against: a file that reads otherwise now is not edited. */
  base?: string;
}

export interface EditApplicationResult<T> {
  result: T;
  /** True when svmc.yaml had to be printed anew, so its layout changed. */
  reprinted: boolean;
}

/**
 * Reads svmc.yaml, lets `plan` decide the change, splices it in and writes the file, all under
 * the folder's edit lock, so two commands editing at once never lose each other's change. The
 * file keeps its mode.
 */
export async function editApplication<T>(
  dir: string,
  plan: (loaded: LoadedApplication) => PlannedEdit<T> | Promise<PlannedEdit<T>>,
  options: EditOptions = {},
): Promise<EditApplicationResult<T>> {
  const change = async (): Promise<EditApplicationResult<T>> => {
    const loaded = await loadApplication(dir);
    // Checked under the lock, so no write can slip in between the check and this one.
    if (options.base !== undefined && textHash(loaded.text) !== options.base) {
      throw new EditConflictError('svmc.yaml changed after the text this edit was made against was read');
    }
    const { edit, result } = await plan(loaded);
    if (!edit || (Array.isArray(edit) && edit.length === 0)) return { result, reprinted: false };
    const edited = editYaml(loaded.text, edit, loaded.document);
    // A linked svmc.yaml is written through and stays a link; writeFileAtomic keeps the file's exact mode.
    const target = await realpath(loaded.file);
    await writeFileAtomic(target, `${loaded.bom ? '\uFEFF' : ''}${edited.text}`);
    return { result, reprinted: edited.reprinted };
  };
  // Without svmc.yaml there is nothing to lock, and loading says why in the user's terms.
  const found = await stat(join(dir, 'svmc.yaml')).catch(() => undefined);
  if (!found?.isFile()) return change();
  const lockPath = join(await cacheDir(dir), 'svmc.yaml.lock');
  return withFileLock(lockPath, change, { guards: 'svmc.yaml' });
}

/** `.svmc/`, where the lock lives. */
async function cacheDir(dir: string): Promise<string> {
  try {
    return await ensureCacheFolder(dir);
  } catch (error) {
    throw asUsageError(error, `cannot edit svmc.yaml: ${join(dir, CACHE_DIR)} cannot be created`);
  }
}
