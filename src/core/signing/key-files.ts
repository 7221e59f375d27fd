import { lstat, mkdir, realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, parse, resolve } from 'node:path';
import type { Role } from '../domain.js';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { asUsageError } from '../fs/system-errors.js';
import { formatEncryptedSecretKey, formatPublicKey, formatSecretKey, generateSecretKey, type SecretKey } from './keys.js';

/** `$XDG_CONFIG_HOME/svmc`, else `~/.config/svmc` (`%APPDATA%\svmc` on Windows). */
function defaultKeyDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, 'svmc');
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'svmc');
  return join(homedir(), '.config', 'svmc');
}

/** Where `svmc keygen --as ROLE` puts the private key when no --out is given. */
export function defaultKeyPath(role: Role, env: NodeJS.ProcessEnv = process.env): string {
  return join(defaultKeyDir(env), `${role}.key`);
}

/** `lead.key` → `lead.pub`; any other name gets `.pub` appended. */
export function publicKeyPathFor(keyPath: string): string {
  return keyPath.endsWith('.key') ? `${keyPath.slice(0, -4)}.pub` : `${keyPath}.pub`;
}

/** The nearest folder at or above `path` that holds svmc.yaml, if any. */
async function enclosingApplication(path: string): Promise<string | undefined> {
  let dir = resolve(path);
  const { root } = parse(dir);
  for (;;) {
    if (await stat(join(dir, 'svmc.yaml')).then((s) => s.isFile(), () => false)) return dir;
    if (dir === root) return undefined;
    dir = dirname(dir);
  }
}

/** The real folder a file written at `path` lands in (the file itself replaces any link of its name). */
async function realFolderOf(path: string): Promise<string> {
  let folder = dirname(resolve(path));
  const rest: string[] = [];
  for (;;) {
    const real = await realpath(folder).catch(() => undefined);
    if (real !== undefined) return join(real, ...rest);
    if (folder === dirname(folder)) return folder;
    rest.unshift(basename(folder));
    folder = dirname(folder);
  }
}

export interface KeyPairTarget {
  role: Role;
  /** Private key path; the public key goes beside it. */
  keyPath: string;
  publicKeyPath: string;
  force: boolean;
}

/** Where a new key pair goes, refused (UsageError) when that is a folder, inside an application, or taken without --force. */
export async function keyPairTarget(role: Role, keyPath: string, force = false): Promise<KeyPairTarget> {
  const publicKeyPath = publicKeyPathFor(keyPath);
  if (await stat(keyPath).then((s) => s.isDirectory(), () => false)) {
    throw new UsageError(`${keyPath} is a folder: name the key file, e.g. --out ${join(keyPath, `${role}.key`)}`);
  }
  // Judged by where the key really lands: a folder reached through a symbolic link is that folder.
  const application = await enclosingApplication(await realFolderOf(keyPath));
  if (application !== undefined) {
    throw new UsageError(
      `${keyPath} is inside the application folder ${application}: a private key must never live there (it would end up in the pack); choose a path outside it, or leave out --out`,
    );
  }
  if (!force) {
    for (const path of [keyPath, publicKeyPath]) {
      if (await lstat(path).then(() => true, () => false)) {
        throw new UsageError(`${path} already exists; add --force to replace it (the old key can no longer sign)`);
      }
    }
  }
  return { role, keyPath, publicKeyPath, force };
}

export interface NewKeyPair {
  secret: SecretKey;
  /** The secret key file's text: encrypted when a passphrase was given. */
  secretText: string;
  publicText: string;
  encrypted: boolean;
}

/** A new key pair in minisign's files, the secret key sealed with `passphrase` when one is given (a few seconds of scrypt). */
export async function makeKeyPair(role: Role, passphrase?: string): Promise<NewKeyPair> {
  const secret = generateSecretKey();
  const encrypted = passphrase !== undefined && passphrase !== '';
  const secretText = encrypted
    ? await formatEncryptedSecretKey(secret, passphrase, `svmc ${role} secret key (minisign format, encrypted with a passphrase)`)
    : formatSecretKey(secret, `svmc ${role} secret key (minisign format, unencrypted): keep it private`);
  return { secret, secretText, publicText: formatPublicKey(secret.publicKey), encrypted };
}

export interface WrittenKeyPair {
  secret: SecretKey;
  keyPath: string;
  publicKeyPath: string;
  encrypted: boolean;
}

/** Writes a key pair: the private key with mode 0600, both files atomically, the target judged again just before. */
export async function writeKeyPair(target: KeyPairTarget, pair: NewKeyPair): Promise<WrittenKeyPair> {
  const { keyPath, publicKeyPath } = await keyPairTarget(target.role, target.keyPath, target.force);
  try {
    await mkdir(dirname(resolve(keyPath)), { recursive: true, mode: 0o700 });
    await writeFileAtomic(keyPath, pair.secretText, { mode: 0o600 });
    await writeFileAtomic(publicKeyPath, pair.publicText, { mode: 0o644 });
    return { secret: pair.secret, keyPath, publicKeyPath, encrypted: pair.encrypted };
  } catch (error) {
    throw asUsageError(error, `cannot write the key to ${keyPath}`);
  }
}
