import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFolder } from '../src/core/check/check-application.js';
import { UsageError } from '../src/core/errors.js';
import { tempDir } from './helpers/cli.js';

async function codes(fixtureOrDir: string): Promise<[string, number | undefined][]> {
  const result = await checkFolder(fixtureOrDir, { skipSignoffs: true });
  return result.findings.map((f) => [f.code, f.location?.line]);
}

function folderWith(content: string | Uint8Array): string {
  const dir = tempDir('svmc-hostile-');
  writeFileSync(join(dir, 'svmc.yaml'), content);
  return dir;
}

describe('hostile svmc.yaml', () => {
  it.each([
    ['check-alias-bomb', 'YAML_SYNTAX'],
    ['check-empty', 'SCHEMA_VIOLATION'],
    ['check-comments-only', 'SCHEMA_VIOLATION'],
    ['check-list', 'SCHEMA_VIOLATION'],
    ['check-scalar', 'SCHEMA_VIOLATION'],
  ])('%s gives one %s at line 1', async (fixture, code) => {
    expect(await codes(`test/fixtures/${fixture}`)).toEqual([[code, 1]]);
  });

  it.each([
    ['flow brackets', `svmc: 1\nx: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`, 2],
    ['flow maps', `svmc: 1\nx: ${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}\n`, 2],
    ['block lists', `svmc: 1\nx:\n${'  - '.repeat(20_000)}x\n`, 3],
  ])('20,000-deep nesting (%s) is a YAML_SYNTAX finding', async (_, content, line) => {
    expect(await codes(folderWith(content))).toEqual([['YAML_SYNTAX', line]]);
  });

  it('non-UTF-8 bytes are a YAML_SYNTAX finding at the bad byte', async () => {
    const bytes = Buffer.concat([Buffer.from('svmc: 1\napplicant:\n  organisation: Caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const result = await checkFolder(folderWith(bytes), { skipSignoffs: true });
    expect(result.findings.map((f) => [f.code, f.location?.line, f.location?.col])).toEqual([['YAML_SYNTAX', 3, 20]]);
    expect(result.findings[0]?.message).toMatch(/UTF-8/);
  });

  it('binary garbage is a YAML_SYNTAX finding', async () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    expect((await codes(folderWith(bytes)))[0]?.[0]).toBe('YAML_SYNTAX');
    expect(await codes(folderWith(Buffer.from('svmc: 1\n\0\0\0binary\n')))).toEqual([['YAML_SYNTAX', 2]]);
  });

  it('a huge file is refused without parsing it', async () => {
    const line = `${'x'.repeat(1023)}\n`;
    expect(await codes(folderWith(line.repeat(17 * 1024)))).toEqual([['YAML_SYNTAX', 1]]);
  });

  it('a folder without svmc.yaml, or no folder at all, is a UsageError', async () => {
    await expect(checkFolder(tempDir())).rejects.toBeInstanceOf(UsageError);
    await expect(checkFolder(join(tempDir(), 'nowhere'))).rejects.toBeInstanceOf(UsageError);
    const dir = tempDir();
    mkdirSync(join(dir, 'svmc.yaml'));
    await expect(checkFolder(dir)).rejects.toBeInstanceOf(UsageError);
  });
});
