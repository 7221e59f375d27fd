import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyOf, svmc, tempDir } from './helpers/cli.js';
import { toolAvailable } from './helpers/tools.js';

const FIXTURE = 'test/fixtures/signable';

interface TwoMachines {
  app: string;
  leadKey: string;
  /** The senior leader's machine: their own HOME, key and working folder, without the application folder. */
  senior: { home: string; work: string; key: string; env: NodeJS.ProcessEnv };
  draft: string;
}

/** The lead keeps the folder and signs; the senior leader's key is made on another machine and registered from its .pub. */
function twoMachines(): TwoMachines {
  const app = copyOf(FIXTURE);
  const leadKey = join(tempDir('svmc-lead-keys-'), 'lead.key');
  expect(svmc(['keygen', '--no-passphrase', '--as', 'lead', '--out', leadKey, '--register', app]).code).toBe(0);
  const home = tempDir('svmc-senior-home-');
  const env = { HOME: home, XDG_CONFIG_HOME: '' };
  const made = svmc(['keygen', '--as', 'senior', '--no-passphrase'], { env, cwd: home });
  expect(made.code, made.stderr).toBe(0);
  const key = join(home, '.config/svmc/senior.key');
  // The .pub travels to the lead, who registers it.
  const pub = join(tempDir('svmc-inbox-'), 'ben-senior.pub');
  copyFileSync(join(home, '.config/svmc/senior.pub'), pub);
  expect(svmc(['register-key', '--as', 'senior', pub, app]).code).toBe(0);
  const signed = svmc(['sign', '--as', 'lead', '--key', leadKey, app]);
  expect(signed.code, signed.stderr).toBe(0);
  const draft = join(tempDir('svmc-outbox-'), 'draft.zip');
  const packed = svmc(['pack', '--draft', app, '--out', draft]);
  expect(packed.code, packed.stderr).toBe(0);
  const work = join(home, 'Downloads');
  mkdirSync(work);
  copyFileSync(draft, join(work, 'draft.zip'));
  return { app, leadKey, senior: { home, work, key, env }, draft };
}

/** The senior leader signs the draft on their machine; the sign-off comes back to the lead. */
function seniorSignsDraft({ senior }: TwoMachines): string {
  const result = svmc(['sign', '--as', 'senior', '--pack', 'draft.zip', '--key', senior.key, '--out', 'senior.minisig'], { env: senior.env, cwd: senior.work });
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toMatch(/Signing as the Social Value Senior Leader \(Ben Senior\)/);
  expect(result.stderr).toMatch(/Draft pack SVMC-\d{8}-[0-9A-F]+ of \d{4}-\d\d-\d\d \(draft\.zip\): its integrity verified/);
  expect(result.stderr).toMatch(/5 files, .*:\n.*evidence\/plan\/impact plan é\.md/);
  expect(result.stdout).toMatch(/Trusted comment: signed \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ?.*, role:senior/);
  expect(result.stdout).toMatch(/svmc signoff add senior\.minisig/);
  const back = join(tempDir('svmc-inbox-'), 'senior.minisig');
  copyFileSync(join(senior.work, 'senior.minisig'), back);
  return back;
}

const checkCodes = (app: string): string[] =>
  JSON.parse(svmc(['check', app, '--format', 'json']).stdout).applications[0].findings.map((f: { code: string }) => f.code);

describe('a senior leader signs a draft pack on another machine', () => {
  it('the sign-off filed back with `svmc signoff add` gives a clean check, and stock minisign verifies it', () => {
    const machines = twoMachines();
    expect(checkCodes(machines.app)).toEqual(['SIGNOFF_MISSING']);
    const signoff = seniorSignsDraft(machines);
    const added = svmc(['signoff', 'add', signoff, machines.app]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/Filed .*senior\.minisig as signoffs\/senior\.minisig: .* of \d{4}-\d\d-\d\dT.* verifies against the folder as it is now/);
    expect(readFileSync(join(machines.app, 'signoffs/senior.minisig'), 'utf8')).toBe(readFileSync(signoff, 'utf8'));
    const check = svmc(['check', machines.app]);
    expect(check.code, check.stdout).toBe(0);
    if (toolAvailable('minisign')) {
      const pub = join(machines.senior.home, '.config/svmc/senior.pub');
      const verified = spawnSync('minisign', ['-Vm', join(machines.app, 'signoffs/senior.manifest'), '-x', join(machines.app, 'signoffs/senior.minisig'), '-p', pub]);
      expect(verified.status, String(verified.stderr)).toBe(0);
    }
    // The signed pack is then whole: verify finds both sign-offs valid.
    const pack = join(tempDir(), 'final.zip');
    expect(svmc(['pack', machines.app, '--out', pack]).code).toBe(0);
    expect(svmc(['verify', pack]).code).toBe(0);
  });

  it('refuses the sign-off when the folder changed since the draft, saying what changed, and files nothing', () => {
    const machines = twoMachines();
    const signoff = seniorSignsDraft(machines);
    appendFileSync(join(machines.app, 'evidence/policy/board-minutes.md'), 'A late addition.\n');
    const added = svmc(['signoff', 'add', signoff, machines.app]);
    expect(added.code).toBe(1);
    expect(added.stderr).toMatch(/not filed: .*senior\.minisig of \S+ signs a draft of this folder, which has changed since: changed evidence\/policy\/board-minutes\.md/);
    expect(added.stderr).toMatch(/make a new draft \(svmc pack --draft\)/);
    expect(existsSync(join(machines.app, 'signoffs/senior.minisig'))).toBe(false);
  });

  it('says what changed from the lead\'s signed manifest even when the kept draft manifests are gone', () => {
    const machines = twoMachines();
    const signoff = seniorSignsDraft(machines);
    spawnSync('rm', ['-rf', join(machines.app, '.svmc/drafts')]);
    writeFileSync(join(machines.app, 'evidence/new-minutes.md'), 'new\n');
    expect(svmc(['map', 'L1.CC.1', 'evidence/new-minutes.md', '--summary', 'Later minutes', '--dir', machines.app]).code).toBe(0);
    const added = svmc(['signoff', 'add', signoff, machines.app]);
    expect(added.code).toBe(1);
    expect(added.stderr).toMatch(/has changed since: changed svmc\.yaml; added evidence\/new-minutes\.md/);
  });

  it('refuses a damaged draft (exit 1, what is wrong), a key that is not the registered one, mixed-up options, and never overwrites the default --out', () => {
    const machines = twoMachines();
    const { senior } = machines;
    const bad = join(senior.work, 'bad.zip');
    const bytes = readFileSync(join(senior.work, 'draft.zip'));
    const at = bytes.indexOf('%PDF') + 5;
    bytes.writeUInt8(bytes.readUInt8(at) ^ 1, at);
    writeFileSync(bad, bytes);
    const damaged = svmc(['sign', '--as', 'senior', '--pack', 'bad.zip', '--key', senior.key], { env: senior.env, cwd: senior.work });
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toMatch(/ZIP_DAMAGED[\s\S]*bad\.zip is damaged or was altered: ask for a new draft/);
    expect(existsSync(join(senior.work, 'senior.minisig'))).toBe(false);

    // A key that is not the registered one: refused before anything is written.
    const stranger = join(tempDir(), 'stranger.key');
    expect(svmc(['keygen', '--no-passphrase', '--as', 'senior', '--out', stranger]).code).toBe(0);
    const wrong = svmc(['sign', '--as', 'senior', '--pack', 'draft.zip', '--key', stranger], { env: senior.env, cwd: senior.work });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/not the one registered for the Social Value Senior Leader/);

    // --pack and a folder together make no sense; --out alone neither.
    expect(svmc(['sign', '--as', 'senior', '--pack', 'draft.zip', '--key', senior.key, machines.app], { cwd: senior.work }).code).toBe(2);
    expect(svmc(['sign', '--as', 'senior', '--key', senior.key, '--out', 'x.minisig', machines.app]).code).toBe(2);

    // The default --out is not overwritten behind the user's back.
    writeFileSync(join(senior.work, 'senior.minisig'), 'mine\n');
    const taken = svmc(['sign', '--as', 'senior', '--pack', 'draft.zip', '--key', senior.key], { env: senior.env, cwd: senior.work });
    expect(taken.code).toBe(2);
    expect(taken.stderr).toMatch(/senior\.minisig exists already: name where the sign-off goes with --out/);
    expect(readFileSync(join(senior.work, 'senior.minisig'), 'utf8')).toBe('mine\n');
  });

  it('signoff add refuses what is not a sign-off, or no file at all, in words (exit 2)', () => {
    const { app } = twoMachines();
    const junk = join(tempDir(), 'junk.minisig');
    writeFileSync(junk, 'hello\n');
    const result = svmc(['signoff', 'add', junk, app]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/junk\.minisig is not a minisign signature/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const missing = svmc(['signoff', 'add', join(tempDir(), 'none.minisig'), app]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the sign-off/);
  });
});
