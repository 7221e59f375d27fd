import { describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { blake2b } from '../src/core/signing/blake2b.js';

describe('blake2b', () => {
  it('matches the RFC 7693 and reference vectors', () => {
    expect(blake2b(Buffer.from('abc'), 64).toString('hex')).toBe(
      'ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923',
    );
    expect(blake2b(Buffer.from('abc'), 32).toString('hex')).toBe(
      'bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319',
    );
    expect(blake2b(Buffer.alloc(0), 32).toString('hex')).toBe(
      '0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8',
    );
  });

  it('agrees with node:crypto blake2b512 across block boundaries', () => {
    for (const size of [0, 1, 74, 127, 128, 129, 256, 300]) {
      const data = randomBytes(size);
      expect(blake2b(data, 64).equals(createHash('blake2b512').update(data).digest())).toBe(true);
    }
  });

  it('rejects an impossible output length', () => {
    expect(() => blake2b(Buffer.alloc(1), 0)).toThrow(RangeError);
    expect(() => blake2b(Buffer.alloc(1), 65)).toThrow(RangeError);
  });
});
