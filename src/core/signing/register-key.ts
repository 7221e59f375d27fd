import { stat } from 'node:fs/promises';
import { isMap } from 'yaml';
import { loadApplication } from '../application/load.js';
import { ROLE_TITLES, type Role } from '../domain.js';
import { InvalidInputError, UsageError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { PublicKey } from './keys.js';

export interface RegisterResult {
  file: string;
  /** The public key line registered before, when it was a different one. */
  replaced?: string;
}

/** Checks that svmc.yaml can take the key, before any key is made. */
export async function checkRegistrable(dir: string, role: Role): Promise<void> {
  const loaded = await loadApplication(dir);
  if (loaded.data === undefined || loaded.document.errors.length > 0) {
    throw new InvalidInputError(`${loaded.file} is not valid YAML, so the key cannot be registered: run "svmc check" and fix it first`);
  }
  if (!isMap(loaded.document.getIn(['representatives', role]))) {
    throw new InvalidInputError(
      `svmc.yaml names no ${ROLE_TITLES[role]} (representatives.${role}): add their name and email first, then register the key`,
    );
  }
}

/** Records the public key line under representatives.<role>.publicKey, keeping comments and layout. */
export async function registerPublicKey(dir: string, role: Role, publicKey: PublicKey): Promise<RegisterResult> {
  await checkRegistrable(dir, role);
  const loaded = await loadApplication(dir);
  const path = ['representatives', role, 'publicKey'];
  const previous = loaded.document.getIn(path);
  loaded.document.setIn(path, publicKey.line);
  const text = loaded.document.toString({ lineWidth: 0 });
  try {
    const { mode } = await stat(loaded.file);
    await writeFileAtomic(loaded.file, text, { mode: mode & 0o777 });
  } catch (error) {
    throw new UsageError(`cannot write ${loaded.file}: ${(error as Error).message}`);
  }
  const replaced = typeof previous === 'string' && previous !== publicKey.line ? previous : undefined;
  return { file: loaded.file, replaced };
}
