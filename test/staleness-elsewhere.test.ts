import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { svmc, tempDir } from './helpers/cli.js';
import { signedApplication } from './pack-fixtures.js';

const OUT_OF_DATE = /this change makes the Social Value Lead's sign-off of \S+ out of date[\s\S]*Social Value Senior Leader's sign-off/;

describe('every command that changes the signed data says which sign-offs it makes stale', () => {
  it('svmc statement', () => {
    const { dir } = signedApplication();
    const run = svmc(['statement', 'L1.PL.1', 'Our plan names who does what, and by when.', '--dir', dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(OUT_OF_DATE);
  });

  it('svmc evidence import', () => {
    const { dir } = signedApplication();
    const register = join(tempDir(), 'register.csv');
    expect(svmc(['evidence', 'export', dir, '--out', register]).code).toBe(0);
    const rows = parseCsv(readFileSync(register), { bom: true }) as string[][];
    rows[1]![3] = 'An edited summary';
    writeFileSync(register, `\uFEFF${stringify(rows, { record_delimiter: '\r\n' })}`);
    const run = svmc(['evidence', 'import', register, dir, '--yes']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(OUT_OF_DATE);
  });

  it('svmc assess, whose results are signed with the evidence', () => {
    const { dir } = signedApplication();
    const listed = JSON.parse(svmc(['assess', '--list', '--format', 'json']).stdout) as { questions: { id: string }[] };
    const answers = join(tempDir(), 'answers.yaml');
    writeFileSync(answers, `answers:\n${listed.questions.map((q) => `  ${q.id}: 3`).join('\n')}\n`);
    const run = svmc(['assess', dir, '--answers', answers]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(OUT_OF_DATE);
  });
});
