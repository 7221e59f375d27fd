import { LEVEL_NAMES, ROLE_TITLES } from '../core/domain.js';
import type { SigningReview } from '../core/signing/review.js';
import { formatSigningTime } from '../core/signing/signing-time.js';
import { plain, type Paint } from './paint.js';
import { plural } from './words.js';

/** Past this many files the list is summarised by folder. */
const LISTED_FILES = 50;

/** `512 B`, `12.3 KB`, `4.0 MB`, `1.1 GB` (powers of 1000, as file managers show them). */
function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** The question asked at a terminal once the review is shown. */
export function signingQuestion(review: SigningReview): string {
  return `Sign as ${review.name ?? 'the representative'}, ${ROLE_TITLES[review.role]}?`;
}

/** What is being approved: the application, criteria met per stage, the files and what changed since the last sign-off. */
export function renderSigningReview(review: SigningReview, paint: Paint = plain): string[] {
  const who = `the ${ROLE_TITLES[review.role]}${review.name ? ` (${review.name})` : ''}`;
  const scope = review.programme ? `${review.organisation}, programme ${review.programme}` : review.organisation;
  const level = `level ${review.level} ${LEVEL_NAMES[review.level]}${review.renewal ? ' (renewal)' : ''}`;
  const lines = [paint('bold', `Signing as ${who}:`), `  ${scope} · ${level}`];
  if (review.pack) {
    const id = review.pack.id ? ` ${review.pack.id}` : '';
    const date = review.pack.date ? ` of ${review.pack.date}` : '';
    lines.push(`  Draft pack${id}${date} (${review.pack.path}): its integrity verified`);
  }
  lines.push(`  Criteria met: ${review.stages.map((s) => `${s.title} ${s.met}/${s.required}`).join(' · ')}`);
  const total = review.files.reduce((sum, file) => sum + file.size, 0);
  lines.push(`  ${plural(review.files.length, 'file')}, ${formatBytes(total)}:`);
  lines.push(...fileLines(review.files));
  lines.push(`  ${earlierLine(review)}`);
  return lines;
}

function fileLines(files: SigningReview['files']): string[] {
  const row = (size: number, text: string): string => `    ${formatBytes(size).padStart(8)}  ${text}`;
  if (files.length <= LISTED_FILES) return files.map((file) => row(file.size, file.path));
  // Many files: one line per folder, then per top folder if even those are too many.
  const byFolder = (depth: number): Map<string, { count: number; size: number }> => {
    const groups = new Map<string, { count: number; size: number }>();
    for (const file of files) {
      const parts = file.path.split('/');
      const folder = parts.length > 1 ? `${parts.slice(0, Math.min(depth, parts.length - 1)).join('/')}/` : '(top)';
      const group = groups.get(folder) ?? { count: 0, size: 0 };
      group.count++;
      group.size += file.size;
      groups.set(folder, group);
    }
    return groups;
  };
  let groups = byFolder(Number.POSITIVE_INFINITY);
  if (groups.size > LISTED_FILES) groups = byFolder(1);
  return [...groups].map(([folder, group]) => row(group.size, `${folder} (${plural(group.count, 'file')})`));
}

function earlierLine({ earlier, role }: SigningReview): string {
  const at = 'signedAt' in earlier && earlier.signedAt ? ` of ${formatSigningTime(earlier.signedAt)}` : '';
  switch (earlier.state) {
    case 'none':
      return `First sign-off by the ${role}.`;
    case 'unknown':
      return 'A draft pack carries no sign-offs: what changed since an earlier sign-off cannot be told from it.';
    case 'valid':
      return `Nothing changed since your sign-off${at}, which this one replaces.`;
    case 'invalid':
      return `Your earlier sign-off${at} does not verify; this one replaces it.`;
    case 'stale': {
      const diff = earlier.diff;
      if (!diff) return `Changed since your sign-off${at}.`;
      const parts: string[] = [];
      if (diff.changed.includes('svmc.yaml')) parts.push('svmc.yaml changed');
      const changed = diff.changed.filter((path) => path !== 'svmc.yaml');
      const list = (paths: string[]): string => (paths.length > 10 ? `${paths.slice(0, 10).join(', ')} and ${paths.length - 10} more` : paths.join(', '));
      if (diff.added.length > 0) parts.push(`${plural(diff.added.length, 'file')} added: ${list(diff.added)}`);
      if (diff.removed.length > 0) parts.push(`${plural(diff.removed.length, 'file')} removed: ${list(diff.removed)}`);
      if (changed.length > 0) parts.push(`${plural(changed.length, 'file')} changed: ${list(changed)}`);
      return `Since your sign-off${at}: ${parts.join('; ')}.`;
    }
  }
}
