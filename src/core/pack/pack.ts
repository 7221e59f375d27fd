import type { Application } from '../application/open.js';
import type { Finding } from '../findings.js';

import { BAG_FILES } from '../bag/layout.js';
import { keepDraftManifest } from '../signing/draft-manifests.js';
import { planPack } from './plan.js';
import { startSummaryRenderer, type SummaryRenderer } from '../pdf/summary-renderer.js';
import { assertWritableTarget, writePack, type WritePackOptions } from './write-pack.js';

export interface PackOptions extends Omit<WritePackOptions, 'onBytes'> {
  /** Pack despite errors, unsigned, marked DRAFT. */
  draft?: boolean;
  /** `svmc <version>`, recorded as Bag-Software-Agent. */
  software: string;
  /** Called once the work is known, then as payload bytes are packed. */
  onProgress?: (done: number, total: number) => void;
  /** Renders summary.pdf; default: a worker thread started here, closed when the pack is done. */
  renderer?: SummaryRenderer;
}

export interface PackResult {
  out: string;
  /** The bag's folder inside the zip. */
  name: string;
  packId: string;
  draft: boolean;
  payloadFiles: number;
  payloadBytes: number;
  zipBytes: number;
  /** What the check found that did not stop the pack: warnings, and a draft's errors. */
  findings: Finding[];
  /** Characters of the summary that no embedded font could draw. */
  summaryWarnings: Finding[];
}

/**
 * Packs the application into a BagIt zip at `out`, or at the path `out` gives for the pack id once
 * that is known. Throws PackRefusedError when it cannot.
 */
export async function packApplication(app: Application, out: string | ((packId: string) => string), options: PackOptions): Promise<PackResult> {
  const renderer = options.renderer ?? (await startSummaryRenderer());
  try {
    return await pack(app, out, { ...options, renderer });
  } finally {
    if (!options.renderer) renderer.close();
  }
}

async function pack(app: Application, target: string | ((packId: string) => string), options: PackOptions & { renderer: SummaryRenderer }): Promise<PackResult> {
  if (typeof target === 'string') await assertWritableTarget(target, app.root);
  const draft = options.draft === true;
  const plan = await planPack(app, { date: options.date, draft, software: options.software, renderer: options.renderer });
  const out = typeof target === 'string' ? target : target(plan.packId);
  if (typeof target !== 'string') await assertWritableTarget(out, app.root);
  let done = 0;
  options.onProgress?.(0, plan.payloadBytes);
  const zipBytes = await writePack(plan, out, {
    ...options,
    onBytes: (bytes) => options.onProgress?.((done += bytes), plan.payloadBytes),
  });
  // A draft goes to the senior leader to sign: its manifest lets `signoff add` say what changed since.
  const manifest = plan.entries.find((entry) => entry.name === BAG_FILES.manifest);
  if (draft && manifest?.kind === 'bytes') await keepDraftManifest(app.root, manifest.bytes.toString('utf8'));
  return {
    out,
    name: plan.name,
    packId: plan.packId,
    draft,
    payloadFiles: plan.payloadFiles,
    payloadBytes: plan.payloadBytes,
    zipBytes,
    findings: plan.result.findings,
    summaryWarnings: await plan.summaryWarnings,
  };
}
