import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { svmc, tempDir } from './helpers/cli.js';

const base = ['--yes', '--org', 'Acme Housing', '--level', '1', '--size', 'small'];

describe('svmc init: the preparation call and the signed Terms & Conditions', () => {
  it('writes the date and copies a T&C file from outside the folder into evidence/', () => {
    const root = tempDir();
    const terms = join(root, 'signed T&C.pdf');
    writeFileSync(terms, '%PDF-1.4 signed');
    const app = join(root, 'app');
    const result = svmc(['init', app, ...base, '--preparation-call', '2026-10-01', '--terms', terms]);
    expect(result.code, result.stderr).toBe(0);
    const yaml = readFileSync(join(app, 'svmc.yaml'), 'utf8');
    expect(yaml).toMatch(/^ {2}preparationCall: 2026-10-01 +#/m);
    expect(yaml).toMatch(/^ {2}termsAndConditions: evidence\/signed T&C\.pdf +#/m);
    expect(readFileSync(join(app, 'evidence', 'signed T&C.pdf'), 'utf8')).toBe('%PDF-1.4 signed');
    const check = svmc(['check', app, '--format', 'json']);
    const messages = (JSON.stringify(JSON.parse(check.stdout)).match(/PREREQUISITE_MISSING[^}]*/g) ?? []).join('\n');
    expect(messages).not.toContain('preparation call');
    expect(messages).not.toContain('Terms & Conditions');
    expect(messages).toContain('membership');
  });

  it('points at a T&C file already inside the folder without copying it', () => {
    const app = tempDir();
    mkdirSync(join(app, 'contracts'));
    writeFileSync(join(app, 'contracts', 'terms.pdf'), 'signed');
    const result = svmc(['init', app, ...base, '--force', '--terms', join(app, 'contracts', 'terms.pdf')]);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(app, 'svmc.yaml'), 'utf8')).toMatch(/termsAndConditions: contracts\/terms\.pdf/);
  });

  it('refuses a date that is not one and a T&C file that is not there, writing nothing', () => {
    const root = tempDir();
    const badDate = svmc(['init', join(root, 'a'), ...base, '--preparation-call', '2026-02-30']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--preparation-call "2026-02-30" is not a real date written YYYY-MM-DD');
    const missing = svmc(['init', join(root, 'b'), ...base, '--terms', join(root, 'nope.pdf')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('there is no such file');
    expect(() => readFileSync(join(root, 'a', 'svmc.yaml'))).toThrow();
    expect(() => readFileSync(join(root, 'b', 'svmc.yaml'))).toThrow();
  });
});
