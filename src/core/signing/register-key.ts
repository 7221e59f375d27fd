import { isMap } from 'yaml';
import { editApplication } from '../application/edit-application.js';
import type { LoadedApplication } from '../application/load.js';
import { ROLE_TITLES, type Role } from '../domain.js';
import { InvalidInputError } from '../errors.js';
import type { PublicKey } from './keys.js';

export interface RegisterResult {
  file: string;
  /** The public key line registered before, when it was a different one. */
  replaced?: string;
  /** True when svmc.yaml had to be printed anew, so its layout changed. */
  reprinted: boolean;
}

function refuseUnregistrable(loaded: LoadedApplication, role: Role): void {
  if (loaded.data === undefined || loaded.document.errors.length > 0) {
    throw new InvalidInputError(`${loaded.file} is not valid YAML, so the key cannot be registered: run "svmc check" and fix it first`);
  }
  if (!isMap(loaded.document.getIn(['representatives', role]))) {
    throw new InvalidInputError(
      `svmc.yaml names no ${ROLE_TITLES[role]} (representatives.${role}): add their name and email first, then register the key`,
    );
  }
}

/**
 * Records a public key line under representatives.<role>.publicKey, keeping comments and layout.
 * `key` is asked for only once svmc.yaml is known to take it, so no key is made for nothing.
 */
export async function registerPublicKey(dir: string, role: Role, key: () => Promise<PublicKey>): Promise<RegisterResult> {
  const { result, reprinted } = await editApplication(dir, async (loaded) => {
    refuseUnregistrable(loaded, role);
    const publicKey = await key();
    const path = ['representatives', role, 'publicKey'];
    const previous = loaded.document.getIn(path);
    const replaced = typeof previous === 'string' && previous !== publicKey.line ? previous : undefined;
    const registered = { file: loaded.file, replaced };
    return previous === publicKey.line ? { result: registered } : { edit: { path, set: publicKey.line }, result: registered };
  });
  return { ...result, reprinted };
}
