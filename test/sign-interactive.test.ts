import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatEncryptedSecretKey, formatPublicKey, generateSecretKey, parseSecretKeyFile, unlockSecretKey } from '../src/core/signing/keys.js';
import { copyOf, svmc, tempDir } from './helpers/cli.js';
import { CTRL_C, ENTER, atTerminal } from './helpers/pty.js';
import { toolAvailable } from './helpers/tools.js';

const FIXTURE = 'test/fixtures/signable';

describe.runIf(toolAvailable('python3'))('keygen and sign at a terminal', () => {
  it('keygen asks for the passphrase twice, again when the two differ, and seals the key with it', async () => {
    const cwd = tempDir();
    const result = atTerminal(cwd, ['keygen', '--as', 'lead', '--out', 'lead.key'], [
      ['Passphrase to protect the key', `first try${ENTER}`],
      ['The same passphrase again', `frist try${ENTER}`],
      ['The two passphrases differ', ''],
      ['Passphrase to protect the key', `é and more${ENTER}`],
      ['The same passphrase again', `é and more${ENTER}`],
    ]);
    expect(result.code, result.output).toBe(0);
    expect(result.output).not.toContain('é and more');
    const file = parseSecretKeyFile(readFileSync(join(cwd, 'lead.key'), 'utf8'));
    if (!file.locked) throw new Error('the key should be sealed');
    const secret = await unlockSecretKey(file.key, 'é and more');
    expect(formatPublicKey(secret.publicKey)).toBe(readFileSync(join(cwd, 'lead.pub'), 'utf8'));
  });

  it('keygen writes a key without a passphrase only once the warning is answered yes', () => {
    const cwd = tempDir();
    const result = atTerminal(cwd, ['keygen', '--as', 'senior', '--out', 'senior.key'], [
      ['Passphrase to protect the key', ENTER],
      ['anyone who can read the key file can sign', ''],
      [/Write the key without a passphrase\? \[y\/N\]/, `n${ENTER}`],
      ['Passphrase to protect the key', ENTER],
      ['Write the key without a passphrase', `y${ENTER}`],
    ]);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/unencrypted: anyone who can read it can sign as you/);
    expect(parseSecretKeyFile(readFileSync(join(cwd, 'senior.key'), 'utf8')).locked).toBe(false);
  });

  it('sign shows the review, asks "Sign as NAME, ROLE? [y/N]", then the passphrase, and signs only on yes', async () => {
    const app = copyOf(FIXTURE);
    const keys = tempDir('svmc-keys-');
    const secret = generateSecretKey();
    writeFileSync(join(keys, 'lead.key'), await formatEncryptedSecretKey(secret, 'open sesame', 'minisign encrypted secret key', { opslimit: 32768n, memlimit: 16777216n }), { mode: 0o600 });
    writeFileSync(join(keys, 'lead.pub'), formatPublicKey(secret.publicKey));
    expect(svmc(['register-key', '--as', 'lead', join(keys, 'lead.pub'), app]).code).toBe(0);
    const args = ['sign', '--as', 'lead', '--key', join(keys, 'lead.key'), app];

    const declined = atTerminal(app, args, [[/Sign as Ana Lead, Social Value Lead\? \[y\/N\]/, ENTER]]);
    expect(declined.code, declined.output).toBe(1);
    expect(declined.output).toMatch(/Riverside Community Trust · level 1 Commit/);
    expect(declined.output).toMatch(/Criteria met: Creating Capacity \d+\/\d+ · Plan/);
    expect(declined.output).toMatch(/5 files, .*:\r?\n.*evidence\/plan\/impact plan é\.md/);
    expect(declined.output).toMatch(/First sign-off/);
    expect(declined.output).toMatch(/not signed; nothing was written/);
    expect(existsSync(join(app, 'signoffs'))).toBe(false);

    const signed = atTerminal(app, args, [
      [/Sign as Ana Lead, Social Value Lead\? \[y\/N\]/, `y${ENTER}`],
      ['Passphrase of', `open sesam${ENTER}`],
      ['does not unlock the key; try again', ''],
      ['Passphrase of', `open sesame${ENTER}`],
    ]);
    expect(signed.code, signed.output).toBe(0);
    expect(signed.output).not.toContain('open sesame');
    expect(signed.output).toMatch(/Trusted comment: signed \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d), role:lead/);
    expect(existsSync(join(app, 'signoffs/lead.minisig'))).toBe(true);

    // The next review says what changed since this sign-off; Ctrl-C at the question stops, writing nothing.
    writeFileSync(join(app, 'evidence/policy/board-minutes.md'), 'changed minutes\n');
    const before = readFileSync(join(app, 'signoffs/lead.minisig'), 'utf8');
    const stopped = atTerminal(app, args, [['Sign as Ana Lead', CTRL_C]]);
    expect(stopped.code, stopped.output).toBe(130);
    expect(stopped.output).toMatch(/Since your sign-off of \S+: 1 file changed: evidence\/policy\/board-minutes\.md/);
    expect(readFileSync(join(app, 'signoffs/lead.minisig'), 'utf8')).toBe(before);
  });

  it('--yes at a terminal skips the question but still asks for a protected key\'s passphrase', async () => {
    const app = copyOf(FIXTURE);
    const keys = tempDir('svmc-keys-');
    const secret = generateSecretKey();
    writeFileSync(join(keys, 'senior.key'), await formatEncryptedSecretKey(secret, 'ben pw', 'minisign encrypted secret key', { opslimit: 32768n, memlimit: 16777216n }), { mode: 0o600 });
    writeFileSync(join(keys, 'senior.pub'), formatPublicKey(secret.publicKey));
    expect(svmc(['register-key', '--as', 'senior', join(keys, 'senior.pub'), app]).code).toBe(0);
    const result = atTerminal(app, ['sign', '--as', 'senior', '--key', join(keys, 'senior.key'), '--yes', app], [['Passphrase of', `ben pw${ENTER}`]]);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/Signing as the Social Value Senior Leader \(Ben Senior\)/);
    expect(result.output).not.toMatch(/\[y\/N\]/);
    expect(existsSync(join(app, 'signoffs/senior.minisig'))).toBe(true);
  });

  it('--yes signs without the question, and no prompt ever appears without a terminal', () => {
    const app = copyOf(FIXTURE);
    const key = join(tempDir('svmc-keys-'), 'lead.key');
    expect(svmc(['keygen', '--no-passphrase', '--as', 'lead', '--out', key, '--register', app]).code).toBe(0);
    const result = atTerminal(app, ['sign', '--as', 'lead', '--key', key, '--yes', app], []);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/Signing as the Social Value Lead \(Ana Lead\)/);
    expect(result.output).not.toMatch(/\[y\/N\]/);
    const piped = svmc(['sign', '--as', 'lead', '--key', key, app]);
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stderr).toMatch(/Nothing changed since your sign-off of \S+, which this one replaces/);
    expect(piped.stderr).not.toMatch(/\[y\/N\]/);
  });
});
