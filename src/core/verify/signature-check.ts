import { parse } from 'yaml';
import { ROLES, ROLE_TITLES, type Role } from '../domain.js';
import { BAG_FILES } from '../bag/layout.js';
import { keyIdOf, parsePublicKey, type PublicKey } from '../signing/keys.js';
import { MinisignFormatError } from '../signing/minisign-format.js';
import { parseSignature, verifySignature } from '../signing/signature.js';
import type { BagFiles } from './bag-check.js';
import type { SignatureVerdict, VerifyProblem } from './types.js';

export interface TrustedKey {
  /** The --trust file, as the user named it. */
  file: string;
  key: PublicKey;
}

const textOf = (files: BagFiles, name: string): string | undefined => files.get(name)?.head.toString('utf8');

/**
 * Both sign-offs over manifest-sha256.txt, as `minisign -V` would check them: with the pinned keys
 * when there are any (the pack's own keys then count for nothing), else with the pack's keys.
 */
export function checkSignatures(
  files: BagFiles,
  trusted: TrustedKey[],
  draft: boolean,
  problems: VerifyProblem[],
): SignatureVerdict[] {
  const add = (file: string, problem: string): void => void problems.push({ file, problem });
  const manifest = files.get(BAG_FILES.manifest)?.head;
  const hasSignatures = ROLES.some((role) => files.has(`signatures/${role}.minisig`));
  if (draft && !hasSignatures) {
    add(BAG_FILES.info, 'the pack is a draft (SVMC-Draft: true): it carries no sign-offs and cannot be submitted');
    return [];
  }
  const registered = registeredKeys(files);
  const verdicts = ROLES.map((role) => checkRole(files, role, manifest, trusted, registered, add));
  const [lead, senior] = verdicts;
  if (lead?.keyId !== undefined && lead.keyId === senior?.keyId) {
    add('signatures/senior.minisig', 'made with the same key as the lead\'s: the two sign-offs must come from two people');
  }
  for (const { file, key } of trusted) {
    if (!verdicts.some((verdict) => verdict.keyId === keyIdOf(key))) add(file, `trusted key ${keyIdOf(key)} made neither signature`);
  }
  return verdicts;
}

function checkRole(
  files: BagFiles,
  role: Role,
  manifest: Buffer | undefined,
  trusted: TrustedKey[],
  registered: Partial<Record<Role, string>>,
  add: (file: string, problem: string) => void,
): SignatureVerdict {
  const sigFile = `signatures/${role}.minisig`;
  const pubFile = `signatures/${role}.pub`;
  const verdict: SignatureVerdict = { role, valid: false };
  const signature = textOf(files, sigFile);
  if (signature === undefined) {
    add(sigFile, `missing: the ${ROLE_TITLES[role]} has not signed`);
    return verdict;
  }
  let key: PublicKey;
  try {
    const keyId = keyIdOf(parseSignature(signature).keyId);
    verdict.keyId = keyId;
    const pinned = trusted.find((candidate) => keyIdOf(candidate.key) === keyId);
    if (trusted.length > 0 && !pinned) {
      add(sigFile, `made with key ${keyId}, which is not among the trusted keys`);
      return verdict;
    }
    const packKey = textOf(files, pubFile);
    if (!pinned && packKey === undefined) {
      add(pubFile, 'missing: no key to check the signature with');
      return verdict;
    }
    key = pinned?.key ?? parsePublicKey(packKey ?? '');
    verdict.keySource = pinned?.file ?? pubFile;
  } catch (error) {
    if (!(error instanceof MinisignFormatError)) throw error;
    add(verdict.keySource ?? (verdict.keyId ? pubFile : sigFile), error.message);
    return verdict;
  }
  if (manifest === undefined) return verdict;
  const result = verifySignature(manifest, signature, key);
  if (result.trustedComment !== undefined) verdict.trustedComment = result.trustedComment;
  if (!result.valid) {
    add(sigFile, `${result.problem ?? 'does not verify'} (over ${BAG_FILES.manifest}, with ${verdict.keySource})`);
    return verdict;
  }
  verdict.valid = true;
  if (result.fields.role !== undefined && result.fields.role !== role) {
    add(sigFile, `its trusted comment says it is the ${result.fields.role}'s sign-off, not the ${role}'s`);
    verdict.valid = false;
  }
  const expected = registered[role];
  if (expected !== undefined && expected !== keyIdOf(key)) {
    add(sigFile, `made with key ${keyIdOf(key)}, but data/svmc.yaml registers key ${expected} for the ${ROLE_TITLES[role]}`);
    verdict.valid = false;
  }
  return verdict;
}

/** Key ids registered in the packed svmc.yaml, which the payload manifest (and so the signatures) cover. */
function registeredKeys(files: BagFiles): Partial<Record<Role, string>> {
  const keys: Partial<Record<Role, string>> = {};
  const text = textOf(files, 'data/svmc.yaml');
  if (text === undefined) return keys;
  try {
    const data = parse(text, { maxAliasCount: 100 }) as { representatives?: Record<string, { publicKey?: unknown }> };
    for (const role of ROLES) {
      const line = data?.representatives?.[role]?.publicKey;
      if (typeof line === 'string') keys[role] = keyIdOf(parsePublicKey(line));
    }
  } catch {
    // An unreadable svmc.yaml is the applicant's problem, already covered by its hash; the keys stay unchecked.
  }
  return keys;
}
