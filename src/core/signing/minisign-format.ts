/** The minisign file formats: https://jedisct1.github.io/minisign/ */

export const UNTRUSTED_PREFIX = 'untrusted comment: ';
export const TRUSTED_PREFIX = 'trusted comment: ';
/** Key files and legacy signatures. */
export const ALG_ED = Buffer.from('Ed');
/** Signatures over the BLAKE2b-512 prehash of the message. */
export const ALG_PREHASHED = Buffer.from('ED');
export const KEY_ID_BYTES = 8;
/** minisign reads at most this many bytes of a trusted comment line. */
export const TRUSTED_COMMENT_MAX_BYTES = 8192 - TRUSTED_PREFIX.length - 2;

/** A key or signature file that is not in the minisign format; the message says what is wrong. */
export class MinisignFormatError extends Error {
  override name = 'MinisignFormatError';
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict base64 (Buffer.from ignores junk, which would let a damaged file through). */
export function decodeBase64(text: string, length: number, what: string): Buffer {
  const trimmed = text.trim();
  // The length is known before the pattern runs: a hostile line of megabytes never reaches it.
  const fits = trimmed.length === 4 * Math.ceil(length / 3);
  const bytes = fits && BASE64.test(trimmed) ? Buffer.from(trimmed, 'base64') : undefined;
  if (!bytes || bytes.length !== length) {
    throw new MinisignFormatError(`${what} is not valid: expected base64 of ${length} bytes`);
  }
  return bytes;
}

/** Splits a file into lines, accepting CRLF as minisign does. */
export function linesOf(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/);
}

/** Key ids print as minisign prints them: the little-endian 64-bit number in uppercase hex. */
export function keyIdHex(keyId: Buffer): string {
  return Buffer.from(keyId).reverse().toString('hex').toUpperCase();
}
