import { isMap } from 'yaml';
import { editApplication } from '../application/edit-application.js';
import { loadApplication, type LoadedApplication } from '../application/load.js';
import { ROLES, ROLE_TITLES, type Role } from '../domain.js';
import { InvalidInputError, UsageError } from '../errors.js';
import { keyIdOf, parsePublicKey, type PublicKey } from './keys.js';

export interface RegisterOptions {
  /** Replace a different key registered for the role (without it, that is refused). */
  replace?: boolean;
}

export interface RegisterResult {
  file: string;
  /** The public key line registered before, when it was a different one. */
  replaced?: string;
  /** The key was registered already: nothing changed. */
  unchanged: boolean;
  /** True when svmc.yaml had to be printed anew, so its layout changed. */
  reprinted: boolean;
}

/** The key registered for the role now; throws when svmc.yaml cannot take `known` (or a new key, when undefined). */
function refuseRegistration(loaded: LoadedApplication, role: Role, known: PublicKey | undefined, options: RegisterOptions): string | undefined {
  if (loaded.data === undefined || loaded.document.errors.length > 0) {
    throw new InvalidInputError(`${loaded.file} is not valid YAML, so the key cannot be registered: run "svmc check" and fix it first`);
  }
  if (!isMap(loaded.document.getIn(['representatives', role]))) {
    throw new InvalidInputError(
      `svmc.yaml names no ${ROLE_TITLES[role]} (representatives.${role}): add their name and email first, then register the key`,
    );
  }
  const previous = loaded.document.getIn(['representatives', role, 'publicKey']);
  const registered = typeof previous === 'string' && previous.trim() !== '' ? previous.trim() : undefined;
  if (registered !== undefined && registered !== known?.line && !options.replace) {
    const instead = known ? ` instead with key ${keyIdOf(known)}` : ' with a new key';
    throw new UsageError(
      `the ${ROLE_TITLES[role]} already has key ${keyIdOfLine(registered)} registered (representatives.${role}.publicKey); add --replace to register them${instead}: their sign-off made with the old key will no longer count`,
    );
  }
  return registered;
}

/** Refuses, before a key is made or a passphrase asked for, what the registration itself would refuse. */
export async function assertRegistrable(dir: string, role: Role, options: RegisterOptions = {}): Promise<void> {
  refuseRegistration(await loadApplication(dir), role, undefined, options);
}

const keyIdOfLine = (line: string): string => {
  try {
    return keyIdOf(parsePublicKey(line));
  } catch {
    return 'one that is not a minisign key';
  }
};

/**
 * Records a public key line under representatives.<role>.publicKey, keeping comments and layout.
 * A key made for the purpose (`keygen --register`) is passed as a function, asked for only once
 * svmc.yaml is known to take it, so no key is made for nothing.
 */
export async function registerPublicKey(
  dir: string,
  role: Role,
  key: PublicKey | (() => Promise<PublicKey>),
  options: RegisterOptions = {},
): Promise<RegisterResult> {
  const { result, reprinted } = await editApplication(dir, async (loaded) => {
    const known = typeof key === 'function' ? undefined : key;
    const registered = refuseRegistration(loaded, role, known, options);
    const path = ['representatives', role, 'publicKey'];
    const publicKey = known ?? (await (key as () => Promise<PublicKey>)());
    const other = ROLES.find((r) => r !== role)!;
    const otherLine = loaded.document.getIn(['representatives', other, 'publicKey']);
    if (typeof otherLine === 'string' && otherLine.trim() === publicKey.line) {
      throw new InvalidInputError(
        `key ${keyIdOf(publicKey)} is registered for the ${ROLE_TITLES[other]}: the two sign-offs must come from two people, each with their own key`,
      );
    }
    const outcome = { file: loaded.file, unchanged: registered === publicKey.line, ...(registered !== undefined && registered !== publicKey.line ? { replaced: registered } : {}) };
    return outcome.unchanged ? { result: outcome } : { edit: { path, set: publicKey.line }, result: outcome };
  });
  return { ...result, reprinted };
}
