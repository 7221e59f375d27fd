import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApplication } from '../src/core/application/open.js';
import { judgeSignoffs } from '../src/core/check/judge-signoffs.js';
import type { Role } from '../src/core/domain.js';
import { generateSecretKey, type SecretKey } from '../src/core/signing/keys.js';
import { registerPublicKey } from '../src/core/signing/register-key.js';
import { signApplication } from '../src/core/signing/sign-application.js';
import { copyOf } from './helpers/cli.js';

const FIXTURE = 'test/fixtures/signable';

async function findings(dir: string): Promise<[string, string | undefined, number | undefined, string][]> {
  const app = await openApplication(dir);
  const { findings: result } = await judgeSignoffs(app, await app.document());
  return result.map((f) => [f.code, f.location?.file, f.location?.line, f.message]);
}

async function sign(dir: string, role: Role, secret: SecretKey): Promise<void> {
  const app = await openApplication(dir);
  const document = await app.document();
  await signApplication({ app, document: { ...document, data: document.data! }, role, secret, now: new Date('2026-01-01T00:00:00Z') });
}

/** A copy of the fixture with both keys registered and both sign-offs made. */
async function signedCopy(): Promise<{ dir: string; lead: SecretKey; senior: SecretKey }> {
  const dir = copyOf(FIXTURE);
  const lead = generateSecretKey();
  const senior = generateSecretKey();
  await registerPublicKey(dir, 'lead', async () => lead.publicKey);
  await registerPublicKey(dir, 'senior', async () => senior.publicKey);
  await sign(dir, 'lead', lead);
  await sign(dir, 'senior', senior);
  return { dir, lead, senior };
}

const codes = (list: [string, ...unknown[]][]): string[] => list.map(([code]) => code);

describe('signoffFindings', () => {
  it('finds nothing when both representatives signed the current manifest with their registered keys', async () => {
    const { dir } = await signedCopy();
    expect(await findings(dir)).toEqual([]);
    expect(readFileSync(join(dir, 'signoffs/lead.manifest'), 'utf8')).toMatch(/^[0-9a-f]{64} {2}data\/evidence\//);
  });

  it('reports SIGNOFF_MISSING at each representative in svmc.yaml', async () => {
    const dir = copyOf(FIXTURE);
    const result = await findings(dir);
    expect(result.map(([code, file, line]) => [code, file, line])).toEqual([
      ['SIGNOFF_MISSING', 'svmc.yaml', 16],
      ['SIGNOFF_MISSING', 'svmc.yaml', 19],
    ]);
  });

  it('makes both sign-offs stale after a one-byte change to a mapped file, naming it', async () => {
    const { dir } = await signedCopy();
    const file = join(dir, 'evidence/plan/impact plan é.md');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('Problem', 'Problen'));
    const result = await findings(dir);
    expect(codes(result)).toEqual(['SIGNOFF_STALE', 'SIGNOFF_STALE']);
    expect(result[0]![3]).toContain('changed evidence/plan/impact plan é.md');
    expect(result[0]![1]).toBe('signoffs/lead.minisig');
  });

  it('makes both stale when svmc.yaml changes, and names added files', async () => {
    const { dir } = await signedCopy();
    copyFileSync(join(dir, 'evidence/policy/board-minutes.md'), join(dir, 'evidence/policy/minutes-2.md'));
    const yaml = readFileSync(join(dir, 'svmc.yaml'), 'utf8');
    writeFileSync(join(dir, 'svmc.yaml'), yaml.replace('file: evidence/policy/board-minutes.md\n        summary: Review', 'file: evidence/policy/minutes-2.md\n        summary: Review'));
    const result = await findings(dir);
    expect(codes(result)).toEqual(['SIGNOFF_STALE', 'SIGNOFF_STALE']);
    expect(result[1]![3]).toMatch(/changed svmc\.yaml; added evidence\/policy\/minutes-2\.md/);
  });

  it('reports SIGNOFF_INVALID for a corrupted signature, an unregistered key and a swapped role', async () => {
    const { dir } = await signedCopy();
    const sig = readFileSync(join(dir, 'signoffs/lead.minisig'), 'utf8').split('\n');
    sig[3] = sig[3]!.startsWith('A') ? `B${sig[3]!.slice(1)}` : `A${sig[3]!.slice(1)}`;
    writeFileSync(join(dir, 'signoffs/lead.minisig'), sig.join('\n'));
    await sign(dir, 'senior', generateSecretKey());
    expect(codes(await findings(dir))).toEqual(['SIGNOFF_INVALID', 'SIGNOFF_INVALID']);

    const again = await signedCopy();
    writeFileSync(join(again.dir, 'signoffs/senior.minisig'), 'untrusted comment: x\nnot a signature\n');
    expect(codes(await findings(again.dir))).toEqual(['SIGNOFF_INVALID']);
    copyFileSync(join(again.dir, 'signoffs/lead.minisig'), join(again.dir, 'signoffs/senior.minisig'));
    expect(await findings(again.dir)).toEqual([['SIGNOFF_INVALID', 'signoffs/senior.minisig', undefined, expect.stringMatching(/key/) as string]]);
  });

  it('reports SIGNOFF_INVALID when no key is registered for the role', async () => {
    const dir = copyOf(FIXTURE);
    await sign(dir, 'lead', generateSecretKey());
    const result = await findings(dir);
    expect(result.map(([code, file, line]) => [code, file, line])).toEqual([
      ['SIGNOFF_INVALID', 'svmc.yaml', 16],
      ['SIGNOFF_MISSING', 'svmc.yaml', 19],
    ]);
    expect(result[0]![3]).toContain('svmc keygen --as lead --register');
  });

  it('calls a changed folder invalid, not stale, when the signed manifest is gone', async () => {
    const { dir } = await signedCopy();
    rmSync(join(dir, 'signoffs/lead.manifest'));
    writeFileSync(join(dir, 'evidence/terms-signed.pdf'), 'changed');
    expect(codes(await findings(dir))).toEqual(['SIGNOFF_INVALID', 'SIGNOFF_STALE']);
  });
});
