import { stat } from 'node:fs/promises';
import type { ApplicationData } from '../application/types.js';
import { ROLES, ROLE_TITLES, type Role } from '../domain.js';
import { InvalidInputError, UsageError } from '../errors.js';
import { FileReadError, READ_LIMITS, readRegularFile } from '../fs/read-file.js';
import { keyIdOf, parsePublicKey, parseSecretKeyFile, unlockSecretKey, type SecretKey, type SecretKeyFile } from './keys.js';
import { MinisignFormatError } from './minisign-format.js';

export interface KeySource {
  /** `--key FILE`. */
  keyFile?: string;
  /** The key's text, from SVMC_SIGNING_KEY. */
  keyText?: string;
}

/** A private key as read: where it came from (for messages), and the key or its sealed form. */
export interface SigningKey {
  /** The key file, or SVMC_SIGNING_KEY. */
  from: string;
  file: SecretKeyFile;
}

/** The private key from a file or from text; every problem is a UsageError (exit 2) saying what to do. */
export async function readSigningKey({ keyFile, keyText }: KeySource): Promise<SigningKey> {
  let text = keyText;
  let from = 'SVMC_SIGNING_KEY';
  if (keyFile !== undefined) {
    from = keyFile;
    try {
      text = (await readRegularFile(keyFile, READ_LIMITS.key)).toString('utf8');
    } catch (error) {
      if (!(error instanceof FileReadError)) throw error;
      const why = error.reason === 'too-large' ? 'it is far too large to be a key' : `it ${error.detail}`;
      throw new UsageError(`cannot read the key file ${keyFile}: ${why}. Make one with "svmc keygen"`);
    }
    await assertPrivate(keyFile);
  }
  if (text === undefined || text.trim() === '') {
    throw new UsageError(
      'no signing key: give --key FILE, or put the private key text in SVMC_SIGNING_KEY (make a key with "svmc keygen --as lead|senior --register")',
    );
  }
  try {
    return { from, file: parseSecretKeyFile(text) };
  } catch (error) {
    if (error instanceof MinisignFormatError) throw new UsageError(`${from} is not a usable signing key: ${error.message}`);
    throw error;
  }
}

/** The usable key: as it is, or unlocked with the passphrase (which throws WrongPassphraseError when it is not the one). */
export async function unlockSigningKey(key: SigningKey, passphrase: string | undefined): Promise<SecretKey> {
  if (!key.file.locked) return key.file.secret;
  if (passphrase === undefined) throw new UsageError(`${key.from} is protected by a passphrase, and none was given`);
  try {
    return await unlockSecretKey(key.file.key, passphrase);
  } catch (error) {
    if (error instanceof MinisignFormatError) throw new UsageError(`${key.from} is not a usable signing key: ${error.message}`);
    throw error;
  }
}

/** As ssh does: a private key that others may read is refused, before anything is signed with it. */
async function assertPrivate(keyFile: string): Promise<void> {
  if (process.platform === 'win32') return;
  const { mode } = await stat(keyFile);
  if ((mode & 0o077) === 0) return;
  const octal = (mode & 0o777).toString(8).padStart(4, '0');
  throw new UsageError(
    `the key file ${keyFile} can be read or changed by other users (mode ${octal}): a private key must be yours alone. Run "chmod 600 ${keyFile}", then sign again`,
  );
}

/** The signing key must be the one registered for the role, when one is registered. */
export function assertRegisteredKey(data: ApplicationData, role: Role, secret: SecretKey): void {
  const other = ROLES.find((r) => r !== role)!;
  if (sameKey(data.representatives?.[other]?.publicKey, secret)) {
    throw new InvalidInputError(
      `this key (${keyIdOf(secret)}) is registered for the ${ROLE_TITLES[other]}: the two sign-offs must come from two people, each with their own key`,
    );
  }
  const registered = data.representatives?.[role]?.publicKey;
  if (registered === undefined) return;
  let keyId: string;
  try {
    const key = parsePublicKey(registered);
    if (key.key.equals(secret.publicKey.key) && key.keyId.equals(secret.keyId)) return;
    keyId = keyIdOf(key);
  } catch (error) {
    if (!(error instanceof MinisignFormatError)) throw error;
    throw new InvalidInputError(`representatives.${role}.publicKey in svmc.yaml is not a minisign public key: ${error.message}`);
  }
  throw new InvalidInputError(
    `this key (${keyIdOf(secret)}) is not the one registered for the ${ROLE_TITLES[role]} (${keyId}): sign with the registered key, or register this one with "svmc register-key --as ${role} --replace KEY.pub"`,
  );
}

function sameKey(line: string | undefined, secret: SecretKey): boolean {
  if (line === undefined) return false;
  try {
    return parsePublicKey(line).key.equals(secret.publicKey.key);
  } catch {
    return false;
  }
}
