import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, copyOf, svmc, tempDir, type CliResult } from './helpers/cli.js';
import { toolAvailable } from './helpers/tools.js';

const FIXTURE = 'test/fixtures/signable';
const HAS_MINISIGN = toolAvailable('minisign');

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli/commands/sign.js'))) throw new Error('build first: npm run build');
});

interface Setup {
  app: string;
  keys: string;
}

/** keygen for both roles with --register, then sign: the lead with --key, the senior with SVMC_SIGNING_KEY. */
function signedApplication(): Setup {
  const app = copyOf(FIXTURE);
  const keys = tempDir('svmc-keys-');
  for (const role of ['lead', 'senior']) {
    const made = svmc(['keygen', '--no-passphrase', '--as', role, '--out', join(keys, `${role}.key`), '--register', '--dir', app]);
    expect(made.code, made.stderr).toBe(0);
  }
  const lead = svmc(['sign', '--as', 'lead', '--key', join(keys, 'lead.key'), '--dir', app]);
  expect(lead.code, lead.stderr).toBe(0);
  expect(lead.stdout).toMatch(/5 files/);
  const senior = svmc(['sign', '--as', 'senior', '--dir', app], {
    env: { SVMC_SIGNING_KEY: readFileSync(join(keys, 'senior.key'), 'utf8') },
  });
  expect(senior.code, senior.stderr).toBe(0);
  return { app, keys };
}

function checkCodes(app: string): { code: number; codes: string[] } {
  const result: CliResult = svmc(['check', app, '--format', 'json']);
  const report = JSON.parse(result.stdout) as { applications: { findings: { code: string }[] }[] };
  return { code: result.code, codes: report.applications[0]!.findings.map((f) => f.code) };
}

describe('svmc sign', () => {
  it('signs both roles so that check passes and stock minisign verifies each sign-off', () => {
    const { app, keys } = signedApplication();
    expect(checkCodes(app)).toEqual({ code: 0, codes: [] });
    if (!HAS_MINISIGN) return;
    for (const [role, name] of [['lead', 'Ana Lead'], ['senior', 'Ben Senior']] as const) {
      const verified = spawnSync('minisign', [
        '-Vm', join(app, `signoffs/${role}.manifest`),
        '-x', join(app, `signoffs/${role}.minisig`),
        '-p', join(keys, `${role}.pub`),
      ], { encoding: 'utf8' });
      expect(verified.status, verified.stderr).toBe(0);
      expect(verified.stdout).toMatch(new RegExp(`Trusted comment: timestamp:\\d+\\trole:${role}\\tname:${name}\\tlevel:1\\torganisation:Riverside Community Trust`));
    }
  });

  it('signs the exact manifest bytes: the signed manifest is the folder manifest', () => {
    const { app } = signedApplication();
    const manifest = readFileSync(join(app, 'signoffs/lead.manifest'), 'utf8');
    expect(manifest.split('\n').filter(Boolean).map((l) => l.slice(66))).toEqual([
      'data/evidence/plan/impact plan é.md',
      'data/evidence/policy/board-minutes.md',
      'data/evidence/policy/social-value-policy.md',
      'data/evidence/terms-signed.pdf',
      'data/svmc.yaml',
    ]);
    const sha = spawnSync('sha256sum', ['svmc.yaml'], { cwd: app, encoding: 'utf8' }).stdout.slice(0, 64);
    expect(manifest).toContain(`${sha}  data/svmc.yaml\n`);
  });

  it('a one-byte change to a mapped file makes both sign-offs stale', () => {
    const { app } = signedApplication();
    const file = join(app, 'evidence/policy/social-value-policy.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('1,500', '1,600'));
    expect(checkCodes(app)).toEqual({ code: 1, codes: ['SIGNOFF_STALE', 'SIGNOFF_STALE'] });
  });

  it('a corrupted signature or a signature from an unregistered key is SIGNOFF_INVALID', () => {
    const { app } = signedApplication();
    const sigFile = join(app, 'signoffs/lead.minisig');
    writeFileSync(sigFile, readFileSync(sigFile, 'utf8').replace(/\n([A-Za-z0-9+/])/, (_, c: string) => `\n${c === 'Q' ? 'R' : 'Q'}`));
    const other = join(tempDir(), 'other.key');
    expect(svmc(['keygen', '--no-passphrase', '--as', 'senior', '--out', other]).code).toBe(0);
    // An unregistered key cannot sign through svmc (exit 1) ...
    const refused = svmc(['sign', '--as', 'senior', '--key', other, '--dir', app]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not the one registered/);
    // ... and a signature made with one some other way is invalid.
    if (HAS_MINISIGN) {
      const made = spawnSync('minisign', ['-S', '-s', other, '-m', join(app, 'signoffs/senior.manifest'), '-x', join(app, 'signoffs/senior.minisig')]);
      expect(made.status).toBe(0);
    }
    expect(checkCodes(app).codes).toEqual(HAS_MINISIGN ? ['SIGNOFF_INVALID', 'SIGNOFF_INVALID'] : ['SIGNOFF_INVALID']);
  });

  it('exits 2 at once without a key, with a missing key file, or with something that is not a key', () => {
    const app = copyOf(FIXTURE);
    const none = svmc(['sign', '--as', 'lead', '--dir', app], { env: { SVMC_SIGNING_KEY: '' } });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--key FILE.*SVMC_SIGNING_KEY/);
    const missing = svmc(['sign', '--as', 'lead', '--key', join(app, 'nope.key'), '--dir', app]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the key file .*nope\.key/);
    const notKey = svmc(['sign', '--as', 'lead', '--dir', app], { env: { SVMC_SIGNING_KEY: 'hello' } });
    expect(notKey.code).toBe(2);
    expect(notKey.stderr).toMatch(/SVMC_SIGNING_KEY is not a usable signing key/);
    for (const result of [none, missing, notKey]) expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(app, 'signoffs'))).toBe(false);
  });

  it('refuses to sign while check has errors (exit 1), and signs nothing', () => {
    const app = copyOf(FIXTURE);
    const keys = tempDir();
    expect(svmc(['keygen', '--no-passphrase', '--as', 'lead', '--out', join(keys, 'lead.key')]).code).toBe(0);
    rmSync(join(app, 'evidence/terms-signed.pdf'));
    const result = svmc(['sign', '--as', 'lead', '--key', join(keys, 'lead.key'), '--dir', app]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/EVIDENCE_FILE_MISSING|PREREQUISITE_MISSING/);
    expect(existsSync(join(app, 'signoffs'))).toBe(false);
  });

  it('exits 2 for a folder without svmc.yaml', () => {
    const keys = tempDir();
    expect(svmc(['keygen', '--no-passphrase', '--as', 'lead', '--out', join(keys, 'lead.key')]).code).toBe(0);
    expect(svmc(['sign', '--as', 'lead', '--key', join(keys, 'lead.key'), '--dir', tempDir()]).code).toBe(2);
  });
});
