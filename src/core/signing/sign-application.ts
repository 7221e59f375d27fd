import { mkdir, stat } from 'node:fs/promises';
import { FileReadError, READ_LIMITS, readRegularFile } from '../fs/read-file.js';
import { asUsageError } from '../fs/system-errors.js';
import type { ApplicationData } from '../application/types.js';
import { ROLES, ROLE_TITLES, type Role } from '../domain.js';
import { InvalidInputError, UsageError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { Application, ApplicationDocument } from '../application/open.js';
import { buildManifest, type Manifest } from '../manifest/build-manifest.js';
import { keyIdOf, parsePublicKey, parseSecretKey, type SecretKey } from './keys.js';
import { MinisignFormatError } from './minisign-format.js';
import { formatTrustedComment, signMessage } from './signature.js';
import { SIGNOFF_DIR, inFolder, signaturePath, signedManifestPath } from './signoff-files.js';

export interface KeySource {
  /** `--key FILE`. */
  keyFile?: string;
  /** The key's text, from SVMC_SIGNING_KEY. */
  keyText?: string;
}

/** The private key from a file or from text; every problem is a UsageError (exit 2) saying what to do. */
export async function loadSigningKey({ keyFile, keyText }: KeySource): Promise<SecretKey> {
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
    return parseSecretKey(text);
  } catch (error) {
    if (error instanceof MinisignFormatError) throw new UsageError(`${from} is not a usable signing key: ${error.message}`);
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
    `this key (${keyIdOf(secret)}) is not the one registered for the ${ROLE_TITLES[role]} (${keyId}): sign with the registered key, or register this one with "svmc keygen --register" on a new key`,
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

export interface SignApplicationOptions {
  app: Application;
  document: ApplicationDocument & { data: ApplicationData };
  role: Role;
  secret: SecretKey;
  /** The signing time in the trusted comment (default now). */
  now?: Date;
}

export interface SignApplicationResult {
  manifest: Manifest;
  keyId: string;
  trustedComment: string;
  /** Relative to the folder. */
  signatureFile: string;
  manifestFile: string;
}

/** Signs the folder's evidence manifest; writes signoffs/<role>.manifest, then signoffs/<role>.minisig. */
export async function signApplication(options: SignApplicationOptions): Promise<SignApplicationResult> {
  const { app, document, role, secret } = options;
  const { data } = document;
  const { dir } = app;
  const manifest = await buildManifest(app.folder, document.referenced);
  // The hashes just made serve the next check; the folder gets its cache now if it had none.
  await app.folder.saveFacts(true);
  const trustedComment = formatTrustedComment({
    timestamp: Math.floor((options.now ?? new Date()).getTime() / 1000),
    role,
    name: capped(data.representatives?.[role]?.name ?? ''),
    level: data.application.level,
    organisation: capped(data.applicant.organisation),
  });
  const signature = signMessage(Buffer.from(manifest.text), secret, {
    trustedComment,
    untrustedComment: `svmc sign-off by the ${ROLE_TITLES[role]}, key ${keyIdOf(secret)}; signs ${signedManifestPath(role)}`,
  });
  const signatureFile = signaturePath(role);
  const manifestFile = signedManifestPath(role);
  try {
    await mkdir(inFolder(dir, SIGNOFF_DIR), { recursive: true });
    await writeFileAtomic(inFolder(dir, manifestFile), manifest.text);
    await writeFileAtomic(inFolder(dir, signatureFile), signature);
  } catch (error) {
    throw error instanceof UsageError ? error : asUsageError(error, `cannot write the sign-off into ${inFolder(dir, SIGNOFF_DIR)}`);
  }
  return { manifest, keyId: keyIdOf(secret), trustedComment, signatureFile, manifestFile };
}

/** Keeps the trusted comment far below minisign's 8 KiB line, cutting at a character, not a byte. */
function capped(value: string, max = 500): string {
  const chars = Array.from(value);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : value;
}
