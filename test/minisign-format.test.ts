import { describe, expect, it } from 'vitest';
import {
  formatPublicKey,
  formatSecretKey,
  generateSecretKey,
  keyIdOf,
  parsePublicKey,
  parseSecretKey,
  parseSecretKeyFile,
} from '../src/core/signing/keys.js';
import { MinisignFormatError } from '../src/core/signing/minisign-format.js';
import {
  formatTrustedComment,
  parseSignature,
  parseTrustedComment,
  signMessage,
  verifySignature,
} from '../src/core/signing/signature.js';

// Written by stock `minisign -G -W` (0.11): unencrypted, checksum left zero.
const MINISIGN_UNENCRYPTED_KEY = `untrusted comment: minisign encrypted secret key
RWQAAEIyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA4kqMxBT34g7YeX23LKxfo6zyNfSF1ddpuOH6lRvX1s2e16mUmw0wjbFpu0/Q2Aku0idSZoBMcNC7KUgcDO1oYF5qe3uf1waLAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=
`;
const MINISIGN_PUBLIC_KEY = `untrusted comment: minisign public key EE2F714C48C4AE2
RWTiSozEFPfiDrFpu0/Q2Aku0idSZoBMcNC7KUgcDO1oYF5qe3uf1waL
`;

const reencode = (line: string, edit: (bytes: Buffer) => void): string => {
  const bytes = Buffer.from(line, 'base64');
  edit(bytes);
  return bytes.toString('base64');
};

describe('minisign keys', () => {
  it('writes a public key file minisign reads: comment with the key id, then Ed + key id + key', () => {
    const secret = generateSecretKey();
    const text = formatPublicKey(secret.publicKey);
    const [comment, line] = text.split('\n');
    expect(comment).toBe(`untrusted comment: minisign public key ${keyIdOf(secret)}`);
    expect(line).toMatch(/^RW[A-Za-z0-9+/]{54}$/);
    const bytes = Buffer.from(line!, 'base64');
    expect(bytes.subarray(0, 2).toString()).toBe('Ed');
    expect(bytes.subarray(2, 10).equals(secret.keyId)).toBe(true);
    // The id prints as minisign prints it: the little-endian number, so the bytes reversed.
    expect(keyIdOf(secret)).toBe(Buffer.from(secret.keyId).reverse().toString('hex').toUpperCase());
    expect(parsePublicKey(text)).toEqual(secret.publicKey);
    expect(parsePublicKey(line!)).toEqual(secret.publicKey);
  });

  it('round-trips the unencrypted secret key format', () => {
    const secret = generateSecretKey();
    const parsed = parseSecretKey(formatSecretKey(secret));
    expect(parsed.keyId.equals(secret.keyId)).toBe(true);
    expect(parsed.seed.equals(secret.seed)).toBe(true);
    expect(parsed.publicKey).toEqual(secret.publicKey);
  });

  it("reads a key written by `minisign -G -W` and matches minisign's own public key", () => {
    const secret = parseSecretKey(MINISIGN_UNENCRYPTED_KEY);
    expect(secret.publicKey).toEqual(parsePublicKey(MINISIGN_PUBLIC_KEY));
    expect(keyIdOf(secret)).toBe('0EE2F714C48C4AE2');
  });

  it('refuses damaged, encrypted, public and foreign keys with a reason', () => {
    const [comment, line] = formatSecretKey(generateSecretKey()).split('\n');
    const damaged = reencode(line!, (b) => { b[70] = b[70]! ^ 1; });
    const encrypted = reencode(line!, (b) => b.write('Sc', 2));
    const cases = [
      `${comment}\n${damaged}\n`,
      `${comment}\n${encrypted}\n`,
      MINISIGN_PUBLIC_KEY,
      'untrusted comment: x\nnot base64!\n',
      '',
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n',
    ];
    for (const text of cases) expect(() => parseSecretKey(text)).toThrow(MinisignFormatError);
    expect(() => parseSecretKey(`${comment}\n${encrypted}\n`)).toThrow(/passphrase/);
    expect(parseSecretKeyFile(`${comment}\n${encrypted}\n`).locked).toBe(true);
    expect(() => parsePublicKey(`RWQ${'A'.repeat(10)}`)).toThrow(MinisignFormatError);
  });
});

describe('minisign signatures', () => {
  const secret = generateSecretKey();
  const message = Buffer.from('0123  data/svmc.yaml\n');
  const trusted = formatTrustedComment({ timestamp: 1767225600, role: 'lead', name: 'Ana\tLead\n', level: 2, organisation: 'Riverside' });

  it('signs in the prehashed ED format with a trusted comment', () => {
    const text = signMessage(message, secret, { trustedComment: trusted });
    const lines = text.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
    expect(lines[2]).toBe('trusted comment: timestamp:1767225600\trole:lead\tname:Ana Lead\tlevel:2\torganisation:Riverside');
    const parsed = parseSignature(text);
    expect(parsed.prehashed).toBe(true);
    expect(Buffer.from(lines[1]!, 'base64').subarray(0, 2).toString()).toBe('ED');
    const result = verifySignature(message, text, secret.publicKey);
    expect(result).toMatchObject({ valid: true, keyId: keyIdOf(secret), fields: { role: 'lead', name: 'Ana Lead', level: '2' } });
  });

  it('tells a changed message, an altered trusted comment, another key and a damaged file apart', () => {
    const text = signMessage(message, secret, { trustedComment: trusted });
    const other = generateSecretKey();
    expect(verifySignature(Buffer.from('changed'), text, secret.publicKey).reason).toBe('bad-signature');
    expect(verifySignature(message, text.replace('role:lead', 'role:senior'), secret.publicKey).reason).toBe('bad-trusted-comment');
    expect(verifySignature(message, text, other.publicKey).reason).toBe('wrong-key');
    expect(verifySignature(message, text.split('\n').slice(0, 2).join('\n'), secret.publicKey).reason).toBe('malformed');
    expect(verifySignature(message, 'garbage', secret.publicKey).reason).toBe('malformed');
    const flipped = text.replace(/\n(.)/, (_, c: string) => `\n${c === 'A' ? 'B' : 'A'}`);
    expect(verifySignature(message, flipped, secret.publicKey).valid).toBe(false);
  });

  it('refuses a trusted comment on more than one line', () => {
    expect(() => signMessage(message, secret, { trustedComment: 'a\nb' })).toThrow(RangeError);
  });

  it('parses trusted comments into fields', () => {
    expect(parseTrustedComment('timestamp:1\tname:A: B\tjunk')).toEqual({ timestamp: '1', name: 'A: B' });
  });
});
