import type { Application } from '../application/open.js';
import { checkApplication } from '../check/check-application.js';
import { PackRefusedError } from '../pack/errors.js';
import { quoteFee } from '../fee/compute.js';
import { buildManifest } from '../manifest/build-manifest.js';
import { packId } from '../bag/pack-info.js';
import { packSignoffs } from '../pack/signoffs.js';
import { buildSummaryInput } from '../pdf/summary-input.js';
import type { SummaryInput } from '../pdf/types.js';

/**
 * The form's input for a folder as it stands, as `pack` would build it: a folder with errors gives
 * a draft, which lists them on its first page. Only an unreadable svmc.yaml stops it.
 */
export async function formInput(app: Application, date: Date): Promise<SummaryInput> {
  const outcome = await checkApplication(app, { now: date });
  const data = outcome.document?.data;
  if (!outcome.document || !data) throw new PackRefusedError(`cannot fill the form for ${app.dir}: svmc.yaml cannot be read`, outcome.result.findings);
  const draft = outcome.result.findings.some((f) => f.severity === 'error');
  const manifest = outcome.manifest ?? (await buildManifest(app.folder, outcome.document.referenced));
  const signoffs = packSignoffs(data, draft ? [] : (outcome.signoffs ?? []));
  let fee: ReturnType<typeof quoteFee> | undefined;
  try {
    fee = quoteFee(data);
  } catch {
    fee = undefined;
  }
  return buildSummaryInput({
    dir: app.root,
    data,
    result: outcome.result,
    signoffs: signoffs.summaries,
    entries: manifest.entries,
    packId: packId(manifest.text, date),
    date,
    draft,
    ...(fee ? { fee } : {}),
  });
}
