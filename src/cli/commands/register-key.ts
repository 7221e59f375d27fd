import { ROLE_TITLES } from '../../core/domain.js';
import { keyIdOf } from '../../core/signing/keys.js';
import { readPublicKeyArgument } from '../../core/signing/public-key-source.js';
import { registerPublicKey } from '../../core/signing/register-key.js';
import { watchSignoffs } from '../../core/signing/watch-signoffs.js';
import { paint } from '../color.js';
import { out } from '../io.js';
import { noteReprinted } from '../reprinted.js';
import { announceAffected } from '../signoff-notes.js';
import type { OptionsOf } from '../program.js';
import type { defineRegisterKey } from '../signing-commands.js';

export type RegisterKeyCommandOptions = OptionsOf<typeof defineRegisterKey>;

export async function run(key: string, dir: string, options: RegisterKeyCommandOptions): Promise<number> {
  const role = options.as;
  const publicKey = await readPublicKeyArgument(key);
  const { result, affected } = await watchSignoffs(dir, () => registerPublicKey(dir, role, publicKey, { replace: options.replace === true }));
  const who = `the ${ROLE_TITLES[role]}`;
  if (result.unchanged) {
    out(`Key ${paint('bold', keyIdOf(publicKey))} is already registered for ${who}; ${result.file} is unchanged.`);
    return 0;
  }
  const note = result.replaced ? ', replacing the key registered before' : '';
  out(`Registered key ${paint('bold', keyIdOf(publicKey))} for ${who} in ${result.file} (representatives.${role}.publicKey)${note}.`);
  noteReprinted(result.reprinted);
  announceAffected(affected);
  return 0;
}
