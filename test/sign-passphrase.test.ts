import { beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatEncryptedSecretKey, formatPublicKey, generateSecretKey, parseSecretKeyFile } from '../src/core/signing/keys.js';
import { BIN, ROOT, copyOf, svmc, tempDir } from './helpers/cli.js';
import { toolAvailable } from './helpers/tools.js';

const FIXTURE = 'test/fixtures/signable';
const CHEAP = { opslimit: 32768n, memlimit: 16777216n };

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli/commands/sign.js'))) throw new Error('build first: npm run build');
});

/** A passphrase-protected key pair at cheap scrypt settings (minisign reads any), its public key registered for `role`. */
async function protectedKey(app: string, role: string, passphrase: string): Promise<string> {
  const secret = generateSecretKey();
  const key = join(tempDir('svmc-keys-'), `${role}.key`);
  writeFileSync(key, await formatEncryptedSecretKey(secret, passphrase, 'minisign encrypted secret key', CHEAP), { mode: 0o600 });
  writeFileSync(key.replace(/key$/, 'pub'), formatPublicKey(secret.publicKey));
  expect(svmc(['register-key', '--as', role, key.replace(/key$/, 'pub'), app]).code).toBe(0);
  return key;
}

/** Runs svmc without a terminal but with standard input held open, as a CI job's may be: it must end by itself. */
function withOpenStdin(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', CI: '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Only a guard against hanging the whole run; the command should end at once.
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({ code, stderr });
    });
  });
}

const minisign = (args: string[], input = '') => spawnSync('minisign', args, { encoding: 'utf8', input });

describe('passphrase-protected keys without a terminal', () => {
  it('sign takes the passphrase from SVMC_KEY_PASSPHRASE, for --key and for SVMC_SIGNING_KEY alike', async () => {
    const app = copyOf(FIXTURE);
    const lead = await protectedKey(app, 'lead', 'lead secret');
    const senior = await protectedKey(app, 'senior', 'senior secret');
    const signed = svmc(['sign', '--as', 'lead', '--key', lead, app], { env: { SVMC_KEY_PASSPHRASE: 'lead secret' } });
    expect(signed.code, signed.stderr).toBe(0);
    const text = readFileSync(senior, 'utf8');
    const second = svmc(['sign', '--as', 'senior', app], { env: { SVMC_SIGNING_KEY: text, SVMC_KEY_PASSPHRASE: 'senior secret' } });
    expect(second.code, second.stderr).toBe(0);
    expect(svmc(['check', app]).code).toBe(0);
  });

  it('exits 2 at once, even with standard input open, when no passphrase is given, or the wrong one', async () => {
    const app = copyOf(FIXTURE);
    const key = await protectedKey(app, 'lead', 'right');
    const none = await withOpenStdin(['sign', '--as', 'lead', '--key', key, app], {});
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/protected by a passphrase.*no terminal.*SVMC_KEY_PASSPHRASE/);
    const wrong = await withOpenStdin(['sign', '--as', 'lead', '--key', key, app], { SVMC_KEY_PASSPHRASE: 'wrong' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/SVMC_KEY_PASSPHRASE does not unlock/);
    for (const result of [none, wrong]) expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(app, 'signoffs'))).toBe(false);
  });

  it('keygen needs SVMC_KEY_PASSPHRASE or --no-passphrase, and writes nothing without', async () => {
    const out = join(tempDir(), 'lead.key');
    const result = await withOpenStdin(['keygen', '--as', 'lead', '--out', out], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/SVMC_KEY_PASSPHRASE.*--no-passphrase/);
    expect(existsSync(out)).toBe(false);
    expect(svmc(['keygen', '--as', 'lead', '--out', out, '--no-passphrase']).code).toBe(0);
    expect(parseSecretKeyFile(readFileSync(out, 'utf8')).locked).toBe(false);
  });
});

describe.runIf(toolAvailable('minisign'))('passphrase-protected keys between svmc and stock minisign', () => {
  it('stock minisign signs with a key svmc keygen protected, the passphrase fed on its standard input', () => {
    const app = copyOf(FIXTURE);
    const key = join(tempDir('svmc-keys-'), 'lead.key');
    const made = svmc(['keygen', '--as', 'lead', '--out', key, '--register', app], { env: { SVMC_KEY_PASSPHRASE: 'a long passphrase' } });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/encrypted with your passphrase/);
    const text = readFileSync(key, 'utf8');
    expect(text).toMatch(/^untrusted comment: .*encrypted/);
    expect(Buffer.from(text.split('\n')[1]!, 'base64').subarray(2, 4).toString()).toBe('Sc');
    const message = join(app, 'svmc.yaml');
    const sig = join(tempDir(), 'm.minisig');
    const signed = minisign(['-S', '-s', key, '-m', message, '-x', sig], 'a long passphrase\n');
    expect(signed.status, signed.stderr).toBe(0);
    expect(minisign(['-Vm', message, '-x', sig, '-p', key.replace(/key$/, 'pub')]).status).toBe(0);
  });

  it('svmc signs with a key made by `minisign -G`, and stock minisign verifies the sign-off', () => {
    const app = copyOf(FIXTURE);
    const keys = tempDir('svmc-keys-');
    const made = minisign(['-G', '-p', join(keys, 'senior.pub'), '-s', join(keys, 'senior.key')], 'ben pw\nben pw\n');
    expect(made.status, made.stderr).toBe(0);
    expect(svmc(['register-key', '--as', 'senior', join(keys, 'senior.pub'), app]).code).toBe(0);
    const signed = svmc(['sign', '--as', 'senior', '--key', join(keys, 'senior.key'), app], { env: { SVMC_KEY_PASSPHRASE: 'ben pw' } });
    expect(signed.code, signed.stderr).toBe(0);
    const verified = minisign(['-Vm', join(app, 'signoffs/senior.manifest'), '-x', join(app, 'signoffs/senior.minisig'), '-p', join(keys, 'senior.pub')]);
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/Trusted comment: timestamp:\d+\trole:senior\tname:Ben Senior/);
    const codes = JSON.parse(svmc(['check', app, '--format', 'json']).stdout).applications[0].findings.map((f: { code: string }) => f.code);
    expect(codes).toEqual(['SIGNOFF_MISSING']);
  });
});
