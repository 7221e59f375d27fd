import type { Finding } from '../findings.js';
import type { Application } from '../application/open.js';
import { checkApplication } from '../check/check-application.js';
import type { ApplicationResult } from '../check/types.js';
import { feeOf } from '../fee/fee-if-known.js';

import { buildManifest } from '../manifest/build-manifest.js';
import { BAG_FILES, BAGIT_TXT, tagManifest } from '../bag/layout.js';
import { bagInfo, packId } from '../bag/pack-info.js';
import { PackRefusedError } from './errors.js';
import { packName } from './pack-name.js';
import { packSignoffs } from './signoffs.js';
import { buildSummaryInput } from '../pdf/summary-input.js';
import { renderFormDocx } from '../form/docx.js';
import { renderReviewPage } from '../form/review-page.js';
import { inProcessRenderer, type SummaryRenderer } from '../pdf/summary-renderer.js';

export type PlannedEntry =
  | { name: string; kind: 'bytes'; bytes: Buffer }
  /** Made while the payload streams (summary.pdf and the tag manifest over it): they sort after data/. */
  | { name: string; kind: 'later'; bytes: Promise<Buffer> }
  | { name: string; kind: 'file'; path: string; relative: string; size: number; sha256: string };

/** Everything a pack holds, decided before a byte of the zip is written. */
export interface PackPlan {
  /** The bag's folder name inside the zip. */
  name: string;
  packId: string;
  /** Relative to the bag, in the zip's order (UTF-8 byte order). */
  entries: PlannedEntry[];
  payloadBytes: number;
  payloadFiles: number;
  draft: boolean;
  result: ApplicationResult;
  /** The summary's rendering warnings, known once summary.pdf is. */
  summaryWarnings: Promise<Finding[]>;
}

export interface PlanOptions {
  date: Date;
  draft: boolean;
  software: string;
  /** Where summary.pdf is rendered; default: on this thread. */
  renderer?: SummaryRenderer;
}

/** Checks the application (the sign-offs against the manifest the pack will hold), starts the summary's rendering and lays out the bag. */
export async function planPack(app: Application, options: PlanOptions): Promise<PackPlan> {
  const { date, draft } = options;
  const { dir } = app;
  const outcome = await checkApplication(app, { now: date, skipSignoffs: draft });
  const { result } = outcome;
  const errors = result.findings.filter((f) => f.severity === 'error');
  const unreadable = errors.some((f) => f.code === 'YAML_SYNTAX' || f.code === 'SCHEMA_VIOLATION');
  // A draft travels too: a secret or a name that cannot be unzipped elsewhere stops it as surely as a pack.
  const unfit = errors.filter((f) => DRAFT_BLOCKERS.has(f.code));
  if (draft && unfit.length > 0) {
    throw new PackRefusedError(`cannot pack ${dir}: even a draft may not carry a secret or a file name that cannot travel`, unfit);
  }
  if (errors.length > 0 && (!draft || unreadable)) {
    const why = draft ? 'even a draft needs a readable svmc.yaml' : 'the application has errors (use --draft for an unsigned draft)';
    throw new PackRefusedError(`cannot pack ${dir}: ${why}`, errors);
  }
  const { document } = outcome;
  const data = document?.data;
  if (!document || !data) throw new PackRefusedError(`cannot pack ${dir}: svmc.yaml cannot be read`, result.findings);
  const manifest = outcome.manifest ?? (await buildManifest(app.folder, document.referenced));
  const signoffs = packSignoffs(data, outcome.signoffs ?? []);

  const payload: PlannedEntry[] = [];
  for (const entry of manifest.entries) {
    const file = app.folder.locate(entry.path);
    if (file.kind !== 'found') throw new PackRefusedError(`cannot pack ${dir}: ${entry.path} has gone`, []);
    const name = `data/${entry.path}`;
    payload.push({ name, kind: 'file', path: file.real, relative: entry.path, size: entry.size, sha256: entry.sha256 });
  }
  const payloadBytes = manifest.entries.reduce((sum, entry) => sum + entry.size, 0);
  const id = packId(manifest.text, date);
  const fee = feeOf(data);
  // The documents show the application as the pack holds it, so verify can render them again from the pack alone.
  const { result: packed } = await checkApplication(app, { now: date, skipSignoffs: true, asPacked: true });
  const summaryInput = await buildSummaryInput({
    dir: app.root, data, result: packed, signoffs: signoffs.summaries, entries: manifest.entries, packId: id, date, draft, ...(fee ? { fee } : {}),
  });
  const pdf = (options.renderer ?? inProcessRenderer()).render(summaryInput);
  const info = bagInfo({
    data, date, draft, packId: id, payloadBytes, payloadFiles: payload.length, software: options.software,
    catalogue: result.catalogue?.id ?? data.catalogue ?? '',
    ...(fee ? { fee } : {}),
  });
  const tags = [
    { name: BAG_FILES.declaration, bytes: Buffer.from(BAGIT_TXT) },
    { name: BAG_FILES.info, bytes: Buffer.from(info) },
    { name: BAG_FILES.manifest, bytes: Buffer.from(manifest.text) },
    ...signoffs.files,
  ];
  const summary = pdf.then(({ bytes }) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const form = renderFormDocx(summaryInput);
  const review = { name: BAG_FILES.review, bytes: Buffer.from(renderReviewPage(summaryInput)) };
  const tagFile = Promise.all([summary, form]).then(([pdfBytes, docx]) =>
    Buffer.from(tagManifest([...tags, review, { name: BAG_FILES.summary, bytes: pdfBytes }, { name: BAG_FILES.form, bytes: docx }])),
  );
  const entries: PlannedEntry[] = [
    ...[...tags, review].map((t) => ({ ...t, kind: 'bytes' as const })),
    { name: BAG_FILES.summary, kind: 'later' as const, bytes: handled(summary) },
    { name: BAG_FILES.form, kind: 'later' as const, bytes: handled(form) },
    { name: BAG_FILES.tagManifest, kind: 'later' as const, bytes: handled(tagFile) },
    ...payload,
  ].sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
  const summaryWarnings = handled(pdf.then(({ warnings }) => warnings));
  return { name: packName(data, date), packId: id, entries, payloadBytes, payloadFiles: payload.length, draft, result, summaryWarnings };
}

const DRAFT_BLOCKERS = new Set<string>(['EVIDENCE_SECRET', 'EVIDENCE_NAME_UNPORTABLE']);

/** Awaited only once the payload is written; a pack that fails first must not report it as unhandled. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

