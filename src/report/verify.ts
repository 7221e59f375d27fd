import type { Finding } from '../core/findings.js';
import type { SignatureVerdict, VerifyResult } from '../core/verify/types.js';
import { ROLE_TITLES } from '../core/domain.js';
import { toJsonFinding } from './json.js';
import { plain, type Paint } from './paint.js';
import { plural } from './words.js';

/** A PATH that does not exist or cannot be read, while others could be. */
export interface UnreadablePath {
  path: string;
  problem: string;
}

/** The verify results as the JSON that scripts read, fixed by schemas/verify.schema.json. */
export function renderVerifyJson(results: VerifyResult[], toolVersion: string, unreadable: UnreadablePath[] = []): string {
  const packs = results.map(({ contents: _contents, findings, ...rest }) => ({ ...rest, findings: findings.map(toJsonFinding) }));
  const valid = unreadable.length === 0 && results.every((r) => r.valid);
  const report = { schemaVersion: 1, tool: { name: 'svmc', version: toolVersion }, valid, packs, ...(unreadable.length > 0 ? { unreadable } : {}) };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * Each PATH in order of importance: the verdict; what an assessor must act on (errors, the
 * changed, missing or added files first); each sign-off with who, which key and when; warnings;
 * notes; then what the bag holds. Several PATHs end with one line for all.
 */
export function renderVerifyText(results: VerifyResult[], paint: Paint = plain, unreadable: UnreadablePath[] = []): string {
  const blocks = results.map((result) => renderOne(result, paint));
  blocks.push(...unreadable.map(({ path, problem }) => paint('red', `${path}: NOT verified: ${problem}`)));
  const total = results.length + unreadable.length;
  if (total > 1) {
    const valid = results.filter((r) => r.valid).length;
    const unread = unreadable.length > 0 ? ` (${unreadable.length} could not be read)` : '';
    blocks.push(paint(valid === total ? 'green' : 'red', `${valid} of ${total} valid${unread}`));
  }
  return `${blocks.join('\n\n')}\n`;
}

function renderOne(result: VerifyResult, paint: Paint): string {
  const lines = [verdict(result, paint)];
  const errors = result.findings.filter((f) => f.severity === 'error');
  const warnings = result.findings.filter((f) => f.severity === 'warning');
  const notes = result.findings.filter((f) => f.severity === 'info');
  section(lines, 'To act on:', errors);
  if (result.signatures.length > 0) lines.push('Sign-offs:', ...result.signatures.map((s) => `  ${signoff(s, paint)}`));
  section(lines, 'Warnings:', warnings);
  section(lines, 'Notes:', notes);
  const { bag } = result;
  const version = bag.bagitVersion ? `BagIt ${bag.bagitVersion}` : 'BagIt';
  const manifests = bag.manifests.length > 0 ? `, checked against ${bag.manifests.join(', ')}` : '';
  lines.push(`Bag ${bag.name ?? '(at the zip root)'} (${version}, a ${result.container}): ${plural(bag.payloadFiles, 'payload file')}, ${bag.payloadBytes} bytes${manifests}`);
  return lines.join('\n');
}

function verdict(result: VerifyResult, paint: Paint): string {
  const errors = result.findings.filter((f) => f.severity === 'error');
  // With --strict a warning fails the pack too.
  const count = errors.length > 0 ? errors.length : result.findings.filter((f) => f.severity === 'warning').length;
  if (!result.valid) {
    if (errors.length > 0 && errors.every((f) => f.code === 'NOT_A_PACK')) return paint('red', `${result.pack}: valid BagIt, but NOT an svmc submission pack`);
    return paint('red', `${result.pack}: NOT valid (${plural(count, 'problem')})`);
  }
  if (result.bagitOnly) return paint('green', `${result.pack}: valid BagIt bag`);
  const summary = result.findings.some((f) => f.code === 'SUMMARY_UNCONFIRMED') ? 'the summary could not be confirmed' : 'the summary shows exactly the signed data';
  return paint('green', `${result.pack}: valid: the bag is complete and intact, both sign-offs verify, ${summary}`);
}

function section(lines: string[], title: string, findings: Finding[]): void {
  if (findings.length === 0) return;
  lines.push(title, ...findings.map((f) => `  ${f.location?.file ?? '(pack)'}: ${f.message} [${f.code}]`));
}

function signoff(s: SignatureVerdict, paint: Paint): string {
  const state = s.valid ? paint('green', 'valid') : paint('red', 'NOT valid');
  const who = s.signer ? `${s.signer}${s.jobTitle ? ` (${s.jobTitle})` : ''}` : 'signer not named';
  const key = s.keyId === undefined ? 'no key' : `key ${s.keyId}`;
  const source = s.key === 'pinned' ? `pinned with ${s.keySource}` : s.key === 'pack' ? 'taken from the pack (proves integrity, not identity)' : '';
  const when = s.signedAt ? `, signed ${s.signedAt}` : '';
  return `${ROLE_TITLES[s.role].padEnd(26)} ${state}: ${who}, ${key}${source ? `, ${source}` : ''}${when}`;
}
