import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, copyOf, svmc, tempDir } from './helpers/cli.js';
import { toolAvailable } from './helpers/tools.js';
import { mapExtraEvidence, signedApplication, signedPack } from './pack-fixtures.js';

const KEY_LINE = 'untrusted comment: minisign secret key\nRWRTY0IyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n';
const HUGE_BASE64 = 'A'.repeat(5_000_000);

interface Report {
  applications: { findings: { code: string; message: string; line?: number; file?: string }[] }[];
}

function findings(dir: string): Report['applications'][0]['findings'] {
  const run = svmc(['check', dir, '--format', 'json'], { timeout: 60_000 });
  expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
  return (JSON.parse(run.stdout) as Report).applications[0]!.findings;
}

/** Runs svmc under a file size limit of `kib` KiB, as `ulimit -f` sets it. */
function limited(kib: number, args: string[], cwd?: string): { code: number; stderr: string } {
  const quoted = args.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const run = spawnSync('bash', ['-c', `ulimit -f ${kib}; exec "${process.execPath}" "${BIN}" ${quoted}`], {
    encoding: 'utf8',
    cwd,
    env: { ...process.env, NO_COLOR: '1', CI: '' },
  });
  return { code: run.status ?? -1, stderr: run.stderr };
}

describe('secrets never leave', () => {
  it('a private key mapped as evidence stops a draft pack too', () => {
    const dir = copyOf('examples/level-1');
    writeFileSync(join(dir, 'evidence/lead.key'), KEY_LINE);
    mapExtraEvidence(dir, 'evidence/lead.key');
    const out = join(tempDir(), 'draft.zip');
    const run = svmc(['pack', dir, '--draft', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/EVIDENCE_SECRET/);
    expect(spawnSync('test', ['-e', out]).status).not.toBe(0);
  });

  it('a private key pasted into a comment of svmc.yaml is found, at its line', () => {
    const dir = copyOf('examples/level-1');
    const text = readFileSync(join(dir, 'svmc.yaml'), 'utf8');
    writeFileSync(join(dir, 'svmc.yaml'), `${text}# -----BEGIN OPENSSH PRIVATE KEY-----\n`);
    const secret = findings(dir).find((f) => f.code === 'EVIDENCE_SECRET');
    expect(secret).toMatchObject({ file: 'svmc.yaml', line: text.split('\n').length });
  });

  it('a key far into a long text file is found', () => {
    const dir = copyOf('examples/level-1');
    writeFileSync(join(dir, 'evidence/notes.md'), `${'minutes of the meeting\n'.repeat(100_000)}-----BEGIN RSA PRIVATE KEY-----\n`);
    mapExtraEvidence(dir, 'evidence/notes.md');
    expect(findings(dir).map((f) => f.code)).toContain('EVIDENCE_SECRET');
  });

  it('keygen judges --out by where it really leads: not into an application through a link', () => {
    const dir = copyOf('examples/level-1');
    const outside = tempDir();
    symlinkSync(join(dir, 'evidence'), join(outside, 'link'));
    const run = svmc(['keygen', '--no-passphrase', '--as', 'lead', '--out', join(outside, 'link/lead.key')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/inside the application folder/);
    expect(spawnSync('test', ['-e', join(dir, 'evidence/lead.key')]).status).not.toBe(0);
  });

  it('sign refuses a private key that other users can read, and says how to protect it', () => {
    const { dir, keys } = signedApplication();
    chmodSync(join(keys, 'lead.key'), 0o644);
    const run = svmc(['sign', '--as', 'lead', '--key', join(keys, 'lead.key'), '--dir', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/chmod 600/);
  });

  it('one key registered for both representatives is an error, and cannot sign for the other', () => {
    const { dir, keys } = signedApplication();
    const path = join(dir, 'svmc.yaml');
    const text = readFileSync(path, 'utf8');
    const [lead] = [...text.matchAll(/publicKey: (\S+)/g)].map((m) => m[1]!);
    writeFileSync(path, text.replace(/(senior:[\s\S]*?publicKey: )\S+/, `$1${lead}`));
    expect(findings(dir).map((f) => f.code)).toContain('REPRESENTATIVE_MISSING');
    const run = svmc(['sign', '--as', 'senior', '--key', join(keys, 'lead.key'), '--dir', dir]);
    expect(run.code).not.toBe(0);
  });
});

describe('every read is bounded and never blocks', () => {
  it('a 5 MB base64 line in a sign-off, a public key or a --trust file is refused in words', () => {
    const dir = copyOf('examples/level-1');
    mkdirSync(join(dir, 'signoffs'));
    writeFileSync(join(dir, 'signoffs/lead.minisig'), `untrusted comment: x\n${HUGE_BASE64}\ntrusted comment: x\n${HUGE_BASE64}\n`);
    const text = readFileSync(join(dir, 'svmc.yaml'), 'utf8');
    writeFileSync(join(dir, 'svmc.yaml'), text.replace(/(senior:\n)/, `$1    publicKey: RW${'A'.repeat(54)}\n`));
    expect(findings(dir).map((f) => f.code)).toContain('SIGNOFF_INVALID');
    writeFileSync(join(dir, 'svmc.yaml'), text.replace(/(senior:\n)/, `$1    publicKey: RW${HUGE_BASE64}\n`));
    expect(findings(dir).map((f) => f.code)).toContain('SCHEMA_VIOLATION');

    const { zip } = signedPack();
    const pub = join(tempDir(), 'big.pub');
    writeFileSync(pub, `untrusted comment: minisign public key\n${HUGE_BASE64}\n`);
    const trust = svmc(['verify', zip, '--trust', pub]);
    expect(trust.code).toBe(2);
    expect(trust.stderr).toMatch(/big\.pub/);
    expect(trust.stderr).not.toMatch(/call stack|internal error/);
  });

  it('a device as the catalogue, or as the file cache, is not read', () => {
    const dir = copyOf('examples/level-1');
    mkdirSync(join(dir, '.svmc'), { recursive: true });
    symlinkSync('/dev/zero', join(dir, '.svmc/file-facts.bin'));
    symlinkSync('/dev/zero', join(dir, '.svmc/check-result.bin'));
    expect(findings(dir).map((f) => f.code)).toEqual(['SIGNOFF_MISSING', 'SIGNOFF_MISSING']);
    const text = readFileSync(join(dir, 'svmc.yaml'), 'utf8');
    writeFileSync(join(dir, 'svmc.yaml'), text.replace(/^catalogue: .*$/m, 'catalogue: /dev/zero'));
    const catalogue = findings(dir).find((f) => f.code === 'CATALOGUE_INVALID');
    expect(catalogue?.message).toMatch(/not a regular file/);
  });

  it.runIf(toolAvailable('mkfifo'))('a FIFO at a sign-off, a signed manifest or the file cache never stalls check or pack', () => {
    const { dir } = signedApplication();
    mapExtraEvidence(dir, 'evidence/terms-signed.pdf');
    for (const fifo of ['signoffs/lead.minisig', 'signoffs/senior.manifest', '.svmc/file-facts.bin']) {
      spawnSync('rm', ['-f', join(dir, fifo)]);
      execFileSync('mkfifo', [join(dir, fifo)]);
    }
    const codes = findings(dir).map((f) => f.code);
    expect(codes).toContain('SIGNOFF_INVALID');
    const pack = svmc(['pack', dir, '--out', join(tempDir(), 'p.zip')], { timeout: 60_000 });
    expect(pack.code).toBe(1);
  });
});

describe("the user's environment is exit 2, never a bug", () => {
  it('a file size limit while packing, mapping or writing a report', () => {
    const dir = copyOf('examples/level-1');
    const pack = limited(16, ['pack', dir, '--draft', '--out', join(tempDir(), 'p.zip')]);
    expect(pack.code).toBe(2);
    expect(pack.stderr).toMatch(/larger than this system lets a file grow/);
    const before = readFileSync(join(dir, 'svmc.yaml'), 'utf8');
    const map = limited(1, ['map', 'L1.PL.1', 'evidence/terms-signed.pdf', '--summary', 'x'.repeat(2000)], dir);
    expect(map.code).toBe(2);
    expect(map.stderr).toMatch(/^svmc: cannot write .*svmc\.yaml/);
    expect(readFileSync(join(dir, 'svmc.yaml'), 'utf8')).toBe(before);
    const report = limited(1, ['check', dir, '--format', 'sarif', '--output', join(tempDir(), 'r.sarif')]);
    expect(report.code).toBe(2);
    expect(report.stderr).not.toMatch(/internal error/);
  });

  it('a full disk while packing', () => {
    const dir = copyOf('examples/level-1');
    const run = svmc(['pack', dir, '--draft', '--out', '/dev/full']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/the disk is full/);
  });

  it('missing and unreadable files are named in words, without system codes', () => {
    const nope = svmc(['verify', join(tempDir(), 'nope.zip')]);
    expect(nope.code).toBe(2);
    expect(nope.stderr).not.toMatch(/ENOENT/);
    const trust = svmc(['verify', join(tempDir(), 'nope.zip'), '--trust', join(tempDir(), 'missing.pub')]);
    expect(trust.code).toBe(2);
    expect(trust.stderr).toMatch(/missing\.pub: it does not exist/);
    const dir = copyOf('examples/level-1');
    const text = readFileSync(join(dir, 'svmc.yaml'), 'utf8');
    writeFileSync(join(dir, 'svmc.yaml'), text.replace(/^catalogue: .*$/m, 'catalogue: evidence'));
    const catalogue = findings(dir).find((f) => f.code === 'CATALOGUE_INVALID');
    expect(catalogue?.message).not.toMatch(/EISDIR/);
  });
});
