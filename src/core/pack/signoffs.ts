import type { ApplicationData } from '../application/types.js';
import { ROLES } from '../domain.js';
import type { SignoffSummary } from '../pdf/types.js';
import type { SignoffVerdict } from '../signing/judge.js';
import { formatPublicKey } from '../signing/keys.js';

export interface PackSignoffs {
  summaries: SignoffSummary[];
  /** `signatures/<role>.minisig` and `.pub`, relative to the bag. */
  files: { name: string; bytes: Buffer }[];
}

/**
 * The sign-offs a pack carries: those the check judged valid against the exact manifest the pack
 * will hold, so a pack never ships a signature stock minisign would reject. A draft carries none.
 */
export function packSignoffs(data: ApplicationData, verdicts: readonly SignoffVerdict[]): PackSignoffs {
  const result: PackSignoffs = { summaries: [], files: [] };
  for (const role of ROLES) {
    const person = data.representatives?.[role];
    const verdict = verdicts.find((v) => v.role === role);
    const status = verdict === undefined ? 'draft' : verdict.state === 'valid' ? 'verified' : verdict.state;
    const summary: SignoffSummary = { role, name: person?.name ?? '', jobTitle: person?.role, status };
    result.summaries.push(summary);
    if (verdict?.state !== 'valid' || verdict.signature === undefined || verdict.publicKey === undefined) continue;
    if (verdict.keyId !== undefined) summary.keyId = verdict.keyId;
    if (verdict.signedAt) summary.signedAt = verdict.signedAt.toISOString();
    result.files.push(
      { name: `signatures/${role}.minisig`, bytes: Buffer.from(verdict.signature) },
      { name: `signatures/${role}.pub`, bytes: Buffer.from(formatPublicKey(verdict.publicKey)) },
    );
  }
  return result;
}
