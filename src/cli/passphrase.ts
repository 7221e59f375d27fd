import { UsageError } from '../core/errors.js';
import { WrongPassphraseError, type SecretKey } from '../core/signing/keys.js';
import { unlockSigningKey, type SigningKey } from '../core/signing/signing-key.js';
import { paint } from './color.js';
import { err } from './io.js';

/** Where a passphrase comes from without a terminal: never a flag, which would show in process lists. */
const PASSPHRASE_ENV = 'SVMC_KEY_PASSPHRASE';
const TRIES = 3;

const fromEnvironment = (): string | undefined => {
  const value = process.env[PASSPHRASE_ENV];
  return value === undefined || value === '' ? undefined : value;
};

const context = { output: process.stderr };

/** Refuses at once (exit 2) a protected key that no passphrase can reach: no terminal to ask at, nothing in the environment. */
export function assertUnlockable(key: SigningKey, canAsk: boolean): void {
  if (!key.file.locked || canAsk || fromEnvironment() !== undefined) return;
  throw new UsageError(
    `${key.from} is protected by a passphrase, and there is no terminal to ask for it: put it in ${PASSPHRASE_ENV} (never on the command line)`,
  );
}

/** The usable key: as it is, unlocked with SVMC_KEY_PASSPHRASE, or with a passphrase asked for at the terminal. */
export async function unlockKey(key: SigningKey, canAsk: boolean): Promise<SecretKey> {
  if (!key.file.locked) return key.file.secret;
  const given = fromEnvironment();
  if (given !== undefined) {
    try {
      return await unlocking(key, given);
    } catch (error) {
      if (error instanceof WrongPassphraseError) throw new UsageError(`${PASSPHRASE_ENV} does not unlock ${key.from}: it is not that key's passphrase`);
      throw error;
    }
  }
  assertUnlockable(key, canAsk);
  const { password } = await import('@inquirer/prompts');
  for (let attempt = 1; ; attempt++) {
    const passphrase = await password({ message: `Passphrase of ${key.from}`, mask: '*' }, context);
    try {
      return await unlocking(key, passphrase);
    } catch (error) {
      if (!(error instanceof WrongPassphraseError)) throw error;
      if (attempt === TRIES) throw new UsageError(`${TRIES} passphrases tried, none unlocks ${key.from}`);
      err(paint('yellow', 'That passphrase does not unlock the key; try again.'));
    }
  }
}

async function unlocking(key: SigningKey, passphrase: string): Promise<SecretKey> {
  err(paint('dim', 'Unlocking the key (scrypt takes a few seconds)…'));
  return unlockSigningKey(key, passphrase);
}

export interface NewPassphraseOptions {
  /** `--no-passphrase`: write the key unencrypted. */
  none: boolean;
  canAsk: boolean;
}

/**
 * The passphrase for a new key, or undefined for none: SVMC_KEY_PASSPHRASE, else asked twice at a
 * terminal (an empty one only after a warning); without either, `--no-passphrase` must say so.
 */
export async function newPassphrase({ none, canAsk }: NewPassphraseOptions): Promise<string | undefined> {
  if (none) return undefined;
  const given = fromEnvironment();
  if (given !== undefined) return given;
  if (!canAsk) {
    throw new UsageError(
      `no terminal to ask for a passphrase: put one in ${PASSPHRASE_ENV} to protect the key, or pass --no-passphrase to write it unencrypted`,
    );
  }
  const { password, confirm } = await import('@inquirer/prompts');
  for (;;) {
    const first = await password({ message: 'Passphrase to protect the key (Enter for none)', mask: '*' }, context);
    if (first === '') {
      err(paint('yellow', 'Without a passphrase, anyone who can read the key file can sign in your name.'));
      const plain = await confirm({ message: 'Write the key without a passphrase?', default: false, theme: { style: { defaultAnswer: (text: string) => `[${text}]` } } }, context);
      if (plain) return undefined;
      continue;
    }
    const second = await password({ message: 'The same passphrase again', mask: '*' }, context);
    if (first === second) return first;
    err(paint('yellow', 'The two passphrases differ; try again.'));
  }
}
