import { statSync } from 'node:fs';
import type { Role } from '../domain.js';
import { READ_LIMITS, readRegularFileSync } from '../fs/read-file.js';
import { defaultKeyPath, publicKeyPathFor } from './key-files.js';
import { parsePublicKey } from './keys.js';

/** How the advice looks at the default key: straight on disk, or through an application folder that records what it read. */
export interface KeyFiles {
  exists(path: string): boolean;
  text(path: string): string | undefined;
}

const onDisk: KeyFiles = {
  exists: (path) => {
    try {
      return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
    } catch {
      return false;
    }
  },
  text: (path) => {
    try {
      return readRegularFileSync(path, READ_LIMITS.key).toString('utf8');
    } catch {
      return undefined;
    }
  },
};

/** A path as a shell takes it: quoted when it holds anything but the plainest characters. */
export function shellWord(path: string): string {
  return /^[\w./~@%+=:,-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/** The default key may be the one to sign with: its public key beside it is the registered one, or cannot tell. */
function mayBeRegistered(publicText: string | undefined, registered: string | undefined): boolean {
  if (registered === undefined || publicText === undefined) return true;
  try {
    return parsePublicKey(publicText).line === parsePublicKey(registered).line;
  } catch {
    return true;
  }
}

/**
 * The advice to sign (again) as `role`, working as written: it names the default key's path when
 * a key is there that may be the registered one, or else both ways of giving a key.
 */
export function signAdvice(role: Role, registered?: string, files: KeyFiles = onDisk): string {
  const key = defaultKeyPath(role);
  if (files.exists(key) && mayBeRegistered(files.text(publicKeyPathFor(key)), registered)) {
    return `\`svmc sign --as ${role} --key ${shellWord(key)}\``;
  }
  return `\`svmc sign --as ${role} --key PATH\` (PATH: the ${role}'s private key; or put the key's text in SVMC_SIGNING_KEY)`;
}
