import { beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePublicKey, parseSecretKey } from '../src/core/signing/keys.js';
import { ROOT, copyOf, svmc, tempDir } from './helpers/cli.js';

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli/commands/keygen.js'))) throw new Error('build first: npm run build');
});

const FIXTURE = 'test/fixtures/signable';

describe('svmc keygen', () => {
  it('writes the key pair to the config dir by default: private 0600, public in minisign format', () => {
    const config = tempDir();
    const result = svmc(['keygen', '--no-passphrase', '--as', 'lead'], { env: { XDG_CONFIG_HOME: config } });
    expect(result.code).toBe(0);
    const keyPath = join(config, 'svmc/lead.key');
    expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    const secret = parseSecretKey(readFileSync(keyPath, 'utf8'));
    const pub = readFileSync(join(config, 'svmc/lead.pub'), 'utf8');
    expect(parsePublicKey(pub)).toEqual(secret.publicKey);
    expect(pub.split('\n')[0]).toMatch(/^untrusted comment: minisign public key [0-9A-F]{16}$/);
    expect(result.stdout).toContain(pub.split(' ').pop()!.split('\n')[0]!);
  });

  it('refuses to overwrite a key without --force (exit 2), and replaces it with --force', () => {
    const out = join(tempDir(), 'k/senior.key');
    expect(svmc(['keygen', '--no-passphrase', '--as', 'senior', '--out', out]).code).toBe(0);
    const before = readFileSync(out, 'utf8');
    const again = svmc(['keygen', '--no-passphrase', '--as', 'senior', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists.*--force/);
    expect(readFileSync(out, 'utf8')).toBe(before);
    expect(svmc(['keygen', '--no-passphrase', '--as', 'senior', '--out', out, '--force']).code).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toBe(before);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it('never writes a private key inside an application folder', () => {
    const app = copyOf(FIXTURE);
    for (const out of [join(app, 'lead.key'), join(app, 'evidence/keys/lead.key')]) {
      const result = svmc(['keygen', '--no-passphrase', '--as', 'lead', '--out', out]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/inside the application folder/);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('--register records the public key line in svmc.yaml and changes nothing else', () => {
    const app = copyOf(FIXTURE);
    const before = readFileSync(join(app, 'svmc.yaml'), 'utf8');
    const out = join(tempDir(), 'lead.key');
    const result = svmc(['keygen', '--no-passphrase', '--as', 'lead', '--out', out, '--register', '--dir', app]);
    expect(result.code).toBe(0);
    const line = parsePublicKey(readFileSync(out.replace(/\.key$/, '.pub'), 'utf8')).line;
    const after = readFileSync(join(app, 'svmc.yaml'), 'utf8');
    expect(after).toBe(before.replace('    email: ana@example.org\n', `    email: ana@example.org\n    publicKey: ${line}\n`));
  });

  it('--register keeps the mode of svmc.yaml', () => {
    const app = copyOf(FIXTURE);
    chmodSync(join(app, 'svmc.yaml'), 0o664);
    const result = svmc(['keygen', '--no-passphrase', '--as', 'lead', '--out', join(tempDir(), 'lead.key'), '--register', '--dir', app]);
    expect(result.code, result.stderr).toBe(0);
    expect(statSync(join(app, 'svmc.yaml')).mode & 0o777).toBe(0o664);
  });

  it('--register refuses a folder without svmc.yaml (exit 2) or without that representative (exit 1), making no key', () => {
    const out = join(tempDir(), 'lead.key');
    expect(svmc(['keygen', '--no-passphrase', '--as', 'lead', '--out', out, '--register', '--dir', tempDir()]).code).toBe(2);
    const app = copyOf(FIXTURE);
    const yaml = readFileSync(join(app, 'svmc.yaml'), 'utf8');
    writeFileSync(join(app, 'svmc.yaml'), yaml.replace(/ {2}senior:\n.*\n.*\n/, ''));
    const result = svmc(['keygen', '--no-passphrase', '--as', 'senior', '--out', out, '--register', '--dir', app]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/representatives\.senior/);
    expect(existsSync(out)).toBe(false);
  });
});
