import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { svmc, tempDir } from './helpers/cli.js';

describe('svmc fee', () => {
  it('prices a very large level 3 application at £1,250.00 net', () => {
    const result = svmc(['fee', '--size', 'very-large', '--level', '3']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('£1,250.00 net');
    expect(result.stdout).toContain('£1,500.00');
  });

  it('adds VAT at --vat-rate: small level 1 is 500.00 + 100.00 = 600.00', () => {
    for (const rate of ['0.2', '20%']) {
      const result = svmc(['fee', '--size', 'small', '--level', '1', '--vat-rate', rate]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/£500\.00 net \+ £100\.00 VAT \(20%\) = £600\.00/);
    }
  });

  it('prints the JSON contract', () => {
    const result = svmc(['fee', '--size', 'medium', '--level', '2', '--discount', '10%', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      currency: 'GBP',
      size: 'medium',
      level: 2,
      renewal: false,
      netPence: 67500,
      discountPence: 7500,
      vatRate: 0.2,
      vatPence: 13500,
      grossPence: 81000,
    });
  });

  it('shows the journey as JSON with totals', () => {
    const result = svmc(['fee', '--size', 'small', '--journey', '--format', 'json']);
    expect(result.code).toBe(0);
    const journey = JSON.parse(result.stdout) as { steps: { level: number; renewal: boolean }[]; totalNetPence: number; totalGrossPence: number };
    expect(journey.steps.map((s) => `${s.level}${s.renewal ? 'R' : ''}`)).toEqual(['1', '2', '3', '3R', '3R']);
    expect([journey.totalNetPence, journey.totalGrossPence]).toEqual([250000, 300000]);
    const text = svmc(['fee', '--size', 'small', '--journey', '--renewals', '1']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('£2,400.00');
  });

  it("reads size, level and renewal from the folder's svmc.yaml", () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'svmc.yaml'),
      'svmc: 1\napplicant:\n  organisation: A\n  scope: organisation\n  membership:\n    size: large\napplication:\n  level: 3\n  renewal: true\n',
    );
    const result = svmc(['fee', '--dir', dir, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ size: 'large', level: 3, renewal: true, netPence: 100000 });
    expect(svmc(['fee', '--level', '1'], { cwd: dir }).stdout).toContain('Level 1, large member');
  });

  it('uses a replacement fee table, and refuses an invalid one with the reason', () => {
    const dir = tempDir();
    const row = { '1': 100, '2': 200, '3': 300, renewal: 400 };
    const good = join(dir, 'fees.json');
    writeFileSync(good, JSON.stringify({ currency: 'GBP', exclusiveOfVat: true, feesPence: { small: row, medium: row, large: row, 'very-large': row } }));
    expect(svmc(['fee', '--size', 'small', '--level', '3', '--fee-table', good]).stdout).toContain('£3.00 net');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ currency: 'GBP', exclusiveOfVat: true, feesPence: { small: row } }));
    const result = svmc(['fee', '--size', 'small', '--level', '3', '--fee-table', bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/medium/);
  });

  it.each([
    [['--size', 'huge', '--level', '1'], /small, medium, large, very-large/],
    [['--size', 'small', '--level', '4'], /1, 2, 3/],
    [['--size', 'small', '--level', '1', '--vat-rate', '-0.1'], /negative/],
    [['--size', 'small', '--level', '1', '--vat-rate', '1.5'], /100%/],
    [['--size', 'small', '--level', '1', '--discount', '600'], /more than/],
    [['--size', 'small', '--level', '2', '--renewal'], /level 3/],
    [['--size', 'small', '--level', '1', '--fee-table', 'missing.json'], /missing\.json/],
  ])('exits 2 on bad input %j', (args, message) => {
    const result = svmc(['fee', ...args], { cwd: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('says what to pass when there is no svmc.yaml', () => {
    const result = svmc(['fee'], { cwd: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--size and --level/);
  });
});
