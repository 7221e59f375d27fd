import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { blake2b } from './blake2b.js';
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
  const { keyId, seed, publicKey } = secret;
  const bytes = Buffer.concat([
    ALG_ED,
    KDF_NONE,
    CHK_BLAKE2B,
    Buffer.alloc(32 + 8 + 8),
    keyId,
    seed,
    publicKey.key,
    checksum(keyId, seed, publicKey.key),
  ]);
  return `${UNTRUSTED_PREFIX}${comment}\n${bytes.toString('base64')}\n`;
}

/** Reads an unencrypted minisign secret key (svmc's own, or `minisign -G -W`'s). */
export function parseSecretKey(text: string): SecretKey {
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
  if (kdf.equals(KDF_SCRYPT)) {
    throw new MinisignFormatError(
      'the secret key is password-protected; svmc never prompts, so remove the password with `minisign -C -W -s FILE` or make a key with `svmc keygen`',
    );
  }
  if (!kdf.equals(KDF_NONE)) throw new MinisignFormatError('the secret key uses an unknown encryption');
  const keyId = bytes.subarray(54, 62);
  const seed = bytes.subarray(62, 94);
  const storedPublic = bytes.subarray(94, 126);
  const stored = bytes.subarray(126, 158);
  // minisign -W leaves the checksum zeroed; anything else must match, or the file is damaged.
  const checks = stored.equals(Buffer.alloc(32)) || stored.equals(checksum(keyId, seed, storedPublic));
  if (!checks || !publicHalf(seed).equals(storedPublic)) {
    throw new MinisignFormatError('the secret key is damaged (its checksum does not match)');
  }
  return { keyId, seed, publicKey: makePublicKey(keyId, storedPublic) };
}
