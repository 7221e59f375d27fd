import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatPublicKey, formatSecretKey, generateSecretKey, parsePublicKey, parseSecretKey } from '../src/core/signing/keys.js';
import { formatTrustedComment, signMessage, verifySignature } from '../src/core/signing/signature.js';
import { tempDir } from './helpers/cli.js';
import { toolAvailable } from './helpers/tools.js';

const minisign = (args: string[]): { code: number | null; stdout: string; stderr: string } => {
  const result = spawnSync('minisign', args, { encoding: 'utf8', input: '' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe.runIf(toolAvailable('minisign'))('interop with stock minisign', () => {
  it('minisign verifies what svmc signs and prints the trusted comment', () => {
    const dir = tempDir('svmc-interop-');
    const secret = generateSecretKey();
    const message = Buffer.from('aa  data/svmc.yaml\n');
    const trusted = formatTrustedComment({ timestamp: 1767225600, role: 'senior', name: 'Zoë Senior', level: 3, organisation: 'Åsa & Co' });
    writeFileSync(join(dir, 'm'), message);
    writeFileSync(join(dir, 'm.minisig'), signMessage(message, secret, { trustedComment: trusted }));
    writeFileSync(join(dir, 'k.pub'), formatPublicKey(secret.publicKey));
    const result = minisign(['-Vm', join(dir, 'm'), '-x', join(dir, 'm.minisig'), '-p', join(dir, 'k.pub')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Trusted comment: ${trusted}`);
    // And rejects it once the message changes.
    writeFileSync(join(dir, 'm'), 'ab  data/svmc.yaml\n');
    expect(minisign(['-Vm', join(dir, 'm'), '-x', join(dir, 'm.minisig'), '-p', join(dir, 'k.pub')]).code).not.toBe(0);
  });

  it('minisign signs with an svmc secret key, without a password, and svmc verifies it', () => {
    const dir = tempDir('svmc-interop-');
    const secret = generateSecretKey();
    writeFileSync(join(dir, 'k.key'), formatSecretKey(secret), { mode: 0o600 });
    writeFileSync(join(dir, 'm'), 'message');
    const signed = minisign(['-S', '-s', join(dir, 'k.key'), '-m', join(dir, 'm'), '-t', 'role:lead']);
    expect(signed.stderr).toBe('');
    expect(signed.code).toBe(0);
    const result = verifySignature(Buffer.from('message'), readFileSync(join(dir, 'm.minisig'), 'utf8'), secret.publicKey);
    expect(result).toMatchObject({ valid: true, fields: { role: 'lead' } });
    // minisign derives the same public key file from it.
    expect(minisign(['-R', '-s', join(dir, 'k.key'), '-p', join(dir, 'r.pub')]).code).toBe(0);
    expect(parsePublicKey(readFileSync(join(dir, 'r.pub'), 'utf8'))).toEqual(secret.publicKey);
  });

  it('svmc signs with a key made by `minisign -G -W`', () => {
    const dir = tempDir('svmc-interop-');
    const made = minisign(['-G', '-W', '-p', join(dir, 'k.pub'), '-s', join(dir, 'k.key')]);
    expect(made.code).toBe(0);
    const secret = parseSecretKey(readFileSync(join(dir, 'k.key'), 'utf8'));
    expect(secret.publicKey).toEqual(parsePublicKey(readFileSync(join(dir, 'k.pub'), 'utf8')));
    writeFileSync(join(dir, 'm'), 'x');
    writeFileSync(join(dir, 'm.minisig'), signMessage(Buffer.from('x'), secret, { trustedComment: 'role:lead' }));
    expect(minisign(['-Vm', join(dir, 'm'), '-p', join(dir, 'k.pub')]).code).toBe(0);
  });
});
