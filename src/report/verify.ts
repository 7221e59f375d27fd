import type { VerifyResult } from '../core/verify/types.js';
import { toJsonFinding } from './json.js';
import { plain, type Paint } from './paint.js';
import { trustedCommentForPeople } from './signoff-words.js';
import { plural } from './words.js';

/** The verify result as the JSON that scripts read: `{ valid, pack, bag, signatures, findings }`, each finding as check reports one. */
export function renderVerifyJson(result: VerifyResult): string {
  return `${JSON.stringify({ ...result, findings: result.findings.map(toJsonFinding) }, null, 2)}\n`;
}

/** One line per fact and per problem, each problem naming its file; a last line that says valid or not. */
export function renderVerifyText(result: VerifyResult, paint: Paint = plain): string {
  const lines: string[] = [`Pack ${result.pack}`];
  const { bag } = result;
  if (bag.name !== undefined) {
    const version = bag.bagitVersion ? ` (BagIt ${bag.bagitVersion})` : '';
    const draft = bag.draft ? ', DRAFT' : '';
    lines.push(`  bag        ${bag.name}${version}${draft}`);
    lines.push(`  payload    ${plural(bag.payloadFiles, 'file')}, ${bag.payloadBytes} bytes`);
  }
  for (const signature of result.signatures) {
    const verdict = signature.valid ? paint('green', 'valid') : paint('red', 'NOT valid');
    const key = signature.keyId ? ` key ${signature.keyId}` : '';
    const comment = signature.trustedComment ? `  (${trustedCommentForPeople(signature.trustedComment)})` : '';
    lines.push(`  ${signature.role.padEnd(10)} ${verdict}${key}${comment}`);
  }
  if (result.findings.length > 0) lines.push('Problems:');
  for (const f of result.findings) lines.push(`  ${f.location?.file ?? '(pack)'}: ${f.message}`);
  const count = result.findings.length;
  lines.push(
    result.valid
      ? paint('green', 'valid: the bag is complete and intact, both sign-offs verify, the PDF summary is present')
      : paint('red', `NOT valid: ${plural(count, 'problem')}`),
  );
  return `${lines.join('\n')}\n`;
}
