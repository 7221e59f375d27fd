import { describe, expect, it } from 'vitest';
import { checkApplication } from '../src/core/check/check-application.js';
import { statusOf } from '../src/core/check/status.js';

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
