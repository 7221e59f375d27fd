import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapEvidence } from '../src/core/application/map-evidence.js';
import { checkFolder } from '../src/core/check/check-application.js';
import { UsageError } from '../src/core/errors.js';
import { copyOf } from './helpers/cli.js';

const yamlOf = (dir: string): string => readFileSync(join(dir, 'svmc.yaml'), 'utf8');

describe('map', () => {
  it('adds items under the criterion, keeping comments and order, and skips files already mapped', async () => {
    const dir = copyOf('test/fixtures/check-missing-criterion');
    const before = yamlOf(dir);
    writeFileSync(join(dir, 'svmc.yaml'), before.replace('svmc: 1\n', 'svmc: 1 # format\n'));
    const result = await mapEvidence({ dir, criterion: 'l1.as.2', files: ['./evidence/assess/l1-as-2.md'], summary: 'Materiality: a test', date: '2026-03-04', area: 'Youth' });
    expect(result).toEqual({ criterion: 'L1.AS.2', stage: 'assess', added: ['evidence/assess/l1-as-2.md'], skipped: [], statement: false, reprinted: false });
    const after = yamlOf(dir);
    expect(after).toContain('svmc: 1 # format\n');
    expect(after.startsWith('# yaml-language-server')).toBe(true);
    expect(after).toContain('  assess:\n    L1.AS.2:\n      - file: evidence/assess/l1-as-2.md\n        summary: "Materiality: a test"\n        date: 2026-03-04\n        area: Youth\n  revise:');
    const again = await mapEvidence({ dir, criterion: 'L1.AS.2', files: ['evidence/assess/l1-as-2.md'] });
    expect(again.skipped).toEqual(['evidence/assess/l1-as-2.md']);
    expect(yamlOf(dir)).toBe(after);
  });

  it('fills the evidence an empty list left, and the checked result improves', async () => {
    const dir = copyOf('test/fixtures/check-missing-criterion');
    await mapEvidence({ dir, criterion: 'L1.CC.3', files: ['evidence/creating-capacity/l1-cc-3.md'] });
    await mapEvidence({ dir, criterion: 'L1.RV.2', files: ['evidence/revise/l1-rv-2.md'] });
    const result = await checkFolder(dir, { skipSignoffs: true });
    const missing = result.findings.filter((f) => f.code === 'CRITERION_MISSING_EVIDENCE').map((f) => f.criterion);
    expect(missing).toEqual(['L1.AS.1', 'L1.AS.2', 'L1.AS.3']);
  });

  it.each([
    ['an unknown criterion', { criterion: 'L1.PL.9', files: ['evidence/plan/l1-pl-1.md'] }],
    ['a criterion of another level', { criterion: 'L2.PL.1', files: ['evidence/plan/l1-pl-1.md'] }],
    ['a missing file', { criterion: 'L1.PL.1', files: ['evidence/plan/nowhere.md'] }],
    ['a path climbing out', { criterion: 'L1.PL.1', files: ['../check-valid-level-1/svmc.yaml'] }],
    ['an absolute path', { criterion: 'L1.PL.1', files: ['/etc/hostname'] }],
    ['a Windows path climbing out', { criterion: 'L1.PL.1', files: ['evidence\\..\\..\\check-valid-level-1\\svmc.yaml'] }],
    ['a folder', { criterion: 'L1.PL.1', files: ['evidence/plan'] }],
    ['a bad date', { criterion: 'L1.PL.1', files: ['evidence/plan/l1-pl-1.md'], date: '2026-02-30' }],
  ])('refuses %s and writes nothing', async (_, options) => {
    const dir = copyOf('test/fixtures/check-valid-level-1');
    const before = yamlOf(dir);
    await expect(mapEvidence({ dir, ...options })).rejects.toBeInstanceOf(UsageError);
    expect(yamlOf(dir)).toBe(before);
  });

  it('suggests the nearest criterion', async () => {
    const dir = copyOf('test/fixtures/check-valid-level-1');
    await expect(mapEvidence({ dir, criterion: 'L1.PL.4', files: ['evidence/plan/l1-pl-1.md'] })).rejects.toThrow(/Did you mean L1\.PL\.\d/);
  });

  it('turns an empty flow map into a block map', async () => {
    const dir = copyOf('test/fixtures/check-valid-level-1');
    writeFileSync(join(dir, 'svmc.yaml'), yamlOf(dir).replace(/evidence:\n[\s\S]*$/, 'evidence: {}\n# end\n'));
    await mapEvidence({ dir, criterion: 'L1.DO.1', files: ['evidence/do/l1-do-1.md'] });
    await mapEvidence({ dir, criterion: 'L1.CC.1', files: ['evidence/creating-capacity/l1-cc-1.md'] });
    expect(yamlOf(dir)).toMatch(/evidence:\n {2}creating-capacity:\n {4}L1\.CC\.1:\n {6}- file: evidence\/creating-capacity\/l1-cc-1.md\n {2}do:\n {4}L1\.DO\.1:\n/);
  });
});
