import { basename, join } from 'node:path';
import { openApplication } from '../../core/application/open.js';
import { PackRefusedError } from '../../core/pack/errors.js';
import { packApplication } from '../../core/pack/pack.js';
import { resolvePackDate } from '../../core/pack/pack-date.js';
import { verifyPack } from '../../core/verify/verify-pack.js';
import type { BuiltPack } from '../../report/ui/pack.js';
import { VERSION } from '../version.js';
import { HttpError } from './http-error.js';

/** Packs the folder as `svmc pack` does, into `packDir`, and verifies the zip as the assessor will. */
export async function buildPack(dir: string, packDir: string, draft: boolean): Promise<BuiltPack> {
  const app = await openApplication(dir);
  const date = resolvePackDate(undefined, process.env.SOURCE_DATE_EPOCH, new Date());
  let result: Awaited<ReturnType<typeof packApplication>>;
  try {
    result = await packApplication(app, (packId) => join(packDir, `${packId}.zip`), { date, draft, software: `svmc ${VERSION}` });
  } catch (error) {
    if (!(error instanceof PackRefusedError)) throw error;
    const errors = error.findings.filter((f) => f.severity === 'error');
    throw new HttpError(400, `The final pack cannot be built yet: ${errors.map((f) => f.message).join(' ')} A draft pack can be built whatever is missing.`);
  }
  const verdict = await verifyPack(result.out);
  return {
    file: basename(result.out),
    packId: result.packId,
    draft: result.draft,
    payloadFiles: result.payloadFiles,
    zipBytes: result.zipBytes,
    findings: result.findings,
    verify: { valid: verdict.valid, findings: verdict.findings.filter((f) => f.severity !== 'info' && f.code !== 'PACK_DRAFT') },
  };
}
