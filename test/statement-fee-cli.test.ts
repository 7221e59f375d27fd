import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOf, svmc, tempDir } from './helpers/cli.js';
import { toolAvailable } from './helpers/tools.js';

const yamlOf = (dir: string): string => readFileSync(join(dir, 'svmc.yaml'), 'utf8');

function withFee(dir: string, fee: string): void {
  writeFileSync(join(dir, 'svmc.yaml'), yamlOf(dir).replace('application:\n  level: 2\n', `application:\n  level: 2\n  fee:\n${fee}`));
}

describe('svmc statement', () => {
  it('replaces a statement in place, changing one line, and says so when there is nothing to change', () => {
    const dir = copyOf('examples/level-2');
    const before = yamlOf(dir).split('\n');
    const result = svmc(['statement', 'l2.pl.1', 'We built the map with two focus groups.', '--dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('L2.PL.1 (plan): statement replaced');
    const after = yamlOf(dir).split('\n');
    const changed = after.filter((line, index) => line !== before[index]);
    expect(changed).toEqual(['      statement: We built the map with two focus groups.']);
    const again = svmc(['statement', 'L2.PL.1', 'We built the map with two focus groups.', '--dir', dir]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already has this statement');
  });

  it('turns a plain list into {statement, evidence}, keeping the items and their comments', () => {
    const dir = copyOf('test/fixtures/check-valid-level-2');
    const before = yamlOf(dir);
    const result = svmc(['statement', 'L2.PL.1', 'Mapped with the people it concerns.', '--dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    const after = yamlOf(dir);
    expect(after).toMatch(/ {4}L2\.PL\.1:\n {6}statement: Mapped with the people it concerns\.\n {6}evidence:\n {6}- file: /);
    expect(after.split('\n').filter((line) => line.trimStart().startsWith('#'))).toEqual(before.split('\n').filter((line) => line.trimStart().startsWith('#')));
  });

  it('refuses an unknown criterion and an empty statement, writing nothing', () => {
    const dir = copyOf('examples/level-2');
    const before = yamlOf(dir);
    expect(svmc(['statement', 'L2.XX.1', 'text', '--dir', dir]).stderr).toContain('unknown criterion');
    expect(svmc(['statement', 'L2.PL.1', '   ', '--dir', dir]).stderr).toContain('the statement is empty');
    expect(yamlOf(dir)).toBe(before);
  });
});

describe('application.fee in svmc.yaml', () => {
  it('is used by fee, by bag-info.txt and by the PDF', () => {
    const dir = copyOf('examples/level-2');
    withFee(dir, '    discount: 10%\n    vatRate: 0.05\n');
    const fee = svmc(['fee', dir]);
    expect(fee.code, fee.stderr).toBe(0);
    expect(fee.stdout).toContain('£750.00 − £75.00 discount = £675.00 net + £33.75 VAT (5%) = £708.75');
    const out = tempDir();
    const packed = svmc(['pack', dir, '--draft', '--out', join(out, 'p.zip'), '--date', '2026-12-01']);
    expect(packed.code, packed.stderr).toBe(0);
    expect(spawnSync('unzip', ['-q', join(out, 'p.zip'), '-d', out]).status).toBe(0);
    const bag = join(out, readdirSync(out).find((name) => name.startsWith('svmc-'))!);
    expect(readFileSync(join(bag, 'bag-info.txt'), 'utf8')).toContain('SVMC-Fee: GBP 675.00 net after a discount of 75.00 + 33.75 VAT (5%) = 708.75');
    if (toolAvailable('pdftotext')) {
      const text = spawnSync('pdftotext', ['-layout', join(bag, 'summary.pdf'), '-'], { encoding: 'utf8' }).stdout;
      expect(text).toMatch(/of which membership discount\s+−£75\.00/);
      expect(text).toMatch(/VAT at 5%\s+£33\.75/);
    }
  });

  it('reports a discount larger than the fee and a VAT rate written as a percentage, with line and column', () => {
    const dir = copyOf('examples/level-2');
    withFee(dir, '    discount: 100000\n    vatRate: 20%\n');
    const result = svmc(['check', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/svmc\.yaml:17:15 +error +FEE_DISCOUNT_TOO_LARGE/);
    expect(result.stdout).toMatch(/svmc\.yaml:18:14 +error +SCHEMA_VIOLATION +application\.fee\.vatRate must be a number/);
  });
});
