import { judgeSignoffs } from '../../core/check/judge-signoffs.js';
import { buildManifest } from '../../core/manifest/build-manifest.js';
import { ROLES, type Role } from '../../core/domain.js';
import { SIGNOFF_CODES, type Finding } from '../../core/findings.js';
import { reviewSigning } from '../../core/signing/review.js';
import { renderSigningReview } from '../../report/signing-review.js';
import type { Workspace } from './workspace.js';

/** The review `svmc sign` shows for each role, and the errors that stop signing, as sign judges them. */
export async function signoffReviews(workspace: Workspace): Promise<{ reviews: { role: Role; lines: string[]; state: string }[]; blocking: Finding[] }> {
  const { data, result } = workspace;
  const blocking = result.findings.filter((f) => f.severity === 'error' && !SIGNOFF_CODES.includes(f.code));
  if (!data || !workspace.document.schemaValid) return { reviews: [], blocking };
  const { manifest = await buildManifest(workspace.app.folder, workspace.document.referenced), verdicts } = await judgeSignoffs(workspace.app, workspace.document);
  const reviews = ROLES.map((role) => {
    const earlier = verdicts.find((v) => v.role === role)!;
    return { role, state: earlier.state, lines: renderSigningReview(reviewSigning({ role, data, result, entries: manifest.entries, earlier })) };
  });
  return { reviews, blocking };
}
