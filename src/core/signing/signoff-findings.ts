import type { Locate } from '../application/locate.js';
import { ROLE_TITLES } from '../domain.js';
import { finding, type Finding, type FindingLocation } from '../findings.js';
import type { ManifestDiff } from '../manifest/format.js';
import type { SignoffVerdict } from './judge.js';
import { signaturePath } from './signoff-files.js';

/** SIGNOFF_MISSING, SIGNOFF_STALE or SIGNOFF_INVALID for a verdict of the judge; none for a valid sign-off. */
export function signoffFinding(verdict: SignoffVerdict, locate: Locate): Finding | undefined {
  const { role, state } = verdict;
  const who = ROLE_TITLES[role];
  const sigFile = signaturePath(role);
  const atRepresentative = (): FindingLocation => locate(['representatives', role]);
  if (state === 'valid') return undefined;
  if (state === 'missing') {
    return finding('SIGNOFF_MISSING', `The ${who} has not signed: run \`svmc sign --as ${role}\` once the application is complete`, {
      location: atRepresentative(),
    });
  }
  if (state === 'stale') {
    const changes = verdict.diff ? describe(verdict.diff) : 'the manifest changed';
    return finding('SIGNOFF_STALE', `The ${who}'s sign-off is out of date: ${changes}. Sign again with \`svmc sign --as ${role}\``, {
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
        `no public key is registered for the ${who}, so the signature cannot be trusted: run \`svmc keygen --as ${role} --register\` (or add representatives.${role}.publicKey), then sign again`,
        atRepresentative(),
      );
    case 'bad-key':
      return invalid(`representatives.${role}.publicKey: ${verdict.detail ?? 'not a minisign public key'}`, locate(['representatives', role, 'publicKey']));
    case 'malformed':
      return invalid(`not a minisign signature: ${verdict.detail ?? 'malformed'}`);
    case 'wrong-key':
      return invalid(`signed with key ${verdict.keyId}, but the key registered for the ${who} is ${verdict.expectedKeyId}`);
    case 'wrong-role':
      return invalid(`the signature was made as the ${verdict.detail}, not as the ${role}`);
    default:
      return invalid(`the signature does not verify (${verdict.problem === 'bad-trusted-comment' ? 'the trusted comment was altered' : 'the signature does not match the signed data'}); sign again with \`svmc sign --as ${role}\``);
  }
}

function describe(diff: ManifestDiff): string {
  const parts: string[] = [];
  const list = (paths: string[]): string => (paths.length > 5 ? `${paths.slice(0, 5).join(', ')} and ${paths.length - 5} more` : paths.join(', '));
  if (diff.changed.length > 0) parts.push(`changed ${list(diff.changed)}`);
  if (diff.added.length > 0) parts.push(`added ${list(diff.added)}`);
  if (diff.removed.length > 0) parts.push(`removed ${list(diff.removed)}`);
  return parts.length > 0 ? parts.join('; ') : 'the manifest changed';
}
