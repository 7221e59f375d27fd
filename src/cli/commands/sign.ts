import { lstat } from 'node:fs/promises';
import { openApplication, type Application, type ApplicationDocument } from '../../core/application/open.js';
import type { ApplicationData } from '../../core/application/types.js';
import { checkApplication } from '../../core/check/check-application.js';
import { judgeSignoffs } from '../../core/check/judge-signoffs.js';
import type { ApplicationResult } from '../../core/check/types.js';
import { ROLE_TITLES, type Role } from '../../core/domain.js';
import { InvalidInputError, UsageError } from '../../core/errors.js';
import { SIGNOFF_CODES } from '../../core/findings.js';
import { resolveOutputTarget, writeToTarget } from '../../core/fs/output-target.js';
import { buildManifest } from '../../core/manifest/build-manifest.js';
import { DamagedDraftError, openDraftPack } from '../../core/signing/draft-pack.js';
import { reviewSigning, type SigningReview } from '../../core/signing/review.js';
import { shellWord } from '../../core/signing/sign-hint.js';
import { signApplication, signManifest } from '../../core/signing/sign-application.js';
import { assertRegisteredKey, readSigningKey, type SigningKey } from '../../core/signing/signing-key.js';
import { renderFindingList } from '../../report/finding-list.js';
import { trustedCommentForPeople } from '../../report/signoff-words.js';
import { renderSigningReview, signingQuestion } from '../../report/signing-review.js';
import { plural } from '../../report/words.js';
import { paint } from '../color.js';
import { canPrompt, err, out } from '../io.js';
import { assertUnlockable, unlockKey } from '../passphrase.js';
import type { OptionsOf } from '../program.js';
import type { defineSign } from '../signing-commands.js';

export type SignCommandOptions = OptionsOf<typeof defineSign>;

/** `dir` is undefined when no folder was named (the current folder, unless signing a draft pack). */
export async function run(dir: string | undefined, options: SignCommandOptions): Promise<number> {
  if (options.pack !== undefined && dir !== undefined) {
    throw new UsageError('--pack signs a draft pack away from the folder: give either the pack or a folder, not both');
  }
  if (options.pack === undefined && options.out !== undefined) {
    throw new UsageError('--out is where a sign-off of a draft pack goes: use it with --pack DRAFT.zip (a folder\'s sign-off goes into its signoffs/)');
  }
  // --yes skips the question, never the passphrase a terminal can still give.
  const ask: Asking = { question: canPrompt(options.yes), passphrase: canPrompt() };
  // The key comes first: without one there is nothing to do, and a passphrase no one can give stops here too.
  const key = await readSigningKey({ keyFile: options.key, keyText: process.env.SVMC_SIGNING_KEY });
  assertUnlockable(key, ask.passphrase);
  return options.pack === undefined ? signFolder(dir ?? '.', options.as, key, ask) : signDraft(options.pack, options, key, ask);
}

async function signFolder(dir: string, role: Role, key: SigningKey, ask: Asking): Promise<number> {
  const app = await openApplication(dir);
  const checked = await checkedForSigning(app, `${dir} has`);
  if (typeof checked === 'number') return checked;
  const { document, data, result } = checked;
  const { manifest = await buildManifest(app.folder, document.referenced), verdicts } = await judgeSignoffs(app, document);
  const review = reviewSigning({ role, data, result, entries: manifest.entries, earlier: verdicts.find((v) => v.role === role)! });
  if (!(await approved(review, ask.question))) return 1;
  const secret = await unlockKey(key, ask.passphrase);
  assertRegisteredKey(data, role, secret);
  const signed = await signApplication({ app, document: { ...document, data }, role, secret, manifest });
  out(`Signed as the ${ROLE_TITLES[role]} with key ${paint('bold', signed.keyId)}: ${plural(manifest.entries.length, 'file')} (svmc.yaml and the evidence it maps).`);
  out(`Wrote ${signed.signatureFile} and ${signed.manifestFile} (the manifest that was signed).`);
  out(`Trusted comment: ${trustedCommentForPeople(signed.trustedComment)}`);
  if (data.representatives?.[role]?.publicKey === undefined) {
    err(`svmc: warning: no public key is registered for the ${ROLE_TITLES[role]}, so "svmc check" will report SIGNOFF_INVALID.`);
    err(`  Register it (svmc register-key --as ${role} KEY.pub, or this line under representatives.${role}: publicKey: ${secret.publicKey.line}),`);
    err(`  then sign again with the same key (${key.from === 'SVMC_SIGNING_KEY' ? 'in SVMC_SIGNING_KEY' : `--key ${shellWord(key.from)}`}): registering changes svmc.yaml.`);
  }
  return 0;
}

async function signDraft(pack: string, options: SignCommandOptions, key: SigningKey, ask: Asking): Promise<number> {
  const role = options.as;
  const output = await outputFor(options.out ?? `${role}.minisig`, options.out === undefined);
  const draft = await openDraftPack(pack).catch((error: unknown) => {
    if (!(error instanceof DamagedDraftError)) throw error;
    for (const line of renderFindingList(error.findings, { paint })) err(line);
    throw new InvalidInputError(error.message);
  });
  let data: ApplicationData;
  let review: SigningReview;
  try {
    // The draft's own content, checked as the application it is, by the check every folder gets.
    const app = await openApplication(draft.folder);
    const checked = await checkedForSigning(app, `the draft ${pack} has`);
    if (typeof checked === 'number') return checked;
    ({ data } = checked);
    const manifest = await buildManifest(app.folder, checked.document.referenced);
    if (manifest.text !== draft.manifestText) throw new InvalidInputError(`the manifest of ${pack} does not match its content: ask for a new draft`);
    const info = draft.info;
    review = reviewSigning({
      role,
      data,
      result: checked.result,
      entries: manifest.entries,
      pack: { path: pack, ...(info['External-Identifier'] ? { id: info['External-Identifier'] } : {}), ...(info['Bagging-Date'] ? { date: info['Bagging-Date'] } : {}) },
    });
  } finally {
    await draft.close();
  }
  if (data.representatives?.[role]?.publicKey === undefined) {
    throw new InvalidInputError(
      `the draft's svmc.yaml registers no key for the ${ROLE_TITLES[role]}, so a sign-off of it could never be filed (registering a key changes svmc.yaml): send your public key (.pub) to the lead, who registers it with "svmc register-key --as ${role} KEY.pub" and makes a new draft`,
    );
  }
  if (!(await approved(review, ask.question))) return 1;
  const secret = await unlockKey(key, ask.passphrase);
  assertRegisteredKey(data, role, secret);
  const signed = signManifest({ manifestText: draft.manifestText, data, role, secret });
  if (output.kind === 'stdout') process.stdout.write(signed.signature);
  else await writeToTarget(output, signed.signature);
  const say = output.kind === 'stdout' ? err : out;
  say(`Signed the draft ${pack} as the ${ROLE_TITLES[role]} with key ${paint('bold', signed.keyId)}: ${plural(review.files.length, 'file')}.`);
  say(`Trusted comment: ${trustedCommentForPeople(signed.trustedComment)}`);
  say(`Wrote ${output.shown}: send it to the lead, who files it in the folder with "svmc signoff add ${output.kind === 'file' ? output.shown : 'FILE.minisig'}".`);
  return 0;
}

async function outputFor(path: string, byDefault: boolean) {
  if (byDefault && (await lstat(path).then(() => true, () => false))) {
    throw new UsageError(`${path} exists already: name where the sign-off goes with --out FILE.minisig`);
  }
  return resolveOutputTarget(path);
}

/** What may be asked at a terminal: the question before signing, and a protected key's passphrase. */
type Asking = { question: boolean; passphrase: boolean };

type Checked = { document: ApplicationDocument; data: ApplicationData; result: ApplicationResult };

/** The check signing needs passed: errors other than sign-off ones stop it (exit 1, listing them). */
async function checkedForSigning(app: Application, what: string): Promise<Checked | number> {
  const { result, document } = await checkApplication(app, { skipSignoffs: true });
  const errors = result.findings.filter((f) => f.severity === 'error' && !SIGNOFF_CODES.includes(f.code));
  if (errors.length > 0) {
    err(`svmc: ${what} ${plural(errors.length, 'error')}; fix them before signing:`);
    for (const line of renderFindingList(errors, { paint })) err(line);
    return 1;
  }
  const data = document?.data;
  if (document === undefined || data === undefined) throw new InvalidInputError('svmc.yaml cannot be read; run "svmc check"');
  return { document, data, result };
}

/** Shows what is being approved; at a terminal asks, defaulting to no. */
async function approved(review: SigningReview, ask: boolean): Promise<boolean> {
  for (const line of renderSigningReview(review, paint)) err(line);
  if (!ask) return true;
  const { confirm } = await import('@inquirer/prompts');
  const yes = await confirm(
    { message: signingQuestion(review), default: false, theme: { style: { defaultAnswer: (text: string) => `[${text}]` } } },
    { output: process.stderr },
  );
  if (!yes) err('svmc: not signed; nothing was written');
  return yes;
}
