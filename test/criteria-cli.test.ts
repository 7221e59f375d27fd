import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../src/core/domain.js';
import { svmc, tempDir } from './helpers/cli.js';

interface Listing {
  catalogue: { id: string; version: string };
  criteria: { id: string; level: number; stage: string; title: string; description: string; evidence: string[]; basis: string[] }[];
}

describe('svmc criteria', () => {
  it('lists the level 2 criteria across all five stages as JSON', () => {
    const result = svmc(['criteria', '--level', '2', '--format', 'json']);
    expect(result.code).toBe(0);
    const listing = JSON.parse(result.stdout) as Listing;
    expect(listing.catalogue.id).toBeTruthy();
    expect(listing.catalogue.version).toBeTruthy();
    expect(new Set(listing.criteria.map((c) => c.stage))).toEqual(new Set(STAGES));
    for (const criterion of listing.criteria) {
      expect(criterion.level).toBe(2);
      expect(criterion.id).toMatch(/^L2\.(CC|PL|DO|AS|RV)\.\d+$/);
      expect(Object.keys(criterion)).toEqual(expect.arrayContaining(['id', 'level', 'stage', 'title', 'description', 'evidence', 'basis']));
      expect(criterion.title.length).toBeGreaterThan(0);
      expect(Array.isArray(criterion.evidence) && Array.isArray(criterion.basis)).toBe(true);
    }
  });

  it('filters by stage, by id or short code', () => {
    const byId = JSON.parse(svmc(['criteria', '--stage', 'revise', '--format', 'json']).stdout) as Listing;
    const byCode = JSON.parse(svmc(['criteria', '--stage', 'RV', '--format', 'json']).stdout) as Listing;
    expect(byId.criteria.length).toBeGreaterThan(0);
    expect(byId.criteria.every((c) => c.stage === 'revise')).toBe(true);
    expect(new Set(byId.criteria.map((c) => c.level))).toEqual(new Set([1, 2, 3]));
    expect(byCode).toEqual(byId);
  });

  it('prints readable text wrapped to 80 columns', () => {
    const result = svmc(['criteria', '--level', '3']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Level 3');
    expect(result.stdout).toMatch(/L3\.PL\.1/);
    const lines = result.stdout.split('\n');
    expect(Math.max(...lines.map((line) => [...line].length))).toBeLessThanOrEqual(80);
  });

  it.each([
    [['--level', '7'], /1, 2, 3/],
    [['--stage', 'act'], /creating-capacity, plan, do, assess, revise/],
    [['--catalogue', 'no-such-catalogue.json'], /no-such-catalogue/],
  ])('exits 2 on %j', (args, message) => {
    const result = svmc(['criteria', ...args], { cwd: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('exits 2 with the reason for a catalogue file that is not a catalogue', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cat.json'), JSON.stringify({ id: 'x', version: '1' }));
    const result = svmc(['criteria', '--catalogue', 'cat.json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/title|levels/);
  });
});
