import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyOf, svmc, tempDir } from './helpers/cli.js';

const FIXTURE = 'test/fixtures/signable';
const yamlOf = (dir: string): string => readFileSync(join(dir, 'svmc.yaml'), 'utf8');

/** A key pair made outside any folder, as a representative would on their own machine. */
function keyPair(role: string): { key: string; pub: string } {
  const key = join(tempDir('svmc-keys-'), `${role}.key`);
  const made = svmc(['keygen', '--no-passphrase', '--as', role, '--out', key]);
  expect(made.code, made.stderr).toBe(0);
  return { key, pub: key.replace(/key$/, 'pub') };
}

/** A folder both representatives registered their keys in and signed. */
function signedFolder(): { app: string; lead: { key: string; pub: string }; senior: { key: string; pub: string } } {
  const app = copyOf(FIXTURE);
  const lead = keyPair('lead');
  const senior = keyPair('senior');
  for (const [role, pair] of [['lead', lead], ['senior', senior]] as const) {
    expect(svmc(['register-key', '--as', role, pair.pub, app]).code).toBe(0);
  }
  for (const [role, pair] of [['lead', lead], ['senior', senior]] as const) {
    const signed = svmc(['sign', '--as', role, '--key', pair.key, app]);
    expect(signed.code, signed.stderr).toBe(0);
  }
  expect(svmc(['check', app]).code).toBe(0);
  return { app, lead, senior };
}

describe('svmc register-key', () => {
  it('records an existing .pub, or its line, adding one line and keeping the comments', () => {
    const app = copyOf(FIXTURE);
    const before = yamlOf(app);
    const { pub } = keyPair('senior');
    const line = readFileSync(pub, 'utf8').split('\n')[1]!;
    const result = svmc(['register-key', '--as', 'senior', pub, app]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Registered key [0-9A-F]{16} for the Social Value Senior Leader in .*svmc\.yaml \(representatives\.senior\.publicKey\)/);
    expect(result.stderr).toBe('');
    const after = yamlOf(app);
    expect(after.split('\n').filter((l) => !before.split('\n').includes(l))).toEqual([`    publicKey: ${line}`]);
    expect(after).toContain('# A small, complete level-1 application that can be signed.');

    const lead = keyPair('lead');
    const byLine = svmc(['register-key', '--as', 'lead', readFileSync(lead.pub, 'utf8').split('\n')[1]!, '--dir', app]);
    expect(byLine.code, byLine.stderr).toBe(0);
    const again = svmc(['register-key', '--as', 'lead', lead.pub, app]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already registered .* unchanged/);
  });

  it('refuses a private key, a file that is not a key, and one key for both roles, changing nothing', () => {
    const app = copyOf(FIXTURE);
    const { key, pub } = keyPair('lead');
    const before = yamlOf(app);
    const secret = svmc(['register-key', '--as', 'lead', key, app]);
    expect(secret.code).toBe(2);
    expect(secret.stderr).toMatch(/is a private key: give its public key \(the \.pub file beside it\)/);
    const junk = join(tempDir(), 'junk.pub');
    writeFileSync(junk, 'not a key\n');
    expect(svmc(['register-key', '--as', 'lead', junk, app]).stderr).toMatch(/is not a minisign public key/);
    expect(svmc(['register-key', '--as', 'lead', join(tempDir(), 'none.pub'), app]).stderr).toMatch(/cannot read the public key/);
    expect(yamlOf(app)).toBe(before);
    expect(svmc(['register-key', '--as', 'lead', pub, app]).code).toBe(0);
    const both = svmc(['register-key', '--as', 'senior', pub, app]);
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/registered for the Social Value Lead: the two sign-offs must come from two people/);
  });

  it('replacing a registered key needs --replace, and says whose sign-offs that makes stale', () => {
    const { app, lead } = signedFolder();
    const newer = keyPair('lead');
    const before = yamlOf(app);
    const refused = svmc(['register-key', '--as', 'lead', newer.pub, app]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already has key [0-9A-F]{16} registered .* add --replace/);
    expect(yamlOf(app)).toBe(before);

    const replaced = svmc(['register-key', '--as', 'lead', newer.pub, '--replace', app]);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stdout).toMatch(/replacing the key registered before/);
    expect(replaced.stderr).toMatch(/warning: after this change the Social Value Lead's sign-off of \S+ was made with a key that is no longer registered: sign again with the registered key, `svmc sign --as lead --key PATH`/);
    expect(replaced.stderr).toMatch(/warning: this change makes the Social Value Senior Leader's sign-off of \S+ out of date \(changed svmc\.yaml\): sign again with `svmc sign --as senior --key PATH` \(.*SVMC_SIGNING_KEY\)/);
    // The advice works as written.
    expect(svmc(['sign', '--as', 'lead', '--key', newer.key, app]).code).toBe(0);
    expect(svmc(['sign', '--as', 'lead', '--key', lead.key, app]).code).toBe(1);
  });

  it('keygen --register needs --replace too, and makes no key when refused', () => {
    const { app } = signedFolder();
    const out = join(tempDir(), 'k', 'lead.key');
    const refused = svmc(['keygen', '--no-passphrase', '--as', 'lead', '--out', out, '--register', app]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/add --replace to register them with a new key/);
    expect(existsSync(out)).toBe(false);
    const replaced = svmc(['keygen', '--no-passphrase', '--as', 'lead', '--out', out, '--register', '--replace', app]);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stderr).toMatch(/Social Value Lead's sign-off .* no longer registered/);
    expect(replaced.stderr).toMatch(/Social Value Senior Leader's sign-off .* out of date \(changed svmc\.yaml\)/);
  });
});

describe('staleness is announced where it is caused', () => {
  it('map after signing says both sign-offs are now out of date, and how to sign again', () => {
    const { app } = signedFolder();
    writeFileSync(join(app, 'evidence/extra.md'), 'more\n');
    const result = svmc(['map', 'L1.CC.1', 'evidence/extra.md', '--summary', 'More', '--dir', app]);
    expect(result.code, result.stderr).toBe(0);
    for (const who of ['Social Value Lead', 'Social Value Senior Leader']) {
      expect(result.stderr).toMatch(new RegExp(`this change makes the ${who}'s sign-off of \\d{4}-\\d\\d-\\d\\dT\\S+ out of date \\(changed svmc\\.yaml; added evidence/extra\\.md\\)`));
    }
    expect(result.stderr).toMatch(/sign again with `svmc sign --as lead --key PATH`/);
  });

  it('a folder without sign-offs hears nothing extra', () => {
    const app = copyOf(FIXTURE);
    writeFileSync(join(app, 'evidence/extra.md'), 'more\n');
    const result = svmc(['map', 'L1.CC.1', 'evidence/extra.md', '--summary', 'More', '--dir', app]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });
});

describe('sign-again hints work as written', () => {
  it('check names --key PATH and SVMC_SIGNING_KEY, or the default key when it is there and registered', () => {
    const app = copyOf(FIXTURE);
    const config = tempDir('svmc-config-');
    const env = { XDG_CONFIG_HOME: config };
    expect(svmc(['keygen', '--no-passphrase', '--as', 'lead', '--register', app], { env }).code).toBe(0);
    const senior = keyPair('senior');
    expect(svmc(['register-key', '--as', 'senior', senior.pub, app]).code).toBe(0);
    expect(svmc(['sign', '--as', 'lead', '--key', join(config, 'svmc/lead.key'), app]).code).toBe(0);
    expect(svmc(['sign', '--as', 'senior', '--key', senior.key, app]).code).toBe(0);
    writeFileSync(join(app, 'evidence/policy/board-minutes.md'), 'changed\n');
    const check = svmc(['check', app], { env });
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/Lead's sign-off of \d{4}-\d\d-\d\dT\S+ is out of date: changed evidence\/policy\/board-minutes\.md\. Sign again with `svmc sign --as lead --key [^`]*svmc\/lead\.key`/);
    expect(check.stdout).toMatch(/Sign again with `svmc sign --as senior --key PATH` \(PATH: the senior's private key; or put the key's text in SVMC_SIGNING_KEY\)/);
    // The hint, followed, clears the lead's finding.
    const hint = /`(svmc sign --as lead --key [^`]*)`/.exec(check.stdout)![1]!.split(' ').slice(1);
    expect(svmc([...hint, app], { env }).code).toBe(0);
    const after = svmc(['check', app, '--format', 'json'], { env });
    const stale = JSON.parse(after.stdout).applications[0].findings.filter((f: { code: string }) => f.code === 'SIGNOFF_STALE');
    expect(stale).toHaveLength(1);
  });
});
