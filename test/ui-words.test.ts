import { describe, expect, it } from 'vitest';
import { forThePage } from '../src/report/ui/words.js';

describe('findings as the page says them', () => {
  it('names the page where a message names a command to type', () => {
    expect(forThePage('The Social Value Lead has not signed: once the application is complete, run `svmc sign --as lead --key PATH` (PATH: the lead\'s private key; or put the key\'s text in SVMC_SIGNING_KEY)')).toBe(
      'The Social Value Lead has not signed: sign on the Sign-off page once the application is complete.',
    );
    expect(forThePage('L1.DO.1 (Plan) has no evidence: map a file to it with "svmc map L1.DO.1 FILE".')).toBe('L1.DO.1 (Plan) has no evidence: map a file to it.');
    expect(forThePage('Map evidence to the 3 criteria that have none: L1.A, L1.B, L1.C (svmc map CRITERION FILE).')).toBe('Map evidence to the 3 criteria that have none: L1.A, L1.B, L1.C.');
    expect(forThePage('The lead\'s sign-off is out of date: svmc.yaml changed. Sign again with `svmc sign --as lead --key lead.key`')).toBe("The lead's sign-off is out of date: svmc.yaml changed. Sign again on the Sign-off page.");
  });
});
