import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MINISIGN_LIMITS, scryptParameters } from '../src/core/signing/key-encryption.js';
import {
  WrongPassphraseError,
  formatEncryptedSecretKey,
  generateSecretKey,
  parseSecretKeyFile,
  unlockSecretKey,
} from '../src/core/signing/keys.js';
import { MinisignFormatError } from '../src/core/signing/minisign-format.js';
import { verifySignature } from '../src/core/signing/signature.js';
import { tempDir } from './helpers/cli.js';
import { toolAvailable } from './helpers/tools.js';

/** Cheap settings from each of libsodium's two branches: the key format is the point, not the cost. */
const BY_OPSLIMIT = { opslimit: 32768n, memlimit: 16777216n };
const BY_MEMLIMIT = { opslimit: 1048576n, memlimit: 1048576n };

const minisign = (args: string[], input = '') => spawnSync('minisign', args, { encoding: 'utf8', input });

describe('scrypt settings as libsodium picks them', () => {
  it("maps minisign's opslimit and memlimit to N, r and p", () => {
    expect(scryptParameters(MINISIGN_LIMITS)).toEqual({ N: 2 ** 20, r: 8, p: 1 });
    // libsodium's INTERACTIVE limits: N = 2^14.
    expect(scryptParameters({ opslimit: 524288n, memlimit: 16777216n })).toEqual({ N: 2 ** 14, r: 8, p: 1 });
    // An opslimit below libsodium's floor counts as 32768.
    expect(scryptParameters({ opslimit: 1n, memlimit: 16777216n })).toEqual({ N: 1024, r: 8, p: 1 });
    expect(scryptParameters(BY_OPSLIMIT)).toEqual({ N: 1024, r: 8, p: 1 });
    expect(scryptParameters(BY_MEMLIMIT)).toEqual({ N: 1024, r: 8, p: 32 });
  });

  it('refuses settings no minisign key has, which would take all memory or hours', () => {
    expect(() => scryptParameters({ opslimit: 2n ** 40n, memlimit: 2n ** 40n })).toThrow(MinisignFormatError);
    expect(() => scryptParameters({ opslimit: 2n ** 40n, memlimit: 1024n })).toThrow(MinisignFormatError);
  });
});

describe('passphrase-protected keys', () => {
  it('seal the key with the passphrase and unlock only with it', async () => {
    const secret = generateSecretKey();
    const text = await formatEncryptedSecretKey(secret, 'correct horse', 'test key', BY_OPSLIMIT);
    const file = parseSecretKeyFile(text);
    if (!file.locked) throw new Error('expected a locked key');
    // The key id is sealed too, as minisign seals it.
    expect(text).not.toContain(secret.keyId.toString('base64'));
    const unlocked = await unlockSecretKey(file.key, 'correct horse');
    expect(unlocked.seed.equals(secret.seed)).toBe(true);
    expect(unlocked.publicKey).toEqual(secret.publicKey);
    await expect(unlockSecretKey(file.key, 'correct hose')).rejects.toThrow(WrongPassphraseError);
  });
});

describe.runIf(toolAvailable('minisign'))('passphrase-protected keys with stock minisign', () => {
  it('minisign signs with a key svmc sealed, in either branch of the settings, and refuses a wrong passphrase', async () => {
    const dir = tempDir('svmc-sealed-');
    for (const [index, limits] of [BY_OPSLIMIT, BY_MEMLIMIT].entries()) {
      const secret = generateSecretKey();
      const key = join(dir, `k${index}.key`);
      writeFileSync(key, await formatEncryptedSecretKey(secret, 'pässphrase', 'minisign encrypted secret key', limits), { mode: 0o600 });
      writeFileSync(join(dir, 'm'), 'message');
      const wrong = minisign(['-S', '-s', key, '-m', join(dir, 'm')], 'passphrase\n');
      expect(wrong.status).not.toBe(0);
      expect(wrong.stderr).toMatch(/Wrong password/);
      const signed = minisign(['-S', '-s', key, '-m', join(dir, 'm'), '-t', 'role:lead'], 'pässphrase\n');
      expect(signed.status, signed.stderr).toBe(0);
      const result = verifySignature(Buffer.from('message'), readFileSync(join(dir, 'm.minisig'), 'utf8'), secret.publicKey);
      expect(result).toMatchObject({ valid: true, fields: { role: 'lead' } });
    }
  });
});
