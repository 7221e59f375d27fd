import { createHash, sign, verify } from 'node:crypto';
import { signingKeyObject, verifyingKeyObject, keyIdOf, type PublicKey, type SecretKey } from './keys.js';
import {
  ALG_ED,
  ALG_PREHASHED,
  KEY_ID_BYTES,
  MinisignFormatError,
  TRUSTED_COMMENT_MAX_BYTES,
  TRUSTED_PREFIX,
  UNTRUSTED_PREFIX,
  decodeBase64,
  linesOf,
} from './minisign-format.js';

export interface ParsedSignature {
  untrustedComment: string;
  /** True for `ED` (BLAKE2b-512 prehash), false for legacy `Ed`. */
  prehashed: boolean;
  keyId: Buffer;
  signature: Buffer;
  trustedComment: string;
  globalSignature: Buffer;
}

export interface SignOptions {
  trustedComment: string;
  untrustedComment?: string;
}

export interface VerifyResult {
  valid: boolean;
  /** Why it is not valid. */
  reason?: 'malformed' | 'wrong-key' | 'bad-signature' | 'bad-trusted-comment';
  /** A sentence for the user when not valid. */
  problem?: string;
  /** The signature's key id as minisign prints it (absent when malformed). */
  keyId?: string;
  trustedComment?: string;
  /** `key:value` pairs of the trusted comment; trust them only when `valid`. */
  fields: Record<string, string>;
}

const prehash = (message: Uint8Array): Buffer => createHash('blake2b512').update(message).digest();

/** Signs `message` as `minisign -S` does (prehashed `ED`) and returns the .minisig text. */
export function signMessage(message: Uint8Array, secret: SecretKey, options: SignOptions): string {
  const trusted = options.trustedComment;
  if (/[\r\n]/.test(trusted) || Buffer.byteLength(trusted) > TRUSTED_COMMENT_MAX_BYTES) {
    throw new RangeError('a trusted comment is one line of at most 8 KiB');
  }
  const key = signingKeyObject(secret);
  const signature = sign(null, prehash(message), key);
  const globalSignature = sign(null, Buffer.concat([signature, Buffer.from(trusted)]), key);
  const untrusted = (options.untrustedComment ?? `signature from minisign secret key ${keyIdOf(secret)}`).replace(/[\r\n]+/g, ' ');
  return [
    `${UNTRUSTED_PREFIX}${untrusted}`,
    Buffer.concat([ALG_PREHASHED, secret.keyId, signature]).toString('base64'),
    `${TRUSTED_PREFIX}${trusted}`,
    globalSignature.toString('base64'),
    '',
  ].join('\n');
}

export function parseSignature(text: string): ParsedSignature {
  const [untrusted, sigLine, trusted, globalLine] = linesOf(text);
  if (!untrusted?.startsWith(UNTRUSTED_PREFIX)) {
    throw new MinisignFormatError(`the first line should start with "${UNTRUSTED_PREFIX.trim()}"`);
  }
  if (sigLine === undefined || globalLine === undefined || trusted === undefined) {
    throw new MinisignFormatError('the signature file is incomplete: it needs four lines');
  }
  if (!trusted.startsWith(TRUSTED_PREFIX)) {
    throw new MinisignFormatError(`the third line should start with "${TRUSTED_PREFIX.trim()}"`);
  }
  const bytes = decodeBase64(sigLine, 2 + KEY_ID_BYTES + 64, 'the signature line');
  const algorithm = bytes.subarray(0, 2);
  if (!algorithm.equals(ALG_PREHASHED) && !algorithm.equals(ALG_ED)) {
    throw new MinisignFormatError('the signature uses an unknown algorithm');
  }
  return {
    untrustedComment: untrusted.slice(UNTRUSTED_PREFIX.length),
    prehashed: algorithm.equals(ALG_PREHASHED),
    keyId: bytes.subarray(2, 10),
    signature: bytes.subarray(10),
    trustedComment: trusted.slice(TRUSTED_PREFIX.length),
    globalSignature: decodeBase64(globalLine, 64, 'the global signature line'),
  };
}

/** What `minisign -V` checks: key id, the signature over the message, the signature over the trusted comment. */
export function verifySignature(message: Uint8Array, signatureText: string, publicKey: PublicKey): VerifyResult {
  let parsed: ParsedSignature;
  try {
    parsed = parseSignature(signatureText);
  } catch (error) {
    if (!(error instanceof MinisignFormatError)) throw error;
    return { valid: false, reason: 'malformed', problem: error.message, fields: {} };
  }
  const keyId = keyIdOf(parsed.keyId);
  const seen = { keyId, trustedComment: parsed.trustedComment, fields: parseTrustedComment(parsed.trustedComment) };
  if (!parsed.keyId.equals(publicKey.keyId)) {
    const problem = `it was made with key ${keyId}, not with key ${keyIdOf(publicKey)}`;
    return { valid: false, reason: 'wrong-key', problem, ...seen };
  }
  const key = verifyingKeyObject(publicKey);
  if (!verify(null, parsed.prehashed ? prehash(message) : message, key, parsed.signature)) {
    return { valid: false, reason: 'bad-signature', problem: 'the signature does not match the signed data', ...seen };
  }
  const signedComment = Buffer.concat([parsed.signature, Buffer.from(parsed.trustedComment)]);
  if (!verify(null, signedComment, key, parsed.globalSignature)) {
    return { valid: false, reason: 'bad-trusted-comment', problem: 'the trusted comment was altered', ...seen };
  }
  return { valid: true, ...seen };
}

/** `key:value` pairs joined by tabs, minisign's own convention (`timestamp:…\tfile:…`). */
export function formatTrustedComment(fields: Record<string, string | number>): string {
  return Object.entries(fields)
    .map(([key, value]) => `${key}:${String(value).replace(/\s+/g, ' ').trim()}`)
    .join('\t');
}

export function parseTrustedComment(comment: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const part of comment.split('\t')) {
    const colon = part.indexOf(':');
    if (colon > 0) fields[part.slice(0, colon)] = part.slice(colon + 1);
  }
  return fields;
}
