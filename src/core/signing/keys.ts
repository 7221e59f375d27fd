import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { blake2b } from './blake2b.js';
import { MINISIGN_LIMITS, keyStream, xor, type ScryptLimits } from './key-encryption.js';
import {
  ALG_ED,
  KEY_ID_BYTES,
  MinisignFormatError,
  UNTRUSTED_PREFIX,
  decodeBase64,
  keyIdHex,
  linesOf,
} from './minisign-format.js';

export interface PublicKey {
  keyId: Buffer;
  /** The 32-byte Ed25519 public key. */
  key: Buffer;
  /** The base64 line of a minisign public key file, as registered in svmc.yaml. */
  line: string;
}

export interface SecretKey {
  keyId: Buffer;
  /** The 32-byte Ed25519 seed. */
  seed: Buffer;
  publicKey: PublicKey;
}

/** A passphrase-protected secret key as minisign stores it: its key id, key and checksum are sealed until unlocked. */
export interface LockedSecretKey extends ScryptLimits {
  salt: Buffer;
  /** keynum, secret key and checksum (104 bytes), XORed with the scrypt stream. */
  sealed: Buffer;
}

/** A secret key file: usable as it is, or sealed by a passphrase. */
export type SecretKeyFile = { locked: false; secret: SecretKey } | { locked: true; key: LockedSecretKey };

/** The passphrase given does not unlock the key (minisign: "Wrong password for that key"). */
export class WrongPassphraseError extends Error {
  override name = 'WrongPassphraseError';
}

const PUBLIC_KEY_BYTES = 2 + KEY_ID_BYTES + 32;
// sig_alg, kdf_alg, chk_alg, kdf_salt[32], opslimit[8], memlimit[8], keynum[8], sk[64], chk[32]
const SECRET_KEY_BYTES = 2 + 2 + 2 + 32 + 8 + 8 + KEY_ID_BYTES + 64 + 32;
const KDF_NONE = Buffer.from([0, 0]);
const KDF_SCRYPT = Buffer.from('Sc');
const CHK_BLAKE2B = Buffer.from('B2');

const base64url = (bytes: Buffer): string => bytes.toString('base64url');

/** A new Ed25519 key pair with a random key id, as `minisign -G` makes one. */
export function generateSecretKey(): SecretKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const seed = Buffer.from(jwk.d ?? '', 'base64url');
  const keyId = randomBytes(KEY_ID_BYTES);
  return { keyId, seed, publicKey: makePublicKey(keyId, publicHalf(seed)) };
}

function makePublicKey(keyId: Buffer, key: Buffer): PublicKey {
  return { keyId, key, line: Buffer.concat([ALG_ED, keyId, key]).toString('base64') };
}

function publicHalf(seed: Buffer): Buffer {
  const jwk = createPublicKey(privateKeyObject(seed)).export({ format: 'jwk' });
  return Buffer.from(jwk.x ?? '', 'base64url');
}

// PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410): Node 20 imports a JWK only with its public half.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function privateKeyObject(seed: Buffer): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

export function signingKeyObject(secret: SecretKey): KeyObject {
  return privateKeyObject(secret.seed);
}

export function verifyingKeyObject(publicKey: PublicKey): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: base64url(publicKey.key) }, format: 'jwk' });
}

/** The key id as minisign prints it, e.g. `F4A2C9E10B7D3356`. */
export function keyIdOf(key: PublicKey | SecretKey | Buffer): string {
  return keyIdHex(Buffer.isBuffer(key) ? key : key.keyId);
}

export function formatPublicKey(publicKey: PublicKey): string {
  return `${UNTRUSTED_PREFIX}minisign public key ${keyIdOf(publicKey)}\n${publicKey.line}\n`;
}

/** Reads a public key file, or the bare base64 line as registered in svmc.yaml. */
export function parsePublicKey(text: string): PublicKey {
  const lines = linesOf(text).filter((line) => line.trim() !== '');
  const line = lines[0]?.startsWith(UNTRUSTED_PREFIX) ? lines[1] : lines[0];
  if (line === undefined) throw new MinisignFormatError('the public key is empty');
  const bytes = decodeBase64(line, PUBLIC_KEY_BYTES, 'the public key');
  if (!bytes.subarray(0, 2).equals(ALG_ED)) {
    throw new MinisignFormatError('the public key is not an Ed25519 minisign key');
  }
  return { keyId: bytes.subarray(2, 10), key: bytes.subarray(10), line: line.trim() };
}

function checksum(keyId: Buffer, seed: Buffer, publicKey: Buffer): Buffer {
  return blake2b(Buffer.concat([ALG_ED, keyId, seed, publicKey]), 32);
}

/**
 * minisign's secret key file, unencrypted (kdf algorithm 0x0000, as `minisign -G -W` writes),
 * so stock `minisign -S -s FILE` signs with it too. Its protection is the file mode, like an SSH key.
 */
export function formatSecretKey(secret: SecretKey, comment = 'minisign secret key (unencrypted)'): string {
  return secretKeyText(KDF_NONE, Buffer.alloc(32), { opslimit: 0n, memlimit: 0n }, keyMaterial(secret), comment);
}

/**
 * minisign's encrypted secret key file, as `minisign -G` writes it: the key id, key and checksum
 * XORed with scrypt of the passphrase over a random salt, at minisign's own cost unless `limits` says otherwise.
 */
export async function formatEncryptedSecretKey(
  secret: SecretKey,
  passphrase: string,
  comment = 'minisign encrypted secret key',
  limits: ScryptLimits = MINISIGN_LIMITS,
): Promise<string> {
  const salt = randomBytes(32);
  const material = keyMaterial(secret);
  const sealed = xor(material, await keyStream(passphrase, salt, limits, material.length));
  return secretKeyText(KDF_SCRYPT, salt, limits, sealed, comment);
}

/** keynum, seed and public key (minisign's 64-byte sk), checksum. */
function keyMaterial({ keyId, seed, publicKey }: SecretKey): Buffer {
  return Buffer.concat([keyId, seed, publicKey.key, checksum(keyId, seed, publicKey.key)]);
}

function secretKeyText(kdf: Buffer, salt: Buffer, limits: ScryptLimits, material: Buffer, comment: string): string {
  const limit = (value: bigint): Buffer => {
    const bytes = Buffer.alloc(8);
    bytes.writeBigUInt64LE(value);
    return bytes;
  };
  const bytes = Buffer.concat([ALG_ED, kdf, CHK_BLAKE2B, salt, limit(limits.opslimit), limit(limits.memlimit), material]);
  return `${UNTRUSTED_PREFIX}${comment}\n${bytes.toString('base64')}\n`;
}

/** Reads a minisign secret key file: svmc's own, or `minisign -G`'s, with or without a passphrase. */
export function parseSecretKeyFile(text: string): SecretKeyFile {
  const lines = linesOf(text).filter((line) => line.trim() !== '');
  const line = lines[0]?.startsWith(UNTRUSTED_PREFIX) ? lines[1] : lines[0];
  if (line === undefined) throw new MinisignFormatError('the secret key is empty');
  if (/^untrusted comment: minisign public key/.test(lines[0] ?? '')) {
    throw new MinisignFormatError('this is a public key (.pub); give the private key (.key)');
  }
  const bytes = decodeBase64(line, SECRET_KEY_BYTES, 'the secret key');
  const kdf = bytes.subarray(2, 4);
  if (!bytes.subarray(0, 2).equals(ALG_ED) || !bytes.subarray(4, 6).equals(CHK_BLAKE2B)) {
    throw new MinisignFormatError('the secret key is not an Ed25519 minisign key');
  }
  const material = bytes.subarray(54);
  if (kdf.equals(KDF_SCRYPT)) {
    const key = { salt: bytes.subarray(6, 38), opslimit: bytes.readBigUInt64LE(38), memlimit: bytes.readBigUInt64LE(46), sealed: material };
    return { locked: true, key };
  }
  if (!kdf.equals(KDF_NONE)) throw new MinisignFormatError('the secret key uses an unknown encryption');
  const secret = fromMaterial(material, true);
  if (!secret) throw new MinisignFormatError('the secret key is damaged (its checksum does not match)');
  return { locked: false, secret };
}

/** Reads an unencrypted minisign secret key; a passphrase-protected one is refused, as it needs `unlockSecretKey`. */
export function parseSecretKey(text: string): SecretKey {
  const file = parseSecretKeyFile(text);
  if (file.locked) throw new MinisignFormatError('the secret key is protected by a passphrase');
  return file.secret;
}

/** Unlocks a passphrase-protected key as `minisign -S` does; throws WrongPassphraseError when the checksum then fails. */
export async function unlockSecretKey(key: LockedSecretKey, passphrase: string): Promise<SecretKey> {
  const material = xor(key.sealed, await keyStream(passphrase, key.salt, key, key.sealed.length));
  const secret = fromMaterial(material, false);
  if (!secret) throw new WrongPassphraseError('the passphrase does not unlock this key');
  return secret;
}

/** The key in minisign's key material, or undefined when its checksum (or its public half) does not match. */
function fromMaterial(material: Buffer, zeroChecksumAllowed: boolean): SecretKey | undefined {
  const keyId = material.subarray(0, 8);
  const seed = material.subarray(8, 40);
  const storedPublic = material.subarray(40, 72);
  const stored = material.subarray(72, 104);
  // minisign -W leaves the checksum zeroed; anything else must match, or the file is damaged.
  const checks = (zeroChecksumAllowed && stored.equals(Buffer.alloc(32))) || stored.equals(checksum(keyId, seed, storedPublic));
  if (!checks || !publicHalf(seed).equals(storedPublic)) return undefined;
  return { keyId, seed, publicKey: makePublicKey(keyId, storedPublic) };
}
