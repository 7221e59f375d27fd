import type { Application, ApplicationDocument } from '../application/open.js';
import { ROLES, type Role } from '../domain.js';
import type { Finding } from '../findings.js';
import { READ_LIMITS } from '../fs/read-limits.js';
import { buildManifest, type Manifest } from '../manifest/build-manifest.js';
import { judgeSignoff, type SignoffVerdict } from '../signing/judge.js';
import { signAdvice } from '../signing/sign-hint.js';
import { signoffFinding } from '../signing/signoff-findings.js';
import { signaturePath, signedManifestPath } from '../signing/signoff-files.js';

/**
 * Both sign-offs in the folder, judged against the folder's manifest as it is now. The manifest is
 * built only when there is a signature to judge: an unsigned folder being prepared is not hashed.
 */
export async function judgeSignoffs(app: Application, document: ApplicationDocument): Promise<{ manifest?: Manifest; verdicts: SignoffVerdict[]; findings: Finding[] }> {
  const { folder } = app;
  const signatures = ROLES.map((role) => folder.readText(signaturePath(role), READ_LIMITS.key));
  const manifest = signatures.some((signature) => signature !== undefined) ? await buildManifest(folder, document.referenced) : undefined;
  const verdicts = ROLES.map((role, i) => {
    const signedManifest = folder.readText(signedManifestPath(role), READ_LIMITS.manifest);
    return judgeSignoff({
      role,
      signature: signatures[i],
      key: document.data?.representatives?.[role]?.publicKey,
      manifest: () => manifest?.text ?? '',
      ...(typeof signedManifest === 'string' ? { signedManifest } : {}),
    });
  });
  // The advice names the default key when it is there: the result depends on that file too.
  const files = { exists: (path: string) => folder.hasOutsideFile(path), text: (path: string) => folder.outsideText(path, READ_LIMITS.key) };
  const advice = (role: Role): string => signAdvice(role, document.data?.representatives?.[role]?.publicKey, files);
  const findings = verdicts.flatMap((verdict) => signoffFinding(verdict, document.locate, advice) ?? []);
  return { ...(manifest ? { manifest } : {}), verdicts, findings };
}
