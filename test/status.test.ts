import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkApplication } from '../src/core/check/check-application.js';
import { statusOf } from '../src/core/check/status.js';
import { svmc, tempDir } from './helpers/cli.js';

describe('status', () => {
  it('counts met criteria per stage and overall, and lists what to do first', async () => {
    const status = statusOf(await checkApplication('test/fixtures/check-missing-criterion', { skipSignoffs: true }));
    expect(status.stages.map((s) => [s.stage, s.met, s.required, s.percent])).toEqual([
      ['creating-capacity', 2, 3, 66],
      ['plan', 3, 3, 100],
      ['do', 2, 2, 100],
      ['assess', 0, 3, 0],
      ['revise', 1, 2, 50],
    ]);
    expect(status.overall).toEqual({ required: 13, met: 8, percent: 61 });
    expect(status.next.map((f) => f.code)).toEqual(Array(5).fill('CRITERION_MISSING_EVIDENCE'));
  });

  it('puts errors before warnings', async () => {
    const status = statusOf(await checkApplication('test/fixtures/check-wrong-stage', { skipSignoffs: true }), 10);
    expect(status.next.map((f) => f.severity)).toEqual(['error', 'error', 'error', 'warning']);
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
