import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPreparing } from '../src/core/check/preparation.js';
import { finding } from '../src/core/findings.js';
import { copyOf, svmc } from './helpers/cli.js';
import { application, criteriaFor } from './report-fixture.js';

interface Report {
  mode?: string;
  applications: { summary: { errors: number }; findings: { code: string; severity: string }[] }[];
}

describe('check --preparing', () => {
  it('makes a sign-off missing or stale a note, and leaves an invalid one and every other finding as it was', () => {
    const app = application(
      'x',
      1,
      [
        finding('SIGNOFF_MISSING', 'lead has not signed'),
        finding('SIGNOFF_STALE', 'senior signed before the last edit'),
        finding('SIGNOFF_INVALID', 'the signature verifies with no registered key'),
        finding('EVIDENCE_FILE_MISSING', 'a.pdf does not exist'),
        finding('EVIDENCE_UNMAPPED', 'b.pdf is mapped to nothing'),
      ],
      criteriaFor(1),
    );
    const [prepared] = applyPreparing({ applications: [app] }).applications;
    expect(prepared?.findings.map((f) => [f.code, f.severity])).toEqual([
      ['SIGNOFF_MISSING', 'info'],
      ['SIGNOFF_STALE', 'info'],
      ['SIGNOFF_INVALID', 'error'],
      ['EVIDENCE_FILE_MISSING', 'error'],
      ['EVIDENCE_UNMAPPED', 'warning'],
    ]);
    expect(prepared?.summary).toEqual({ ...app.summary, errors: 2, warnings: 1 });
  });

  it('passes a folder whose only errors are the sign-offs still to come, and the JSON report says which mode ran', () => {
    const dir = copyOf('examples/level-2');
    const preparing = svmc(['check', dir, '--preparing', '--format', 'json']);
    expect(preparing.code).toBe(0);
    const report = JSON.parse(preparing.stdout) as Report;
    expect(report.mode).toBe('preparation');
    expect(report.applications[0]?.findings.map((f) => [f.code, f.severity])).toEqual([
      ['SIGNOFF_MISSING', 'info'],
      ['SIGNOFF_MISSING', 'info'],
    ]);
    const strict = svmc(['check', dir, '--format', 'json']);
    expect(strict.code).toBe(1);
    expect((JSON.parse(strict.stdout) as Report).mode).toBe('submission');
    expect(svmc(['check', dir, '--preparing']).stdout).not.toMatch(/\berror\b/);
  });

  it('still fails on every other error', () => {
    const dir = copyOf('examples/level-1');
    const line = readFileSync(join(dir, 'svmc.yaml'), 'utf8').split('\n').find((l) => l.includes('file: evidence/') && !l.includes('terms'));
    rmSync(join(dir, line!.split('file: ')[1]!.trim()));
    const run = svmc(['check', dir, '--preparing', '--format', 'json']);
    expect(run.code).toBe(1);
    const codes = (JSON.parse(run.stdout) as Report).applications[0]?.findings.filter((f) => f.severity === 'error').map((f) => f.code);
    expect(new Set(codes)).toEqual(new Set(['EVIDENCE_FILE_MISSING']));
  });
});
