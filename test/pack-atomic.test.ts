import { spawn } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { randomFillSync } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, copyOf, svmc, tempDir } from './helpers/cli.js';
import { EPOCH, mapExtraEvidence, signedApplication } from './pack-fixtures.js';

function writeRandom(path: string, bytes: number): void {
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(4 << 20);
  for (let written = 0; written < bytes; written += block.length) writeSync(fd, randomFillSync(block), 0, Math.min(block.length, bytes - written));
  closeSync(fd);
}

/** Starts `svmc pack`, waits until its temporary file holds `atBytes`, then calls `act`; resolves with the exit code. */
function packAndInterrupt(args: string[], outDir: string, atBytes: number, act: (child: ReturnType<typeof spawn>) => void): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, FORCE_COLOR: '0', CI: '' } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let acted = false;
  const timer = setInterval(() => {
    const temporary = readdirSync(outDir).find((name) => name.endsWith('.tmp'));
    if (!acted && temporary && statSync(join(outDir, temporary)).size >= atBytes) {
      acted = true;
      act(child);
    }
  }, 2);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ code, stderr });
    });
  });
}

describe('pack writes all or nothing', () => {
  it('leaves nothing new at --out when interrupted half-way through 300 MB, and keeps the old file', async () => {
    const dir = copyOf('examples/level-1', 'svmc-big-');
    mkdirSync(join(dir, 'evidence/big'));
    writeRandom(join(dir, 'evidence/big/random.bin'), 300 * 1024 * 1024);
    mapExtraEvidence(dir, 'evidence/big/random.bin');
    const outDir = tempDir('svmc-out-');
    const out = join(outDir, 'pack.zip');
    writeFileSync(out, 'the previous pack');
    const result = await packAndInterrupt(['pack', dir, '--draft', '--out', out], outDir, 20 * 1024 * 1024, (child) => child.kill('SIGINT'));
    expect(result.code, result.stderr).toBe(130);
    expect(readdirSync(outDir)).toEqual(['pack.zip']);
    expect(readFileSync(out, 'utf8')).toBe('the previous pack');
  });

  it('aborts with SIGNOFF_STALE, naming the file, when evidence changes while it is packed', async () => {
    const { dir } = signedApplication();
    mkdirSync(join(dir, 'evidence/big'));
    writeRandom(join(dir, 'evidence/big/random.bin'), 200 * 1024 * 1024);
    writeFileSync(join(dir, 'evidence/zz-late.txt'), 'as signed\n');
    mapExtraEvidence(dir, 'evidence/big/random.bin');
    mapExtraEvidence(dir, 'evidence/zz-late.txt');
    for (const role of ['lead', 'senior']) expect(svmc(['sign', '--as', role, '--key', join(dir, '..', 'keys', `${role}.key`), '--dir', dir]).code).toBe(0);
    const outDir = tempDir('svmc-out-');
    const out = join(outDir, 'pack.zip');
    const result = await packAndInterrupt(['pack', dir, '--out', out], outDir, 20 * 1024 * 1024, () =>
      appendFileSync(join(dir, 'evidence/zz-late.txt'), 'changed after signing\n'),
    );
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/SIGNOFF_STALE/);
    expect(result.stderr).toContain('evidence/zz-late.txt');
    expect(readdirSync(outDir)).toEqual([]);
  });

  // A large file is hashed on a worker and judged once the files after it are written.
  it('aborts with SIGNOFF_STALE, naming it, when a large file hashed on a worker changes while it is packed', async () => {
    const { dir } = signedApplication();
    mkdirSync(join(dir, 'evidence/big'));
    writeRandom(join(dir, 'evidence/big/a.bin'), 200 * 1024 * 1024);
    writeRandom(join(dir, 'evidence/big/b.bin'), 64 * 1024 * 1024);
    mapExtraEvidence(dir, 'evidence/big/a.bin');
    mapExtraEvidence(dir, 'evidence/big/b.bin');
    for (const role of ['lead', 'senior']) expect(svmc(['sign', '--as', role, '--key', join(dir, '..', 'keys', `${role}.key`), '--dir', dir]).code).toBe(0);
    const outDir = tempDir('svmc-out-');
    const result = await packAndInterrupt(['pack', dir, '--out', join(outDir, 'pack.zip')], outDir, 20 * 1024 * 1024, () => {
      const fd = openSync(join(dir, 'evidence/big/a.bin'), 'r+');
      writeSync(fd, Buffer.from('changed after signing'), 0, 21, 200 * 1024 * 1024 - 21);
      closeSync(fd);
    });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/SIGNOFF_STALE/);
    expect(result.stderr).toContain('evidence/big/a.bin');
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('refuses (exit 1, nothing written) while check has errors, and packs a marked draft with --draft', () => {
    const dir = copyOf('examples/level-1', 'svmc-unsigned-');
    const outDir = tempDir('svmc-out-');
    const refused = svmc(['pack', dir, '--out', join(outDir, 'p.zip')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/SIGNOFF_MISSING/);
    expect(readdirSync(outDir)).toEqual([]);
    const draft = svmc(['pack', dir, '--draft', '--out', join(outDir, 'p.zip')], { env: { SOURCE_DATE_EPOCH: EPOCH } });
    expect(draft.code, draft.stderr).toBe(0);
    const verified = svmc(['verify', join(outDir, 'p.zip'), '--format', 'json']);
    expect(verified.code).toBe(1);
    const report = (JSON.parse(verified.stdout) as { packs: { bag: { draft: boolean }; findings: { file: string }[] }[] }).packs[0]!;
    expect(report.bag.draft).toBe(true);
    expect(report.findings.map((p) => p.file)).toEqual(['bag-info.txt']);
  });

  it('exits 2 for a missing output folder, a folder as --out, a bad date and a missing application', () => {
    const { dir } = { dir: copyOf('examples/level-1', 'svmc-where-') };
    const outDir = tempDir('svmc-out-');
    expect(svmc(['pack', dir, '--draft', '--out', join(outDir, 'no/such/p.zip')]).code).toBe(2);
    expect(svmc(['pack', dir, '--draft', '--out', outDir]).code).toBe(2);
    expect(svmc(['pack', dir, '--draft', '--out', join(outDir, 'p.zip'), '--date', '2026-02-30']).code).toBe(2);
    expect(svmc(['pack', dir, '--draft', '--out', join(outDir, 'p.zip')], { env: { SOURCE_DATE_EPOCH: 'soon' } }).code).toBe(2);
    expect(svmc(['pack', join(outDir, 'nothing-here'), '--out', join(outDir, 'p.zip')]).code).toBe(2);
    expect(readdirSync(outDir)).toEqual([]);
    expect(existsSync(join(dir, '.svmc', 'pack.zip'))).toBe(false);
  });
});
