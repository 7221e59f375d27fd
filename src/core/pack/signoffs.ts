import { READ_LIMITS, readRegularFile } from '../fs/read-file.js';
import type { ApplicationData } from '../application/types.js';
import { ROLES } from '../domain.js';
import { finding, type Finding } from '../findings.js';
import { formatPublicKey, parsePublicKey } from '../signing/keys.js';
import { MinisignFormatError } from '../signing/minisign-format.js';
import { verifySignature } from '../signing/signature.js';
import { inFolder, signaturePath } from '../signing/signoff-files.js';
import type { SignoffSummary } from '../pdf/types.js';

export interface PackSignoffs {
  summaries: SignoffSummary[];
  /** `signatures/<role>.minisig` and `.pub`, relative to the bag. */
  files: { name: string; bytes: Buffer }[];
  /** Why the sign-offs cannot go into a pack; empty when they can. */
  findings: Finding[];
}

/**
 * The sign-offs a pack carries, each verified here against the exact manifest bytes the pack
 * will hold, so a pack never ships a signature that stock minisign would reject.
 * A draft carries none.
 */
export async function collectSignoffs(
  dir: string,
  data: ApplicationData,
  manifestText: string,
  draft: boolean,
): Promise<PackSignoffs> {
  const result: PackSignoffs = { summaries: [], files: [], findings: [] };
  for (const role of ROLES) {
    const person = data.representatives?.[role];
    const summary: SignoffSummary = { role, name: person?.name ?? '', jobTitle: person?.role, status: 'draft' };
    result.summaries.push(summary);
    if (draft) continue;
    const file = signaturePath(role);
    const bytes = await readRegularFile(inFolder(dir, file), READ_LIMITS.key).catch(() => undefined);
    if (bytes === undefined || person?.publicKey === undefined) {
      summary.status = 'missing';
      result.findings.push(finding('SIGNOFF_MISSING', `${file} or the ${role}'s public key is missing`, { location: { file } }));
      continue;
    }
    try {
      const key = parsePublicKey(person.publicKey);
      const verdict = verifySignature(Buffer.from(manifestText), bytes.toString('utf8'), key);
      summary.keyId = verdict.keyId;
      const seconds = Number(verdict.fields.timestamp);
      if (Number.isFinite(seconds) && seconds > 0) summary.signedAt = new Date(seconds * 1000).toISOString();
      if (!verdict.valid) {
        summary.status = verdict.reason === 'bad-signature' ? 'stale' : 'invalid';
        const code = summary.status === 'stale' ? 'SIGNOFF_STALE' : 'SIGNOFF_INVALID';
        result.findings.push(finding(code, `${file}: ${verdict.problem ?? 'does not verify'}`, { location: { file } }));
        continue;
      }
      summary.status = 'verified';
      result.files.push(
        { name: `signatures/${role}.minisig`, bytes },
        { name: `signatures/${role}.pub`, bytes: Buffer.from(formatPublicKey(key)) },
      );
    } catch (error) {
      if (!(error instanceof MinisignFormatError)) throw error;
      summary.status = 'invalid';
      result.findings.push(finding('SIGNOFF_INVALID', `${file}: ${error.message}`, { location: { file } }));
    }
  }
  return result;
}
