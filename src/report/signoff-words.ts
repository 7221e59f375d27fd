import { ROLE_TITLES } from '../core/domain.js';
import { parseTrustedComment } from '../core/signing/signature.js';
import { describeChanges, signedOn } from '../core/signing/signoff-findings.js';
import { formatSigningTime, timestampOf } from '../core/signing/signing-time.js';
import type { SignoffVerdict } from '../core/signing/judge.js';
import type { AffectedSignoff } from '../core/signing/watch-signoffs.js';

/** A trusted comment for people: `signed 2026-03-01T14:05:09Z, role:lead, name:…`, the rest of its fields as they are. */
export function trustedCommentForPeople(comment: string): string {
  const time = timestampOf(parseTrustedComment(comment));
  return comment
    .split('\t')
    .map((part) => (time && part.startsWith('timestamp:') ? `signed ${formatSigningTime(time)}` : part))
    .join(', ');
}

/** One line per sign-off a change made stale (or invalid), with the advice that signs again. */
export function renderAffectedSignoffs(affected: readonly AffectedSignoff[], advice: (signoff: AffectedSignoff) => string): string[] {
  return affected.map((signoff) => {
    const { role, before, after } = signoff;
    const whose = `the ${ROLE_TITLES[role]}'s sign-off${signedOn(before)}`;
    if (after.state === 'stale') {
      const changes = after.diff ? ` (${describeChanges(after.diff)})` : '';
      return `this change makes ${whose} out of date${changes}: sign again with ${advice(signoff)}`;
    }
    const why = after.problem === 'wrong-key' || after.problem === 'no-key' ? 'was made with a key that is no longer registered' : 'no longer verifies';
    return `after this change ${whose} ${why}: sign again with the registered key, ${advice(signoff)}`;
  });
}

/** Why `signoff add` refuses a sign-off, in the lead's terms, with what to do next. */
export function signoffRefusal(verdict: SignoffVerdict, from: string): string {
  const who = ROLE_TITLES[verdict.role];
  const redo = `make a new draft (svmc pack --draft) and ask the ${who} to sign it`;
  switch (verdict.state) {
    case 'stale':
      return `${from}${signedOn(verdict)} signs a draft of this folder, which has changed since: ${verdict.diff ? describeChanges(verdict.diff) : 'the manifest changed'}. Check the changes, then ${redo}`;
    case 'missing':
      return `${from} holds no sign-off`;
    case 'valid':
      return `${from} is valid`;
  }
  switch (verdict.problem) {
    case 'no-key':
      return `no public key is registered for the ${who}, so ${from} cannot be trusted: register theirs (svmc register-key --as ${verdict.role} KEY.pub), then ${redo} (registering changes svmc.yaml)`;
    case 'bad-key':
      return `representatives.${verdict.role}.publicKey in svmc.yaml is not a minisign public key: ${verdict.detail ?? 'unreadable'}`;
    case 'wrong-key':
      return `${from} was made with key ${verdict.keyId}, but the key registered for the ${who} is ${verdict.expectedKeyId}: ask them to sign with that key`;
    case 'wrong-role':
      return `${from} was made as the ${verdict.detail}, not as the ${verdict.role}`;
    case 'malformed':
    case 'unreadable':
      return `${from} is not a minisign signature: ${verdict.detail ?? 'malformed'}`;
    case 'bad-trusted-comment':
      return `${from} does not verify: its trusted comment was altered`;
    default:
      return `${from}${signedOn(verdict)} does not verify against this folder as it is now: svmc.yaml or a mapped file changed since the draft it signs (svmc keeps no manifest of that draft in .svmc/drafts/, so it cannot say which). Check the changes, then ${redo}`;
  }
}
