import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, svmc, tempDir } from './helpers/cli.js';

const CRITERIA = ['L1.CC.1', 'L1.CC.2', 'L1.CC.3', 'L1.PL.1', 'L1.PL.2', 'L1.PL.3', 'L1.DO.1', 'L1.DO.2', 'L1.AS.1', 'L1.RV.1'];

function freshApplication(): string {
  const parent = tempDir();
  const init = svmc(['init', 'app', '--yes', '--org', 'X', '--level', '1', '--size', 'small'], { cwd: parent });
  expect(init.code, init.stderr).toBe(0);
  return join(parent, 'app');
}

function mapped(dir: string): Record<string, string[]> {
  const data = parse(readFileSync(join(dir, 'svmc.yaml'), 'utf8')) as { evidence: Record<string, Record<string, { file: string }[]>> };
  const result: Record<string, string[]> = {};
  for (const criteria of Object.values(data.evidence)) {
    for (const [id, items] of Object.entries(criteria)) result[id] = items.map((item) => item.file);
  }
  return result;
}

function runMap(dir: string, criterion: string, file: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'map', criterion, file, '--summary', `Evidence for ${criterion}`], {
      cwd: dir,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', CI: '' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

function lockOf(dir: string): string {
  return join(dir, '.svmc', 'svmc.yaml.lock');
}

function writeLock(dir: string, pid: number): void {
  mkdirSync(join(dir, '.svmc'), { recursive: true });
  writeFileSync(lockOf(dir), JSON.stringify({ pid, host: hostname(), token: 'a1b2c3', since: '2026-01-01T00:00:00.000Z' }));
}

function gonePid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

describe('svmc map run many times at once', () => {
  it.each([
    ['', false],
    [', breaking a lock left by a process that is gone', true],
  ])('keeps every edit that exits 0%s', async (_, stale) => {
    const dir = freshApplication();
    if (stale) writeLock(dir, gonePid());
    const files = CRITERIA.map((id) => `evidence/${id.toLowerCase()}.md`);
    for (const file of files) writeFileSync(join(dir, file), `# ${file}\n`);
    const results = await Promise.all(CRITERIA.map((id, index) => runMap(dir, id, files[index]!)));
    for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0 });
    const map = mapped(dir);
    CRITERIA.forEach((id, index) => {
      expect(map[id], id).toEqual([files[index]]);
    });
    expect(readdirSync(join(dir, '.svmc')).filter((name) => name.includes('lock'))).toEqual([]);
    expect(readFileSync(join(dir, '.svmc', '.gitignore'), 'utf8')).toBe('*\n');
  });

  it('gives up on a lock held by a live process with exit 2 and a message, changing nothing', () => {
    const dir = freshApplication();
    writeLock(dir, process.pid);
    writeFileSync(join(dir, 'evidence/a.md'), 'a\n');
    const before = readFileSync(join(dir, 'svmc.yaml'), 'utf8');
    const result = svmc(['map', 'L1.PL.1', 'evidence/a.md'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^svmc: svmc.yaml is being changed by another svmc \\(process ${process.pid}, .*delete \\.svmc/svmc\\.yaml\\.lock`));
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(dir, 'svmc.yaml'), 'utf8')).toBe(before);
    expect(existsSync(lockOf(dir))).toBe(true);
  });
});
