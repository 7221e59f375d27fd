import { join } from 'node:path';
import { ROLE_TITLES } from '../../core/domain.js';
import { defaultKeyDir, writeKeyPair, type WrittenKeyPair } from '../../core/signing/key-files.js';
import { keyIdOf } from '../../core/signing/keys.js';
import { registerPublicKey } from '../../core/signing/register-key.js';
import { paint } from '../color.js';
import { out } from '../io.js';
import { noteReprinted } from '../reprinted.js';
import type { OptionsOf, defineKeygen } from '../program.js';

export type KeygenCommandOptions = OptionsOf<typeof defineKeygen>;

export async function run(dir: string, options: KeygenCommandOptions): Promise<number> {
  const role = options.as;
  const keyPath = options.out ?? join(defaultKeyDir(), `${role}.key`);
  let written: WrittenKeyPair | undefined;
  const make = async (): Promise<WrittenKeyPair> => (written = await writeKeyPair({ role, keyPath, force: options.force }));
  // With --register the key is made only once svmc.yaml is known to take it.
  const registered = options.register ? await registerPublicKey(dir, role, async () => (await make()).secret.publicKey) : undefined;
  if (!written) written = await make();
  const { publicKey } = written.secret;
  out(`${paint('bold', 'Key id:')}      ${keyIdOf(publicKey)} (${ROLE_TITLES[role]})`);
  out(`${paint('bold', 'Private key:')} ${written.keyPath} (mode 0600; keep it secret, never in the application folder)`);
  out(`${paint('bold', 'Public key:')}  ${written.publicKeyPath}`);
  if (registered) {
    const note = registered.replaced ? ', replacing the key registered before' : '';
    out(`Registered in ${registered.file} as representatives.${role}.publicKey${note}.`);
    noteReprinted(registered.reprinted);
  } else {
    out(`Register it with "svmc keygen --register" next time, or add to svmc.yaml under representatives.${role}:`);
    out(`  publicKey: ${publicKey.line}`);
  }
  out(`Sign with: svmc sign --as ${role} --key ${written.keyPath}`);
  return 0;
}
