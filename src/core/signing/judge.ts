import type { Role } from '../domain.js';
import { diffManifests, type ManifestDiff } from '../manifest/format.js';
import { keyIdOf, parsePublicKey, type PublicKey } from './keys.js';
import { MinisignFormatError } from './minisign-format.js';
import { verifySignature } from './signature.js';
import { timestampOf } from './signing-time.js';

/**
 * A sign-off is missing (there is no signature), valid (it verifies the manifest with the key, as
 * the role it claims), stale (it verifies the copy of the manifest that was signed, but not the
 * current one: something changed after signing) or invalid (anything else).
 */
type SignoffState = 'missing' | 'stale' | 'invalid' | 'valid';

/** Why a sign-off is invalid. */
type SignoffProblem = 'unreadable' | 'no-key' | 'bad-key' | 'malformed' | 'wrong-key' | 'wrong-role' | 'bad-signature' | 'bad-trusted-comment';

export interface SignoffEvidence {
  role: Role;
  /** The .minisig text; undefined when there is none; an Error when it exists but cannot be read. */
  signature: string | undefined | Error;
  /** The public key line (or .pub file text) to verify with: registered, pinned or carried by a pack. */
  key: string | undefined;
  /** The manifest the sign-off must cover now; asked for only when there is a signature to check. */
  manifest: () => string;
  /** The copy of the manifest that was signed, when kept: it tells a stale sign-off from a bad one. */
  signedManifest?: string;
}

export interface SignoffVerdict {
  role: Role;
  state: SignoffState;
  problem?: SignoffProblem;
  /** The reader's or the verifier's words for the problem. */
  detail?: string;
  /** The key id of the signature, as minisign prints it. */
  keyId?: string;
  /** The key id of the key it was checked with. */
  expectedKeyId?: string;
  trustedComment?: string;
  /** `key:value` pairs of the trusted comment; trust them only when valid. */
  fields: Record<string, string>;
  /** From the trusted comment's `timestamp:` field. */
  signedAt?: Date;
  /** Stale: what changed since signing. */
  diff?: ManifestDiff;
  /** Valid: the signature and the key, as a pack carries them. */
  signature?: string;
  publicKey?: PublicKey;
}

/** The one judge of a sign-off: check, sign, pack and verify all ask it, so they cannot disagree. */
export function judgeSignoff(evidence: SignoffEvidence): SignoffVerdict {
  const { role, signature } = evidence;
  const base = { role, fields: {} };
  if (signature === undefined) return { ...base, state: 'missing' };
  if (signature instanceof Error) return { ...base, state: 'invalid', problem: 'unreadable', detail: 'detail' in signature ? String(signature.detail) : signature.message };
  if (evidence.key === undefined) return { ...base, state: 'invalid', problem: 'no-key' };
  let key: PublicKey;
  try {
    key = parsePublicKey(evidence.key);
  } catch (error) {
    if (!(error instanceof MinisignFormatError)) throw error;
    return { ...base, state: 'invalid', problem: 'bad-key', detail: error.message };
  }
  const manifest = evidence.manifest();
  const now = verifySignature(Buffer.from(manifest), signature, key);
  const seen = {
    ...base,
    expectedKeyId: keyIdOf(key),
    fields: now.fields,
    ...(now.keyId === undefined ? {} : { keyId: now.keyId }),
    ...(now.trustedComment === undefined ? {} : { trustedComment: now.trustedComment }),
    ...signedAt(now.fields),
  };
  if (now.reason === 'malformed') return { ...seen, state: 'invalid', problem: 'malformed', ...(now.problem ? { detail: now.problem } : {}) };
  if (now.reason === 'wrong-key') return { ...seen, state: 'invalid', problem: 'wrong-key' };
  if (now.valid) {
    const named = now.fields.role;
    if (named !== undefined && named !== role) return { ...seen, state: 'invalid', problem: 'wrong-role', detail: named };
    return { ...seen, state: 'valid', signature, publicKey: key };
  }
  const signed = evidence.signedManifest;
  if (signed !== undefined && verifySignature(Buffer.from(signed), signature, key).valid) {
    return { ...seen, state: 'stale', diff: diffManifests(signed, manifest) };
  }
  return { ...seen, state: 'invalid', problem: now.reason === 'bad-trusted-comment' ? 'bad-trusted-comment' : 'bad-signature' };
}

function signedAt(fields: Record<string, string>): { signedAt?: Date } {
  const time = timestampOf(fields);
  return time ? { signedAt: time } : {};
}
