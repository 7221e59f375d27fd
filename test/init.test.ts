import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { UsageError } from '../src/core/errors.js';
import { isIsoDate, parsePreviousAward, type InitAnswers } from '../src/core/init/answers.js';
import { planScaffold } from '../src/core/init/scaffold.js';
import { renderSvmcYaml } from '../src/core/init/svmc-yaml.js';
import { fillPlaceholders, templateSources } from '../src/core/init/templates.js';
import { shippedValidator } from '../src/core/schema/ajv.js';

const minimal: InitAnswers = { organisation: "Zoë's Café — Łódź", scope: 'organisation', level: 1, renewal: false, size: 'small', previousAwards: [] };
const full: InitAnswers = {
  organisation: 'Riverside: "Community" Trust #1',
  scope: 'programme',
  programme: 'Youth Futures',
  level: 3,
  renewal: true,
  size: 'very-large',
  network: 'Social Value UK',
  membershipNumber: '0042',
  lead: { name: 'Ana Lead', email: 'ana@example.org' },
  senior: { name: 'Ben Senior', email: 'ben@example.org' },
  previousAwards: [{ level: 3, awarded: '2025-06-01', reference: 'SVMC-L3-0042' }],
};

function validate(text: string): unknown {
  const data = parse(text, { uniqueKeys: true }) as unknown;
  const check = shippedValidator('application.schema.json');
  expect(check(data), JSON.stringify(check.errors)).toBe(true);
  return data;
}

describe('renderSvmcYaml', () => {
  it.each([
    ['minimal level 1', minimal],
    ['level 2 without awards or people', { ...minimal, level: 2 } as InitAnswers],
    ['level 3 with one representative', { ...minimal, level: 3, lead: { name: 'A', email: 'a@example.org' } } as InitAnswers],
    ['full renewal', full],
  ])('writes valid YAML that fits the application schema: %s', (_, answers) => {
    const text = renderSvmcYaml(answers, 'schemas/application.schema.json');
    expect(text.startsWith('# yaml-language-server: $schema=schemas/application.schema.json\n')).toBe(true);
    const data = validate(text) as Record<string, Record<string, unknown>>;
    expect(data.svmc).toBe(1);
    expect(data.evidence).toEqual({});
    expect(data.applicant?.organisation).toBe(answers.organisation);
  });

  it('keeps every answer, and comments on what is missing', () => {
    const data = parse(renderSvmcYaml(full, 'x')) as Record<string, Record<string, unknown>>;
    expect(data.applicant).toEqual({
      organisation: full.organisation,
      scope: 'programme',
      programme: 'Youth Futures',
      membership: { network: 'Social Value UK', number: '0042', size: 'very-large' },
    });
    expect(data.application).toEqual({ level: 3, renewal: true, previousAwards: full.previousAwards });
    const sparse = renderSvmcYaml({ ...minimal, level: 2 }, 'x');
    expect(sparse).toMatch(/# representatives:/);
    expect(sparse).toMatch(/# number:/);
    expect(sparse).toMatch(/# preparationCall:/);
    expect(sparse).toMatch(/# termsAndConditions:/);
    expect(sparse).toMatch(/level 1 award/);
  });
});

describe('answers', () => {
  it('parses LEVEL:DATE:REF, with the reference optional', () => {
    expect(parsePreviousAward('1:2025-06-01:SVMC-L1-0042')).toEqual({ level: 1, awarded: '2025-06-01', reference: 'SVMC-L1-0042' });
    expect(parsePreviousAward('2:2024-02-29')).toEqual({ level: 2, awarded: '2024-02-29' });
    expect(parsePreviousAward('1:2025-06-01:A:B')).toMatchObject({ reference: 'A:B' });
    for (const bad of ['', '1', '4:2025-06-01:X', 'one:2025-06-01', '1:2025-02-30:X', '1:01/06/2025:X']) {
      expect(() => parsePreviousAward(bad), bad).toThrow(UsageError);
    }
  });

  it('knows real dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
  });
});

describe('templates', () => {
  it('fills placeholders in text files and leaves binary files alone', () => {
    const values = { organisation: 'Acme', level: '2', year: '2026' };
    const filled = new TextDecoder().decode(fillPlaceholders(new TextEncoder().encode('# {{organisation}} L{{ level }} {{year}} {{other}}'), values));
    expect(filled).toBe('# Acme L2 2026 {{other}}');
    const binary = new Uint8Array([0, 123, 123, 121, 101, 97, 114, 125, 125]);
    expect(fillPlaceholders(binary, values)).toBe(binary);
  });

  it('copies the built-in drafts, or a house folder recursively', () => {
    const plan = planScaffold(minimal, { version: '0.0.0', now: new Date('2026-05-01T00:00:00Z') });
    const paths = plan.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(['svmc.yaml', '.gitignore', 'signoffs/.gitkeep', 'evidence/revise/.gitkeep']));
    expect(paths.filter((path) => path.startsWith('drafts/')).length).toBeGreaterThan(0);
    expect(paths).not.toContain('.github/workflows/svmc.yml');

    const house = mkdtempSync(join(tmpdir(), 'svmc-house-'));
    mkdirSync(join(house, 'policies/deep'), { recursive: true });
    writeFileSync(join(house, 'policies/deep/policy.md'), '{{organisation}} policy, {{year}}');
    const housePlan = planScaffold(minimal, { version: '0.0.0', templates: house, now: new Date('2026-05-01T00:00:00Z') });
    const policy = housePlan.find((file) => file.path === 'drafts/policies/deep/policy.md');
    expect(new TextDecoder().decode(policy?.content as Uint8Array)).toBe("Zoë's Café — Łódź policy, 2026");
    expect(housePlan.map((file) => file.path)).not.toContain('.github/workflows/svmc.yml');
    expect(() => templateSources(join(house, 'missing'))).toThrow(UsageError);
  });
});
