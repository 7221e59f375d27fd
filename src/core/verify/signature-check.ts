import type { ApplicationData } from '../application/types.js';
import { ROLES, ROLE_TITLES, type Role } from '../domain.js';
import { BAG_FILES } from '../bag/layout.js';
import { findingAt, type Finding, type FindingCode } from '../findings.js';
import { keyIdOf, parsePublicKey, type PublicKey } from '../signing/keys.js';
import { MinisignFormatError } from '../signing/minisign-format.js';
import { judgeSignoff, type SignoffVerdict } from '../signing/judge.js';
import { parseSignature } from '../signing/signature.js';
import type { SignatureVerdict } from './types.js';

export interface TrustedKey {
  /** The --trust file, as the user named it. */
  file: string;
  key: PublicKey;
}

/** A file of the bag as text, when it was read whole. */
type BagText = (path: string) => string | undefined;

/**
 * Both sign-offs over manifest-sha256.txt, as `minisign -V` would check them: with the pinned keys
 * when there are any (the pack's own keys then count for nothing), else with the pack's keys.
 */
export function checkSignatures(
  text: BagText,
  data: ApplicationData | undefined,
  trusted: TrustedKey[],
  draft: boolean,
  problems: Finding[],
): SignatureVerdict[] {
  const add = (code: FindingCode, file: string, problem: string): void => void problems.push(findingAt(code, file, problem));
  const manifest = text(BAG_FILES.manifest);
  const hasSignatures = ROLES.some((role) => text(`signatures/${role}.minisig`) !== undefined);
  if (draft && !hasSignatures) {
    add('PACK_DRAFT', BAG_FILES.info, 'the pack is a draft (SVMC-Draft: true): it carries no sign-offs and cannot be submitted');
    return [];
  }
  const registered = registeredKeys(data);
  const verdicts = ROLES.map((role) => checkRole(text, role, manifest, trusted, registered, add));
  for (const verdict of verdicts) {
    const person = data?.representatives?.[verdict.role];
    if (typeof person?.name === 'string') verdict.signer = person.name;
    if (typeof person?.role === 'string') verdict.jobTitle = person.role;
  }
  const [lead, senior] = verdicts;
  if (lead?.keyId !== undefined && lead.keyId === senior?.keyId) {
    add('SIGNOFF_INVALID', 'signatures/senior.minisig', 'made with the same key as the lead\'s: the two sign-offs must come from two people');
  }
  for (const { file, key } of trusted) {
    if (!verdicts.some((verdict) => verdict.keyId === keyIdOf(key))) add('TRUST_KEY_UNUSED', file, `trusted key ${keyIdOf(key)} made neither signature`);
  }
  return verdicts;
}

function checkRole(
  text: BagText,
  role: Role,
  manifest: string | undefined,
  trusted: TrustedKey[],
  registered: Partial<Record<Role, string>>,
  add: (code: FindingCode, file: string, problem: string) => void,
): SignatureVerdict {
  const sigFile = `signatures/${role}.minisig`;
  const pubFile = `signatures/${role}.pub`;
  const verdict: SignatureVerdict = { role, valid: false };
  const signature = text(sigFile);
  if (signature === undefined) {
    add('SIGNOFF_MISSING', sigFile, `missing: the ${ROLE_TITLES[role]} has not signed`);
    return verdict;
  }
  let keyText: string | undefined;
  try {
    const keyId = keyIdOf(parseSignature(signature).keyId);
    verdict.keyId = keyId;
    const pinned = trusted.find((candidate) => keyIdOf(candidate.key) === keyId);
    if (trusted.length > 0 && !pinned) {
      add('SIGNOFF_INVALID', sigFile, `made with key ${keyId}, which is not among the trusted keys`);
      return verdict;
    }
    keyText = pinned ? pinned.key.line : text(pubFile);
    if (keyText === undefined) {
      add('SIGNOFF_INVALID', pubFile, 'missing: no key to check the signature with');
      return verdict;
    }
    verdict.keySource = pinned?.file ?? pubFile;
    verdict.key = pinned ? 'pinned' : 'pack';
  } catch (error) {
    if (!(error instanceof MinisignFormatError)) throw error;
    add('SIGNOFF_INVALID', sigFile, error.message);
    return verdict;
  }
  if (manifest === undefined) return verdict;
  const judged = judgeSignoff({ role, signature, key: keyText, manifest: () => manifest });
  if (judged.trustedComment !== undefined) verdict.trustedComment = judged.trustedComment;
  if (judged.state === 'valid' && judged.signedAt) verdict.signedAt = judged.signedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (judged.state !== 'valid') {
    add('SIGNOFF_INVALID', judged.problem === 'bad-key' ? pubFile : sigFile, `${problemText(judged)} (over ${BAG_FILES.manifest}, with ${verdict.keySource})`);
    return verdict;
  }
  verdict.valid = true;
  const expected = registered[role];
  if (expected !== undefined && expected !== judged.expectedKeyId) {
    add('SIGNOFF_INVALID', sigFile, `made with key ${judged.expectedKeyId}, but data/svmc.yaml registers key ${expected} for the ${ROLE_TITLES[role]}`);
    verdict.valid = false;
  }
  return verdict;
}

function problemText(judged: SignoffVerdict): string {
  switch (judged.problem) {
    case 'bad-key':
      return `the public key is not usable: ${judged.detail ?? 'not a minisign key'}`;
    case 'malformed':
      return `not a minisign signature: ${judged.detail ?? 'malformed'}`;
    case 'wrong-key':
      return `it was made with key ${judged.keyId}, not with key ${judged.expectedKeyId}`;
    case 'wrong-role':
      return `its trusted comment says it is the ${judged.detail}'s sign-off, not the ${judged.role}'s`;
    case 'bad-trusted-comment':
      return 'the trusted comment was altered';
    default:
      return 'the signature does not match the signed data';
  }
}

/** Key ids registered in the packed svmc.yaml, which the payload manifest (and so the signatures) cover. */
function registeredKeys(data: ApplicationData | undefined): Partial<Record<Role, string>> {
  const keys: Partial<Record<Role, string>> = {};
  for (const role of ROLES) {
    const line = data?.representatives?.[role]?.publicKey;
    if (typeof line !== 'string') continue;
    try {
      keys[role] = keyIdOf(parsePublicKey(line));
    } catch (error) {
      // A key svmc.yaml cannot register is the applicant's mistake, which `svmc check` reports; the role stays unchecked.
      if (!(error instanceof MinisignFormatError)) throw error;
    }
  }
  return keys;
}
