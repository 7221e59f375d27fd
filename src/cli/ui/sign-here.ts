import { homedir } from 'node:os';
import { EditConflictError, textHash } from '../../core/application/edit-application.js';
import { openApplication } from '../../core/application/open.js';
import { checkApplication } from '../../core/check/check-application.js';
import { ROLE_TITLES, type Role } from '../../core/domain.js';
import { SIGNOFF_CODES } from '../../core/findings.js';
import { signApplication } from '../../core/signing/sign-application.js';
import { assertRegisteredKey, readSigningKey, unlockSigningKey } from '../../core/signing/signing-key.js';
import { plural } from '../../report/words.js';
import { HttpError } from './http-error.js';

export interface SignHereOptions {
  dir: string;
  role: Role;
  /** A key file on this computer; `~/` is the home folder. */
  keyFile: string;
  /** Empty for a key without one. */
  passphrase: string;
  /** The svmc.yaml the page showed in its review: a folder changed since is not signed. */
  base?: string;
}

/** Signs the folder as `svmc sign --as ROLE --key FILE` does, once its check has no errors but sign-offs. */
export async function signHere(options: SignHereOptions): Promise<string> {
  const keyFile = options.keyFile.trim().replace(/^~(?=\/|$)/, homedir());
  const key = await readSigningKey({ keyFile });
  const secret = await unlockSigningKey(key, options.passphrase === '' ? undefined : options.passphrase);
  const app = await openApplication(options.dir);
  const { result, document } = await checkApplication(app, { skipSignoffs: true });
  if (document === undefined || document.data === undefined) throw new HttpError(400, 'svmc.yaml cannot be read: fix it first.');
  if (options.base !== undefined && textHash(document.loaded.text) !== options.base) throw new EditConflictError('svmc.yaml changed after the review was shown');
  const errors = result.findings.filter((f) => f.severity === 'error' && !SIGNOFF_CODES.includes(f.code));
  if (errors.length > 0) throw new HttpError(400, `Not signed: ${plural(errors.length, 'error')} to fix first. ${errors.map((f) => f.message).join(' ')}`);
  const data = document.data;
  assertRegisteredKey(data, options.role, secret);
  const signed = await signApplication({ app, document: { ...document, data }, role: options.role, secret });
  const unregistered = data.representatives?.[options.role]?.publicKey === undefined
    ? ` No public key is registered for the ${ROLE_TITLES[options.role]}, so the check will call this sign-off invalid: register it with "svmc register-key --as ${options.role} ${keyFile.replace(/\.key$/, '.pub')}", then sign again.`
    : '';
  return `Signed as the ${ROLE_TITLES[options.role]} with key ${signed.keyId}: ${plural(signed.manifest.entries.length, 'file')}. Wrote ${signed.signatureFile}.${unregistered}`;
}
