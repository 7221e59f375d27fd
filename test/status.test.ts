import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFolder } from '../src/core/check/check-application.js';
import { nextSteps } from '../src/core/check/next-steps.js';
import { statusOf } from '../src/core/check/status.js';
import { finding, type Finding } from '../src/core/findings.js';
import { svmc, tempDir } from './helpers/cli.js';

describe('status', () => {
  it('counts met criteria per stage and overall, and lists what to do first', async () => {
    const status = statusOf(await checkFolder('test/fixtures/check-missing-criterion', { skipSignoffs: true }));
    expect(status.stages.map((s) => [s.stage, s.met, s.required, s.percent])).toEqual([
      ['creating-capacity', 2, 3, 66],
      ['plan', 3, 3, 100],
      ['do', 2, 2, 100],
      ['assess', 0, 3, 0],
      ['revise', 1, 2, 50],
    ]);
    expect(status.overall).toEqual({ required: 13, met: 8, percent: 61 });
    expect(status.next.map((step) => [step.code, step.count])).toEqual([
      ['CRITERION_MISSING_EVIDENCE', 5],
      ['EVIDENCE_UNMAPPED', 5],
      ['STATEMENT_MISSING', 8],
    ]);
    expect(status.next[0]?.criteria).toEqual(['L1.CC.3', 'L1.AS.1', 'L1.AS.2', 'L1.AS.3', 'L1.RV.2']);
  });

  it('puts errors before warnings', async () => {
    const status = statusOf(await checkFolder('test/fixtures/check-wrong-stage', { skipSignoffs: true }));
    expect(status.next.map((step) => [step.severity, step.code])).toEqual([
      ['error', 'UNKNOWN_CRITERION'],
      ['error', 'CRITERION_MISSING_EVIDENCE'],
      ['warning', 'EVIDENCE_UNMAPPED'],
      ['warning', 'STATEMENT_MISSING'],
    ]);
  });
});

describe('next steps', () => {
  const at = (line: number) => ({ location: { file: 'svmc.yaml', line } });
  const findings: Finding[] = [
    finding('SIGNOFF_MISSING', 'lead has not signed', at(4)),
    finding('EVIDENCE_UNMAPPED', 'evidence/x.md is not mapped', { location: { file: 'evidence/x.md' } }),
    finding('CRITERION_MISSING_EVIDENCE', 'L1.PL.1 has no evidence', { criterion: 'L1.PL.1', ...at(20) }),
    finding('CRITERION_MISSING_EVIDENCE', 'L1.CC.1 has no evidence', { criterion: 'L1.CC.1', ...at(10) }),
    finding('PRIOR_AWARD_MISSING', 'cite the award', at(8)),
    finding('REPRESENTATIVE_MISSING', 'no lead', at(5)),
    finding('REPRESENTATIVE_MISSING', 'no senior', at(5)),
    finding('PREREQUISITE_MISSING', 'record the call', at(7)),
    finding('SCHEMA_VIOLATION', 'unknown key', at(2)),
    finding('SIGNOFF_MISSING', 'senior has not signed', { severity: 'info' }),
  ];

  it('names each distinct action once, most basic first, then the warnings', () => {
    expect(nextSteps(findings, ['L1.CC.1', 'L1.PL.1']).map((step) => [step.code, step.count, step.location?.line])).toEqual([
      ['SCHEMA_VIOLATION', 1, 2],
      ['PREREQUISITE_MISSING', 1, 7],
      ['REPRESENTATIVE_MISSING', 1, 5],
      ['REPRESENTATIVE_MISSING', 1, 5],
      ['PRIOR_AWARD_MISSING', 1, 8],
      ['CRITERION_MISSING_EVIDENCE', 2, 20],
      ['SIGNOFF_MISSING', 1, 4],
      ['EVIDENCE_UNMAPPED', 1, undefined],
    ]);
  });

  it("keeps a lone finding's message and names the criteria of a group in catalogue order", () => {
    const steps = nextSteps(findings, ['L1.CC.1', 'L1.PL.1']);
    expect(steps.find((step) => step.code === 'PRIOR_AWARD_MISSING')?.message).toBe('cite the award');
    const missing = steps.find((step) => step.code === 'CRITERION_MISSING_EVIDENCE');
    expect(missing?.criteria).toEqual(['L1.CC.1', 'L1.PL.1']);
    expect(missing?.message).toContain('L1.CC.1, L1.PL.1');
    expect(nextSteps([])).toEqual([]);
  });
});

describe('svmc status on a fresh application', () => {
  it('lists every error code of check under Next, each distinct action once', () => {
    const cwd = tempDir();
    const made = svmc(['init', 'app', '--yes', '--org', 'X', '--level', '2', '--size', 'small'], { cwd });
    expect(made.code, made.stderr).toBe(0);
    const dir = join(cwd, 'app');
    const report = JSON.parse(svmc(['check', dir, '--format', 'json']).stdout) as { applications: { findings: { code: string }[] }[] };
    const codes = [...new Set(report.applications[0]?.findings.map((f) => f.code))];
    const kinds = ['PREREQUISITE_MISSING', 'REPRESENTATIVE_MISSING', 'PRIOR_AWARD_MISSING', 'CRITERION_MISSING_EVIDENCE', 'SIGNOFF_MISSING'];
    expect(codes).toEqual(expect.arrayContaining(kinds));

    const json = JSON.parse(svmc(['status', dir, '--format', 'json']).stdout) as { next: { code: string; count: number }[] };
    expect([...new Set(json.next.map((step) => step.code))].sort()).toEqual([...codes].sort());
    const messages = json.next.map((step) => (step as { message?: string }).message);
    expect(new Set(messages).size).toBe(messages.length);
    expect(json.next.find((step) => step.code === 'CRITERION_MISSING_EVIDENCE')).toMatchObject({
      count: 14,
      criteria: expect.arrayContaining(['L2.CC.1', 'L2.RV.2']),
    });

    const text = svmc(['status', dir]);
    expect(text.code).toBe(0);
    const bullets = (text.stdout.split('\nNext:\n')[1] ?? '').split('\n').filter((line) => line.startsWith('  • '));
    expect(bullets).toHaveLength(json.next.length);
    expect(new Set(bullets).size).toBe(bullets.length);
    expect(bullets.filter((line) => /has no evidence|criteria that have none/.test(line))).toHaveLength(1);
    expect(text.stdout).toMatch(/Map evidence to the 14 criteria that have none: L2\.CC\.1, /);
  });
});

describe('status of an unreadable svmc.yaml', () => {
  it('claims no progress and points at the error', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'svmc.yaml'), 'svmc: 1\napplicant: [\n');
    const result = svmc(['status', dir]);
    expect(result.stdout).not.toContain('100%');
    expect(result.stdout).toMatch(/svmc\.yaml:3/);
  });
});
