import { afterEach, describe, expect, it } from 'vitest';
import { formatSigningTime } from '../src/core/signing/signing-time.js';
import type { SigningReview } from '../src/core/signing/review.js';
import { renderSigningReview, signingQuestion } from '../src/report/signing-review.js';
import { trustedCommentForPeople } from '../src/report/signoff-words.js';
import { svmc } from './helpers/cli.js';
import { signedPack } from './pack-fixtures.js';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

const ISO_WITH_ZONE = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)/;

describe('signing times for people', () => {
  it('are ISO 8601 to the second, with the zone they are shown in', () => {
    const moment = new Date(Date.UTC(2026, 2, 1, 14, 5, 9));
    process.env.TZ = 'UTC';
    expect(formatSigningTime(moment)).toBe('2026-03-01T14:05:09Z');
    process.env.TZ = 'Asia/Kolkata';
    expect(formatSigningTime(moment)).toBe('2026-03-01T19:35:09+05:30');
    process.env.TZ = 'America/New_York';
    expect(formatSigningTime(moment)).toBe('2026-03-01T09:05:09-05:00');
  });

  it('replace the timestamp field of a trusted comment, the rest kept as it is', () => {
    process.env.TZ = 'UTC';
    expect(trustedCommentForPeople('timestamp:1772373909\trole:lead\tname:Ana Lead')).toBe('signed 2026-03-01T14:05:09Z, role:lead, name:Ana Lead');
    expect(trustedCommentForPeople('timestamp:soon\trole:lead')).toBe('timestamp:soon, role:lead');
  });

  it('verify shows them, never the raw seconds', () => {
    const { zip } = signedPack();
    const result = svmc(['verify', zip]);
    expect(result.code, result.stdout).toBe(0);
    for (const title of ['Social Value Lead', 'Social Value Senior Leader']) {
      expect(result.stdout).toMatch(new RegExp(`${title} +valid: .+, key [0-9A-F]{16}, taken from the pack .+, signed ${ISO_WITH_ZONE.source}$`, 'm'));
    }
    expect(result.stdout).not.toMatch(/timestamp:/);
  });
});

function review(files: number, folders = 1): SigningReview {
  return {
    role: 'senior',
    name: 'Ben Okafor',
    organisation: 'Riverside Community Trust',
    level: 2,
    renewal: false,
    stages: [
      { title: 'Plan', met: 3, required: 4 },
      { title: 'Do', met: 2, required: 2 },
    ],
    files: Array.from({ length: files }, (_, i) => ({ path: `evidence/f${i % folders}/file-${i}.md`, size: 1500 })),
    earlier: { state: 'stale', signedAt: new Date(Date.UTC(2026, 2, 1, 14, 5, 9)), diff: { added: ['evidence/new.md'], removed: [], changed: ['svmc.yaml', 'evidence/a.md'] } },
  };
}

describe('the review before signing', () => {
  it('names what is approved, lists up to 50 files with sizes, and what changed since this role signed', () => {
    process.env.TZ = 'UTC';
    const lines = renderSigningReview(review(50));
    expect(lines.slice(0, 3)).toEqual([
      'Signing as the Social Value Senior Leader (Ben Okafor):',
      '  Riverside Community Trust · level 2 Implement',
      '  Criteria met: Plan 3/4 · Do 2/2',
    ]);
    expect(lines[3]).toBe('  50 files, 75.0 KB:');
    expect(lines.filter((line) => /^ {4}\s*1\.5 KB {2}evidence\/f0\/file-\d+\.md$/.test(line))).toHaveLength(50);
    expect(lines.at(-1)).toBe('  Since your sign-off of 2026-03-01T14:05:09Z: svmc.yaml changed; 1 file added: evidence/new.md; 1 file changed: evidence/a.md.');
    expect(signingQuestion(review(1))).toBe('Sign as Ben Okafor, Social Value Senior Leader?');
  });

  it('summarises beyond 50 files by folder', () => {
    const lines = renderSigningReview(review(51, 3));
    expect(lines[3]).toBe('  51 files, 76.5 KB:');
    expect(lines.slice(4, -1)).toEqual(['     25.5 KB  evidence/f0/ (17 files)', '     25.5 KB  evidence/f1/ (17 files)', '     25.5 KB  evidence/f2/ (17 files)']);
  });
});
