import type { ApplicationData } from '../application/types.js';
import { statusOf } from '../check/status.js';
import type { ApplicationResult } from '../check/types.js';
import type { Level, Role } from '../domain.js';
import type { ManifestDiff } from '../manifest/format.js';
import type { ManifestEntry } from '../manifest/build-manifest.js';
import type { SignoffVerdict } from './judge.js';

/** What this role's earlier sign-off says about the change since: none, the same, stale with a diff, or not one that verifies. */
type EarlierSignoff =
  | { state: 'none' }
  | { state: 'unknown' }
  | { state: 'valid'; signedAt?: Date }
  | { state: 'stale'; signedAt?: Date; diff?: ManifestDiff }
  | { state: 'invalid'; signedAt?: Date };

/** What a representative approves by signing: shown before the question, from the folder or a draft pack. */
export interface SigningReview {
  role: Role;
  name?: string;
  organisation: string;
  programme?: string;
  level: Level;
  renewal: boolean;
  /** Required criteria met, per stage of the cycle. */
  stages: { title: string; met: number; required: number }[];
  /** Every file the sign-off covers, with its size, in manifest order. */
  files: { path: string; size: number }[];
  /** A draft pack signed away from the folder. */
  pack?: { path: string; id?: string; date?: string };
  earlier: EarlierSignoff;
}

export interface ReviewInput {
  role: Role;
  data: ApplicationData;
  /** The check of the folder (or of the draft's content), without the sign-offs. */
  result: ApplicationResult;
  entries: readonly ManifestEntry[];
  /** The judge's verdict on this role's sign-off in the folder; absent for a draft pack, which carries none. */
  earlier?: SignoffVerdict;
  pack?: SigningReview['pack'];
}

export function reviewSigning({ role, data, result, entries, earlier, pack }: ReviewInput): SigningReview {
  const { applicant, application } = data;
  return {
    role,
    ...(data.representatives?.[role]?.name ? { name: data.representatives[role].name } : {}),
    organisation: applicant.organisation,
    ...(applicant.scope === 'programme' && applicant.programme ? { programme: applicant.programme } : {}),
    level: application.level,
    renewal: application.renewal === true,
    stages: statusOf(result).stages.map(({ title, met, required }) => ({ title, met, required })),
    files: entries.map(({ path, size }) => ({ path, size })),
    ...(pack ? { pack } : {}),
    earlier: earlierOf(earlier),
  };
}

function earlierOf(verdict: SignoffVerdict | undefined): EarlierSignoff {
  if (verdict === undefined) return { state: 'unknown' };
  const at = verdict.signedAt ? { signedAt: verdict.signedAt } : {};
  if (verdict.state === 'missing') return { state: 'none' };
  if (verdict.state === 'stale') return { state: 'stale', ...at, ...(verdict.diff ? { diff: verdict.diff } : {}) };
  return { state: verdict.state, ...at };
}
