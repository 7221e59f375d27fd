import { ROLE_TITLES } from '../../core/domain.js';
import { defaultKeyPath, keyPairTarget, makeKeyPair, writeKeyPair, type WrittenKeyPair } from '../../core/signing/key-files.js';
import { keyIdOf } from '../../core/signing/keys.js';
import { assertRegistrable, registerPublicKey } from '../../core/signing/register-key.js';
import { watchSignoffs } from '../../core/signing/watch-signoffs.js';
import { paint } from '../color.js';
import { canPrompt, err, out } from '../io.js';
import { newPassphrase } from '../passphrase.js';
import { noteReprinted } from '../reprinted.js';
import { announceAffected } from '../signoff-notes.js';
import { shellWord } from '../../core/signing/sign-hint.js';
import type { OptionsOf } from '../program.js';
import type { defineKeygen } from '../signing-commands.js';

export type KeygenCommandOptions = OptionsOf<typeof defineKeygen>;

export async function run(dir: string, options: KeygenCommandOptions): Promise<number> {
  const role = options.as;
  // Every refusal the paths allow comes before the passphrase is asked for.
  const target = await keyPairTarget(role, options.out ?? defaultKeyPath(role), options.force === true);
  if (options.register) await assertRegistrable(dir, role, { replace: options.replace === true });
  const passphrase = await newPassphrase({ none: options.passphrase === false, canAsk: canPrompt() });
  if (passphrase !== undefined) err(paint('dim', 'Encrypting the key with the passphrase (scrypt takes a few seconds)…'));
  const pair = await makeKeyPair(role, passphrase);
  let written: WrittenKeyPair | undefined;
  const write = async (): Promise<WrittenKeyPair> => (written = await writeKeyPair(target, pair));
  // With --register the key is written only once svmc.yaml is known to take it.
  const registering = options.register
    ? await watchSignoffs(dir, () => registerPublicKey(dir, role, async () => (await write()).secret.publicKey, { replace: options.replace === true }))
    : undefined;
  if (!written) written = await write();
  const { publicKey } = written.secret;
  out(`${paint('bold', 'Key id:')}      ${keyIdOf(publicKey)} (${ROLE_TITLES[role]})`);
  const protection = written.encrypted ? 'encrypted with your passphrase' : 'unencrypted: anyone who can read it can sign as you';
  out(`${paint('bold', 'Private key:')} ${written.keyPath} (mode 0600, ${protection}; never in the application folder)`);
  out(`${paint('bold', 'Public key:')}  ${written.publicKeyPath}`);
  if (registering) {
    const registered = registering.result;
    const note = registered.replaced ? ', replacing the key registered before' : '';
    out(`Registered in ${registered.file} as representatives.${role}.publicKey${note}.`);
    noteReprinted(registered.reprinted);
    announceAffected(registering.affected);
  } else {
    out(`Register it in the application folder with: svmc register-key --as ${role} ${shellWord(written.publicKeyPath)}`);
    out(`  (or send ${written.publicKeyPath} to whoever keeps the folder; it can be public)`);
  }
  out(`Sign with: svmc sign --as ${role} --key ${shellWord(written.keyPath)}`);
  return 0;
}
