import type { Locate } from '../application/locate.js';
import { ROLE_TITLES, type Role } from '../domain.js';
import { finding, type Finding, type FindingLocation } from '../findings.js';
import type { ManifestDiff } from '../manifest/format.js';
import type { SignoffVerdict } from './judge.js';
import { signaturePath } from './signoff-files.js';
import { formatSigningTime } from './signing-time.js';

/** SIGNOFF_MISSING, SIGNOFF_STALE or SIGNOFF_INVALID for a verdict of the judge; none for a valid sign-off. */
export function signoffFinding(verdict: SignoffVerdict, locate: Locate, signAdvice: (role: Role) => string): Finding | undefined {
  const { role, state } = verdict;
  const who = ROLE_TITLES[role];
  const sigFile = signaturePath(role);
  const sign = signAdvice(role);
  const atRepresentative = (): FindingLocation => locate(['representatives', role]);
  if (state === 'valid') return undefined;
  if (state === 'missing') {
    return finding('SIGNOFF_MISSING', `The ${who} has not signed: once the application is complete, run ${sign}`, {
      location: atRepresentative(),
    });
  }
  if (state === 'stale') {
    const changes = verdict.diff ? describeChanges(verdict.diff) : 'the manifest changed';
    return finding('SIGNOFF_STALE', `The ${who}'s sign-off${signedOn(verdict)} is out of date: ${changes}. Sign again with ${sign}`, {
      location: { file: sigFile },
    });
  }
  const invalid = (message: string, location: FindingLocation = { file: sigFile }): Finding =>
    finding('SIGNOFF_INVALID', `${sigFile}: ${message}`, { location });
  switch (verdict.problem) {
    case 'unreadable':
      return finding('SIGNOFF_INVALID', `${sigFile} cannot be read: ${verdict.detail ?? 'unreadable'}`, { location: { file: sigFile } });
    case 'no-key':
      return invalid(
        `no public key is registered for the ${who}, so the signature cannot be trusted: register the key it was made with (\`svmc register-key --as ${role} KEY.pub\`), or make and register a new one (\`svmc keygen --as ${role} --register\`), then sign again with ${sign}`,
        atRepresentative(),
      );
    case 'bad-key':
      return invalid(`representatives.${role}.publicKey: ${verdict.detail ?? 'not a minisign public key'}`, locate(['representatives', role, 'publicKey']));
    case 'malformed':
      return invalid(`not a minisign signature: ${verdict.detail ?? 'malformed'}`);
    case 'wrong-key':
      return invalid(`signed${verdict.signedAt ? ` at ${formatSigningTime(verdict.signedAt)}` : ''} with key ${verdict.keyId}, but the key registered for the ${who} is ${verdict.expectedKeyId}: sign again with the registered key, ${sign}`);
    case 'wrong-role':
      return invalid(`the signature was made as the ${verdict.detail}, not as the ${role}`);
    default:
      return invalid(`the signature does not verify (${verdict.problem === 'bad-trusted-comment' ? 'the trusted comment was altered' : 'the signature does not match the signed data'}); sign again with ${sign}`);
  }
}

/** ` of 2026-03-01T14:05:09Z`, when the trusted comment gives the time. */
export function signedOn(verdict: SignoffVerdict): string {
  return verdict.signedAt ? ` of ${formatSigningTime(verdict.signedAt)}` : '';
}

/** `changed a, b; added c; removed d`, each list cut after five names. */
export function describeChanges(diff: ManifestDiff): string {
  const parts: string[] = [];
  const list = (paths: string[]): string => (paths.length > 5 ? `${paths.slice(0, 5).join(', ')} and ${paths.length - 5} more` : paths.join(', '));
  if (diff.changed.length > 0) parts.push(`changed ${list(diff.changed)}`);
  if (diff.added.length > 0) parts.push(`added ${list(diff.added)}`);
  if (diff.removed.length > 0) parts.push(`removed ${list(diff.removed)}`);
  return parts.length > 0 ? parts.join('; ') : 'the manifest changed';
}
