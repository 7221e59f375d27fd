import { openApplication } from '../../core/application/open.js';
import { checkApplication } from '../../core/check/check-application.js';
import { ROLE_TITLES } from '../../core/domain.js';
import { InvalidInputError } from '../../core/errors.js';
import { SIGNOFF_CODES } from '../../core/findings.js';
import { assertRegisteredKey, loadSigningKey, signApplication } from '../../core/signing/sign-application.js';
import { renderFindingList } from '../../report/finding-list.js';
import { plural } from '../../report/words.js';
import { paint } from '../color.js';
import { err, out } from '../io.js';
import type { OptionsOf, defineSign } from '../program.js';

export type SignCommandOptions = OptionsOf<typeof defineSign>;

export async function run(dir: string, options: SignCommandOptions): Promise<number> {
  const role = options.as;
  // The key comes first: without one there is nothing to do, and no prompt could help.
  const secret = await loadSigningKey({ keyFile: options.key, keyText: process.env.SVMC_SIGNING_KEY });
  const app = await openApplication(dir);
  const { result, document } = await checkApplication(app, { skipSignoffs: true });
  const errors = result.findings.filter((f) => f.severity === 'error' && !SIGNOFF_CODES.includes(f.code));
  if (errors.length > 0) {
    err(`svmc: ${dir} has ${plural(errors.length, 'error')}; fix them before signing:`);
    for (const line of renderFindingList(errors, { paint })) err(line);
    return 1;
  }
  const data = document?.data;
  if (document === undefined || data === undefined) throw new InvalidInputError('svmc.yaml cannot be read; run "svmc check"');
  assertRegisteredKey(data, role, secret);
  const signed = await signApplication({ app, document: { ...document, data }, role, secret });
  const files = signed.manifest.entries.length;
  out(`Signed as the ${ROLE_TITLES[role]} with key ${paint('bold', signed.keyId)}: ${plural(files, 'file')} (svmc.yaml and the evidence it maps).`);
  out(`Wrote ${signed.signatureFile} and ${signed.manifestFile} (the manifest that was signed).`);
  out(`Trusted comment: ${signed.trustedComment.replace(/\t/g, '  ')}`);
  if (data.representatives?.[role]?.publicKey === undefined) {
    err(`svmc: warning: no public key is registered for the ${ROLE_TITLES[role]}, so "svmc check" will report SIGNOFF_INVALID.`);
    err(`  Add under representatives.${role} in svmc.yaml, then sign again:  publicKey: ${secret.publicKey.line}`);
  }
  return 0;
}
