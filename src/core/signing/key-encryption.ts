import { scrypt, type ScryptOptions } from 'node:crypto';
import { MinisignFormatError } from './minisign-format.js';

/** scrypt's cost as minisign stores it: libsodium's opslimit and memlimit. */
export interface ScryptLimits {
  opslimit: bigint;
  memlimit: bigint;
}

/** What `minisign -G` writes: libsodium's crypto_pwhash_scryptsalsa208sha256 *_SENSITIVE limits (1 GiB, N = 2^20). */
export const MINISIGN_LIMITS: ScryptLimits = { opslimit: 33554432n, memlimit: 1073741824n };

/** Past these a key's settings would take minutes or more memory than minisign ever asks for: a hostile file, not a key. */
const MAX_MEMORY_BYTES = 2 * 1024 ** 3;
const MAX_WORK = 4n * 2n ** 20n;

/** scrypt's N, r and p for minisign's limits, exactly as libsodium's `pickparams` chooses them. */
export function scryptParameters({ opslimit, memlimit }: ScryptLimits): { N: number; r: number; p: number } {
  const ops = opslimit < 32768n ? 32768n : opslimit;
  const r = 8n;
  const logOf = (maxN: bigint): bigint => {
    let log = 1n;
    while (log < 63n && 1n << log <= maxN / 2n) log += 1n;
    return log;
  };
  let log: bigint;
  let p: bigint;
  if (ops < memlimit / 32n) {
    p = 1n;
    log = logOf(ops / (r * 4n));
  } else {
    log = logOf(memlimit / (r * 128n));
    let maxrp = ops / 4n / (1n << log);
    if (maxrp > 0x3fffffffn) maxrp = 0x3fffffffn;
    p = maxrp / r;
  }
  const N = 1n << log;
  if (p < 1n || 128n * r * N > BigInt(MAX_MEMORY_BYTES) || N * p > MAX_WORK) {
    throw new MinisignFormatError('the secret key asks for scrypt settings far beyond what minisign writes; it is not a key svmc will unlock');
  }
  return { N: Number(N), r: Number(r), p: Number(p) };
}

/** The scrypt output minisign XORs with the key material (keynum, secret key, checksum). */
export function keyStream(passphrase: string, salt: Buffer, limits: ScryptLimits, length: number): Promise<Buffer> {
  const { N, r, p } = scryptParameters(limits);
  // OpenSSL needs 128·r·(N + p + 2) bytes; Node refuses anything over maxmem.
  const options: ScryptOptions = { N, r, p, maxmem: 128 * r * (N + p + 2) };
  return new Promise((resolve, reject) => {
    scrypt(Buffer.from(passphrase, 'utf8'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export function xor(data: Buffer, stream: Buffer): Buffer {
  return Buffer.from(data.map((byte, i) => byte ^ (stream[i] ?? 0)));
}
