import { describe, expect, it } from 'vitest';
import { checkFolder } from '../src/core/check/check-application.js';

const NOW = new Date('2026-04-01T00:00:00Z');

async function pairs(fixture: string, codes?: string[]): Promise<[string, number | undefined][]> {
  const result = await checkFolder(`test/fixtures/${fixture}`, { now: NOW, skipSignoffs: true });
  // These fixtures predate statements: STATEMENT_MISSING is checked on its own, below.
  return result.findings
    .filter((f) => (codes ? codes.includes(f.code) : f.code !== 'STATEMENT_MISSING'))
    .map((f) => [f.code, f.location?.line]);
}

describe('check findings, located in svmc.yaml', () => {
  it.each(['check-valid-level-1', 'check-valid-level-2', 'check-valid-level-3'])('%s has none', async (fixture) => {
    expect(await pairs(fixture)).toEqual([]);
  });

  it('lists every criterion of the level as met in a valid application', async () => {
    const result = await checkFolder('test/fixtures/check-valid-level-2', { now: NOW, skipSignoffs: true });
    expect(result.criteria.map((c) => c.criterion.id)).toHaveLength(14);
    expect(result.criteria.every((c) => c.met && c.evidenceCount === 1)).toBe(true);
    expect(result.summary).toEqual({ errors: 0, warnings: 14, criteria: { required: 14, met: 14 } });
  });

  it('warns of each required criterion with evidence but no statement, at its key', async () => {
    const found = await pairs('check-valid-level-2', ['STATEMENT_MISSING']);
    expect(found).toHaveLength(14);
    expect(found.every(([, line]) => typeof line === 'number')).toBe(true);
    expect(await pairs('check-valid-level-2')).toEqual([]);
  });

  it.each([
    ['check-typo-key', [['SCHEMA_VIOLATION', 3], ['SCHEMA_VIOLATION', 4]]],
    ['check-duplicate-key', [['YAML_SYNTAX', 6]]],
    ['check-bad-syntax', [['YAML_SYNTAX', 10]]],
    ['check-bad-types', [['SCHEMA_VIOLATION', 2], ['SCHEMA_VIOLATION', 9], ['SCHEMA_VIOLATION', 11], ['SCHEMA_VIOLATION', 12], ['SCHEMA_VIOLATION', 20]]],
    ['check-multiple-documents', [['YAML_SYNTAX', 66]]],
    ['check-programme-unnamed', [['SCHEMA_VIOLATION', 3]]],
    ['check-renewal-level-2', [['SCHEMA_VIOLATION', 11], ['PRIOR_AWARD_MISSING', 15]]],
    ['check-wrong-stage', [['CRITERION_MISSING_EVIDENCE', 32], ['UNKNOWN_CRITERION', 39], ['CRITERION_MISSING_EVIDENCE', 42], ['EVIDENCE_UNMAPPED', undefined]]],
    ['check-unknown-criterion', [['CRITERION_MISSING_EVIDENCE', 32], ['UNKNOWN_CRITERION', 36], ['CRITERION_MISSING_EVIDENCE', 59], ['UNKNOWN_CRITERION', 63]]],
    ['check-representatives-same', [['REPRESENTATIVE_MISSING', 20]]],
    ['check-representatives-absent', [['REPRESENTATIVE_MISSING', 2], ['REPRESENTATIVE_MISSING', 2]]],
    ['check-prior-award-missing', [['PRIOR_AWARD_MISSING', 10]]],
    ['check-prior-award-wrong-level', [['PRIOR_AWARD_MISSING', 14]]],
    ['check-prior-award-expired', [['PRIOR_AWARD_EXPIRED', 16]]],
    ['check-prior-award-no-level', [['SCHEMA_VIOLATION', 14]]],
    ['check-level-3-single', [['LEVEL3_SINGLE_AREA', 25], ['LEVEL3_SINGLE_OCCASION', 25]]],
    ['check-level-3-no-spread', [['LEVEL3_SINGLE_AREA', 25], ['LEVEL3_SINGLE_OCCASION', 25]]],
    ['check-prerequisites-missing', [['PREREQUISITE_MISSING', 6], ['PREREQUISITE_MISSING', 6], ['PREREQUISITE_MISSING', 8], ['PREREQUISITE_MISSING', 8]]],
    ['check-terms-missing', [['PREREQUISITE_MISSING', 13]]],
    ['check-custom-catalogue-broken', [['CATALOGUE_INVALID', 3]]],
  ] as const)('%s', async (fixture, expected) => {
    expect(await pairs(fixture)).toEqual(expected);
  });

  it('reports criteria without evidence, whole stages included', async () => {
    expect(await pairs('check-missing-criterion', ['CRITERION_MISSING_EVIDENCE'])).toEqual([
      ['CRITERION_MISSING_EVIDENCE', 21],
      ['CRITERION_MISSING_EVIDENCE', 21],
      ['CRITERION_MISSING_EVIDENCE', 21],
      ['CRITERION_MISSING_EVIDENCE', 29],
      ['CRITERION_MISSING_EVIDENCE', 47],
    ]);
  });

  it('checks evidence files and paths', async () => {
    expect(await pairs('check-evidence-files', ['EVIDENCE_FILE_MISSING', 'EVIDENCE_FILE_EMPTY', 'EVIDENCE_FILE_UNREADABLE', 'EVIDENCE_PATH_OUTSIDE'])).toEqual([
      ['EVIDENCE_FILE_MISSING', 34],
      ['EVIDENCE_FILE_EMPTY', 37],
      ['EVIDENCE_PATH_OUTSIDE', 40],
      ['EVIDENCE_PATH_OUTSIDE', 44],
      ['EVIDENCE_PATH_OUTSIDE', 47],
      ['EVIDENCE_PATH_OUTSIDE', 51],
      ['EVIDENCE_FILE_UNREADABLE', 54],
    ]);
    const result = await checkFolder('test/fixtures/check-evidence-files', { now: NOW, skipSignoffs: true });
    const unmapped = result.findings.filter((f) => f.code === 'EVIDENCE_UNMAPPED').map((f) => f.location?.file);
    expect(unmapped).toContain('evidence/unmapped-notes.md');
    expect(unmapped).not.toContain('evidence/.DS_Store');
    expect(unmapped).not.toContain('evidence/terms-signed.pdf');
    expect(result.findings.find((f) => f.code === 'EVIDENCE_FILE_MISSING')).toMatchObject({ criterion: 'L1.PL.1', location: { col: 15 } });
    expect(result.criteria.find((c) => c.criterion.id === 'L1.PL.1')?.met).toBe(false);
  });

  it('suggests the nearest key and criterion, and the right stage', async () => {
    const typo = await checkFolder('test/fixtures/check-typo-key', { skipSignoffs: true });
    expect(typo.findings[1]?.message).toContain('"organisation"');
    const unknown = await checkFolder('test/fixtures/check-unknown-criterion', { skipSignoffs: true });
    expect(unknown.findings.find((f) => f.criterion === 'L1.PL.22')?.message).toContain('"L1.PL.2"');
    const stage = await checkFolder('test/fixtures/check-wrong-stage', { skipSignoffs: true });
    expect(stage.findings.find((f) => f.code === 'UNKNOWN_CRITERION')?.message).toContain('evidence.do');
  });

  it('judges award expiry against the given clock', async () => {
    const early = await checkFolder('test/fixtures/check-prior-award-expired', { now: new Date('2025-05-01T00:00:00Z'), skipSignoffs: true });
    expect(early.findings.filter((f) => f.code !== 'STATEMENT_MISSING')).toEqual([]);
  });

  it('validates against a catalogue of the applicant\'s own', async () => {
    expect(await pairs('check-custom-catalogue', ['UNKNOWN_CRITERION', 'CRITERION_MISSING_EVIDENCE'])).toEqual([
      ['CRITERION_MISSING_EVIDENCE', 22],
      ['CRITERION_MISSING_EVIDENCE', 22],
      ['CRITERION_MISSING_EVIDENCE', 22],
      ['CRITERION_MISSING_EVIDENCE', 22],
      ['CRITERION_MISSING_EVIDENCE', 23],
      ['UNKNOWN_CRITERION', 24],
    ]);
  });
});
