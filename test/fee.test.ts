import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApplicationData } from '../src/core/application/types.js';
import { LEVELS, SIZES } from '../src/core/domain.js';
import { UsageError } from '../src/core/errors.js';
import {
  builtInFeeTable,
  computeFee,
  feeJourney,
  formatPercent,
  formatPounds,
  parseDiscount,
  parseLevel,
  parseSize,
  parseVatRate,
  quoteFee,
  readFeeTable,
} from '../src/core/fee/index.js';
import { renderFeeText } from '../src/report/fee.js';

const GUIDANCE_POUNDS = { small: 500, medium: 750, large: 1000, 'very-large': 1250 } as const;

describe('fee table', () => {
  it('holds the guidance fees for every size, level and renewal, in pence', () => {
    const table = builtInFeeTable();
    for (const size of SIZES) {
      for (const column of ['1', '2', '3', 'renewal'] as const) {
        expect(table.feesPence[size][column]).toBe(GUIDANCE_POUNDS[size] * 100);
      }
    }
  });

  it('rejects a table that does not fit the schema, saying why', () => {
    const dir = mkdtempSync(join(tmpdir(), 'svmc-fee-'));
    const bad = join(dir, 'fees.json');
    writeFileSync(bad, JSON.stringify({ currency: 'EUR', exclusiveOfVat: true, feesPence: {} }));
    expect(() => readFeeTable(bad)).toThrow(UsageError);
    expect(() => readFeeTable(bad)).toThrow(/currency/);
    writeFileSync(bad, '{ not json');
    expect(() => readFeeTable(bad)).toThrow(/not valid JSON/);
    expect(() => readFeeTable(join(dir, 'missing.json'))).toThrow(/missing\.json: it does not exist/);
  });

  it('accepts a replacement table in YAML', () => {
    const dir = mkdtempSync(join(tmpdir(), 'svmc-fee-'));
    const path = join(dir, 'fees.yaml');
    const row = '{ "1": 10001, "2": 20000, "3": 30000, renewal: 25000 }';
    writeFileSync(
      path,
      `currency: GBP\nexclusiveOfVat: true\nfeesPence:\n  small: ${row}\n  medium: ${row}\n  large: ${row}\n  very-large: ${row}\n`,
    );
    const quote = computeFee({ size: 'large', level: 1 }, { table: readFeeTable(path) });
    expect([quote.netPence, quote.vatPence, quote.grossPence]).toEqual([10001, 2000, 12001]);
  });
});

describe('computeFee', () => {
  it('prices every size and level, renewal included, with 20% VAT by default', () => {
    for (const size of SIZES) {
      for (const level of LEVELS) {
        const pence = GUIDANCE_POUNDS[size] * 100;
        expect(computeFee({ size, level })).toEqual({
          currency: 'GBP',
          size,
          level,
          renewal: false,
          netPence: pence,
          discountPence: 0,
          vatRate: 0.2,
          vatPence: pence / 5,
          grossPence: (pence * 6) / 5,
        });
      }
      expect(computeFee({ size, level: 3, renewal: true }).netPence).toBe(GUIDANCE_POUNDS[size] * 100);
    }
  });

  it('refuses a renewal of any level but 3', () => {
    expect(() => computeFee({ size: 'small', level: 2, renewal: true })).toThrow(UsageError);
  });

  it('rounds VAT half-up to the penny, exactly', () => {
    // £333.33 × 17.5% = £58.33275 → £58.33; £0.10 × 5% = 0.5p → 1p; £0.30 × 15% = 4.5p → 5p
    expect(computeFee({ size: 'small', level: 1 }, { vatRate: 0.175, discount: parseDiscount('166.67') }).vatPence).toBe(5833);
    const table = builtInFeeTable();
    const tiny = { ...table, feesPence: { ...table.feesPence, small: { '1': 10, '2': 30, '3': 0, renewal: 1 } } };
    expect(computeFee({ size: 'small', level: 1 }, { table: tiny, vatRate: 0.05 }).vatPence).toBe(1);
    expect(computeFee({ size: 'small', level: 2 }, { table: tiny, vatRate: 0.15 }).vatPence).toBe(5);
    expect(computeFee({ size: 'small', level: 3 }, { table: tiny }).grossPence).toBe(0);
  });

  it('takes a percentage or an amount off before VAT, never more than the fee', () => {
    const percent = computeFee({ size: 'small', level: 1 }, { discount: parseDiscount('10%') });
    expect([percent.discountPence, percent.netPence, percent.vatPence, percent.grossPence]).toEqual([5000, 45000, 9000, 54000]);
    const third = computeFee({ size: 'medium', level: 1 }, { discount: parseDiscount('33.333%') });
    expect(third.discountPence).toBe(25000); // 24999.75 rounds half-up
    const amount = computeFee({ size: 'large', level: 2 }, { discount: parseDiscount('£50.50') });
    expect([amount.discountPence, amount.netPence]).toEqual([5050, 94950]);
    expect(computeFee({ size: 'small', level: 1 }, { discount: parseDiscount('500') }).grossPence).toBe(0);
    expect(computeFee({ size: 'small', level: 1 }, { discount: parseDiscount('100%') }).grossPence).toBe(0);
    expect(() => computeFee({ size: 'small', level: 1 }, { discount: parseDiscount('500.01') })).toThrow(UsageError);
  });

  it('zero VAT is allowed', () => {
    expect(computeFee({ size: 'small', level: 1 }, { vatRate: 0 }).grossPence).toBe(50000);
  });
});

describe('parsers', () => {
  it('reads VAT rates as fractions or percentages within 0..1', () => {
    expect(parseVatRate('0.2')).toBe(0.2);
    expect(parseVatRate('20%')).toBe(0.2);
    expect(parseVatRate('17.5%')).toBe(0.175);
    expect(parseVatRate('0')).toBe(0);
    expect(parseVatRate('1')).toBe(1);
    for (const bad of ['-0.2', '-5%', '1.01', '20', '101%', 'abc', '', '0.2.1', '1e-1']) {
      expect(() => parseVatRate(bad), bad).toThrow(UsageError);
    }
  });

  it('reads discounts as percentages or amounts in pounds', () => {
    expect(parseDiscount('10%')).toMatchObject({ kind: 'percent' });
    expect(parseDiscount('50')).toMatchObject({ kind: 'amount', pence: 5000 });
    expect(parseDiscount('50.00')).toMatchObject({ kind: 'amount', pence: 5000 });
    expect(parseDiscount('50.5')).toMatchObject({ kind: 'amount', pence: 5050 });
    expect(parseDiscount('£1,000')).toMatchObject({ kind: 'amount', pence: 100000 });
    for (const bad of ['-10', '-5%', '101%', '10.001', 'ten', '', '1,00']) {
      expect(() => parseDiscount(bad), bad).toThrow(UsageError);
    }
  });

  it('reads levels and sizes, listing the allowed values otherwise', () => {
    expect(parseLevel('2')).toBe(2);
    expect(() => parseLevel('4')).toThrow(/1, 2, 3/);
    expect(() => parseLevel('0x1')).toThrow(UsageError);
    expect(parseSize('very-large')).toBe('very-large');
    expect(() => parseSize('huge')).toThrow(/small, medium, large, very-large/);
  });
});

describe('formatting', () => {
  it('writes pounds with thousands separators and two decimals', () => {
    expect(formatPounds(0)).toBe('£0.00');
    expect(formatPounds(5)).toBe('£0.05');
    expect(formatPounds(125000)).toBe('£1,250.00');
    expect(formatPounds(123456789)).toBe('£1,234,567.89');
    expect(formatPercent(0.2)).toBe('20%');
    expect(formatPercent(0.175)).toBe('17.5%');
  });

  it('says the fee in one line', () => {
    expect(renderFeeText(computeFee({ size: 'very-large', level: 3 }))).toBe(
      'Level 3, very large member: £1,250.00 net + £250.00 VAT (20%) = £1,500.00\n',
    );
  });
});

describe('feeJourney', () => {
  it('goes through levels 1 to 3, then renews level 3 every two years, with totals', () => {
    const journey = feeJourney('medium');
    expect(journey.steps.map((s) => [s.level, s.renewal, s.yearsAfterLevel3])).toEqual([
      [1, false, undefined],
      [2, false, undefined],
      [3, false, undefined],
      [3, true, 2],
      [3, true, 4],
    ]);
    expect(journey.totalNetPence).toBe(5 * 75000);
    expect(journey.totalVatPence).toBe(5 * 15000);
    expect(journey.totalGrossPence).toBe(5 * 90000);
    expect(feeJourney('small', { renewals: 0 }).steps).toHaveLength(3);
  });

  it('applies the discount to each step', () => {
    const journey = feeJourney('small', { discount: parseDiscount('10%'), renewals: 1 });
    expect(journey.totalDiscountPence).toBe(4 * 5000);
    expect(journey.totalGrossPence).toBe(4 * 54000);
    expect(journey.totalNetPence + journey.totalVatPence).toBe(journey.totalGrossPence);
  });
});

describe('quoteFee', () => {
  const application: ApplicationData = {
    svmc: 1,
    applicant: { organisation: 'Riverside', scope: 'organisation', membership: { size: 'large' } },
    application: { level: 3, renewal: true, previousAwards: [{ level: 3, awarded: '2025-01-01' }] },
  };

  it("prices an application from its svmc.yaml data", () => {
    expect(quoteFee(application, { vatRate: 0 })).toMatchObject({ size: 'large', level: 3, renewal: true, grossPence: 100000 });
  });

  it('needs the membership size', () => {
    const { membership: _, ...applicant } = application.applicant;
    expect(() => quoteFee({ ...application, applicant })).toThrow(UsageError);
  });
});
