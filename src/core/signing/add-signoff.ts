import type { Application, ApplicationDocument } from '../application/open.js';
import { ROLES, type Role } from '../domain.js';
import { UsageError } from '../errors.js';
import { READ_LIMITS } from '../fs/read-file.js';
import { buildManifest } from '../manifest/build-manifest.js';
import { draftManifests } from './draft-manifests.js';
import { judgeSignoff, type SignoffVerdict } from './judge.js';
import { MinisignFormatError } from './minisign-format.js';
import { fileSignoff } from './sign-application.js';
import { parseSignature, parseTrustedComment } from './signature.js';
import { signaturePath, signedManifestPath } from './signoff-files.js';

export interface AddSignoffOptions {
  app: Application;
  document: ApplicationDocument;
  /** The .minisig text made elsewhere. */
  signature: string;
  /** Where it came from, for messages. */
  from: string;
  /** `--as`; otherwise the role its trusted comment names. */
  role?: Role;
}

export interface AddSignoffResult {
  role: Role;
  /** The judge's verdict against the folder's manifest as it is now: only a valid one is filed. */
  verdict: SignoffVerdict;
  filed: boolean;
  /** The folder's sign-off of that role before, when there was one. */
  before?: SignoffVerdict;
}

/**
 * Files a sign-off made elsewhere (on a draft pack) once the one judge finds it valid against the
 * folder's current manifest with the registered key. A sign-off over an earlier manifest is judged
 * against the drafts' manifests kept in `.svmc/` and the folder's signed manifests, so a refusal can
 * say what changed since.
 */
export async function addSignoff({ app, document, signature, from, role: given }: AddSignoffOptions): Promise<AddSignoffResult> {
  const role = given ?? roleNamedIn(signature, from);
  const key = document.data?.representatives?.[role]?.publicKey;
  const manifest = await buildManifest(app.folder, document.referenced);
  const judge = (signedManifest?: string): SignoffVerdict =>
    judgeSignoff({ role, signature, key, manifest: () => manifest.text, ...(signedManifest === undefined ? {} : { signedManifest }) });
  let verdict = judge();
  if (verdict.state === 'valid') {
    const before = judgeExisting(app, role, key, manifest.text);
    await fileSignoff(app.dir, role, manifest.text, signature);
    await app.folder.saveFacts(true);
    return { role, verdict, filed: true, ...(before ? { before } : {}) };
  }
  if (verdict.problem === 'bad-signature') {
    for (const earlier of await earlierManifests(app)) {
      const stale = judge(earlier);
      if (stale.state === 'stale') {
        verdict = stale;
        break;
      }
    }
  }
  return { role, verdict, filed: false };
}

function roleNamedIn(signature: string, from: string): Role {
  let named: string | undefined;
  try {
    named = parseTrustedComment(parseSignature(signature).trustedComment).role;
  } catch (error) {
    if (error instanceof MinisignFormatError) throw new UsageError(`${from} is not a minisign signature: ${error.message}`);
    throw error;
  }
  const role = ROLES.find((r) => r === named);
  if (!role) throw new UsageError(`${from} does not say whose sign-off it is (its trusted comment has no role:lead or role:senior): give --as lead|senior`);
  return role;
}

function judgeExisting(app: Application, role: Role, key: string | undefined, manifest: string): SignoffVerdict | undefined {
  const existing = app.folder.readText(signaturePath(role), READ_LIMITS.key);
  if (existing === undefined) return undefined;
  const signed = app.folder.readText(signedManifestPath(role), READ_LIMITS.manifest);
  return judgeSignoff({ role, signature: existing, key, manifest: () => manifest, ...(typeof signed === 'string' ? { signedManifest: signed } : {}) });
}

/** Manifests the sign-off may have been made over: the last drafts', then those the folder's sign-offs signed. */
async function earlierManifests(app: Application): Promise<string[]> {
  const signed = ROLES.map((role) => app.folder.readText(signedManifestPath(role), READ_LIMITS.manifest)).filter((text): text is string => typeof text === 'string');
  return [...(await draftManifests(app.root)), ...signed];
}
