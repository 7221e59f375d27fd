import { lstat } from 'node:fs/promises';
import { openApplication } from '../application/open.js';
import { judgeSignoffs } from '../check/judge-signoffs.js';
import { ROLES, type Role } from '../domain.js';
import type { SignoffVerdict } from './judge.js';
import { inFolder, signaturePath } from './signoff-files.js';

/** A sign-off that held before a change and no longer does after it. */
export interface AffectedSignoff {
  role: Role;
  before: SignoffVerdict;
  /** Stale (with what changed) or invalid (made with a key just replaced). */
  after: SignoffVerdict;
  /** The public key registered for the role after the change. */
  registered?: string;
}

interface Judged {
  verdicts: SignoffVerdict[];
  keys: Partial<Record<Role, string>>;
}

/** The folder's sign-offs as the one judge sees them now; none when there is no signature or svmc.yaml cannot be judged. */
async function currentVerdicts(dir: string): Promise<Judged> {
  const none = { verdicts: [], keys: {} };
  const present = await Promise.all(ROLES.map((role) => lstat(inFolder(dir, signaturePath(role))).then(() => true, () => false)));
  if (!present.includes(true)) return none;
  const app = await openApplication(dir).catch(() => undefined);
  const document = await app?.document();
  if (!app || !document?.schemaValid) return none;
  const { verdicts } = await judgeSignoffs(app, document);
  // The hashes just made spare the judgement after the change from hashing again.
  await app.folder.saveFacts();
  const keys: Judged['keys'] = {};
  for (const role of ROLES) {
    const key = document.data?.representatives?.[role]?.publicKey;
    if (key !== undefined) keys[role] = key;
  }
  return { verdicts, keys };
}

/**
 * Runs `change` on the folder and says which sign-offs it makes stale (or invalid): those the
 * judge found valid before and does not after. Folders without sign-offs cost nothing extra.
 */
export async function watchSignoffs<T>(dir: string, change: () => Promise<T>): Promise<{ result: T; affected: AffectedSignoff[] }> {
  const valid = (await currentVerdicts(dir)).verdicts.filter((verdict) => verdict.state === 'valid');
  const result = await change();
  if (valid.length === 0) return { result, affected: [] };
  const after = await currentVerdicts(dir);
  const affected = valid.flatMap((before): AffectedSignoff[] => {
    const now = after.verdicts.find((verdict) => verdict.role === before.role);
    const registered = after.keys[before.role];
    return now && now.state !== 'valid' ? [{ role: before.role, before, after: now, ...(registered ? { registered } : {}) }] : [];
  });
  return { result, affected };
}
