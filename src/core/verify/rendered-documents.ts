import { openApplication } from '../application/open.js';
import type { ApplicationData } from '../application/types.js';
import { BAG_FILES } from '../bag/layout.js';
import { applicationLines } from '../bag/application-lines.js';
import { infoValues } from '../bag/info-lines.js';
import type { BagValidation } from '../bag/validate-bag.js';
import { checkApplication } from '../check/check-application.js';
import { ROLES } from '../domain.js';
import { findingAt, type Finding } from '../findings.js';
import { renderFormDocx } from '../form/docx.js';
import { renderReviewPage } from '../form/review-page.js';
import { parseManifest } from '../manifest/format.js';
import { SVMC_VERSION } from '../package-root.js';
import { bagInfo, packId } from '../bag/pack-info.js';
import { feeOf } from '../fee/fee-if-known.js';
import { buildSummaryInput } from '../pdf/summary-input.js';
import type { SummaryRenderer } from '../pdf/summary-renderer.js';
import type { SignoffSummary, SummaryInput } from '../pdf/types.js';
import { layOutPayload } from './payload-layout.js';
import type { SignatureVerdict } from './types.js';

const SOFTWARE = `svmc ${SVMC_VERSION}`;

/** The documents svmc renders from the signed data; each must be what rendering it again gives. */
const RENDERED = [BAG_FILES.summary, BAG_FILES.form, BAG_FILES.review] as const;

export interface SignedPack {
  bag: BagValidation;
  /** data/svmc.yaml, as the sign-offs cover it. */
  data: ApplicationData;
  signatures: SignatureVerdict[];
  draft: boolean;
}

/**
 * Tag files are not signed, so each rendered one is proved by rendering it again from what is:
 * the application in data/ checked as `svmc pack` checked it, at the pack's time, with the
 * sign-offs as verified. A pack made by another svmc version cannot be rendered the same way:
 * that is a warning that says so, not a verdict.
 */
export async function confirmRenderedDocuments(pack: SignedPack, renderer: SummaryRenderer): Promise<Finding[]> {
  const { bag } = pack;
  const packTime = new Date(infoValues(bag.info, 'SVMC-Pack-Time')[0] ?? 'none');
  const software = infoValues(bag.info, 'Bag-Software-Agent')[0];
  if (software !== SOFTWARE || Number.isNaN(packTime.getTime())) {
    const why = software === SOFTWARE ? 'it does not record the time it was packed' : `it was made by ${software ?? 'an unknown tool'}, and this is ${SOFTWARE}`;
    return [unconfirmed(why)];
  }
  const layout = await layOutPayload(bag.reading.source.files, bag.reading.contents);
  try {
    const app = await openApplication(layout.folder, { scanContents: false });
    const { result, document } = await checkApplication(app, { now: packTime, skipSignoffs: true, asPacked: true });
    if (!document?.catalogue) return [unconfirmed(`its criteria catalogue (${pack.data.catalogue ?? 'none named'}) is not one this svmc ships`)];
    const manifestText = bag.reading.contents.get(BAG_FILES.manifest)?.toString('utf8') ?? '';
    const entries = [...parseManifest(manifestText)].map(([path, sha256]) => ({ path, sha256, size: bag.reading.source.files.get(`data/${path}`) ?? 0 }));
    const fee = feeOf(pack.data);
    const input = await buildSummaryInput({
      dir: layout.folder, data: pack.data, result, signoffs: signoffSummaries(pack), entries,
      packId: packId(manifestText, packTime), date: packTime, draft: pack.draft, ...(fee ? { fee } : {}),
    });
    const info = bagInfo({
      ...input,
      payloadBytes: entries.reduce((sum, entry) => sum + entry.size, 0),
      payloadFiles: entries.length,
      catalogue: result.catalogue?.id ?? pack.data.catalogue ?? '',
      software: SOFTWARE,
    });
    const rendered = await renderAgain(input, renderer);
    const changed = RENDERED.filter((name) => !sameBytes(bag.reading.contents.get(name), rendered[name])).map(altered);
    return [...changed, ...infoDifferences(bag.info, info, new Set(applicationLines(pack.data).map(([label]) => label)))];
  } finally {
    await layout.close();
  }
}

async function renderAgain(input: SummaryInput, renderer: SummaryRenderer): Promise<Record<(typeof RENDERED)[number], Uint8Array>> {
  const [summary, form] = await Promise.all([renderer.render(input), renderFormDocx(input)]);
  return {
    [BAG_FILES.summary]: summary.bytes,
    [BAG_FILES.form]: form,
    [BAG_FILES.review]: Buffer.from(renderReviewPage(input)),
  };
}

/** The sign-offs as the pack's summary shows them: verified ones with their key and time, none in a draft. */
function signoffSummaries({ data, signatures, draft }: SignedPack): SignoffSummary[] {
  return ROLES.map((role) => {
    const person = data.representatives?.[role];
    const summary: SignoffSummary = { role, name: person?.name ?? '', jobTitle: person?.role, status: draft ? 'draft' : 'verified' };
    const verdict = signatures.find((s) => s.role === role);
    if (draft || !verdict) return summary;
    if (verdict.keyId !== undefined) summary.keyId = verdict.keyId;
    if (verdict.signedAt !== undefined) summary.signedAt = new Date(verdict.signedAt).toISOString();
    return summary;
  });
}

const sameBytes = (given: Buffer | undefined, expected: Uint8Array): boolean => given?.equals(expected) === true;

const altered = (name: string): Finding =>
  findingAt('SUMMARY_ALTERED', name, 'it differs from the one rendered again from the signed data/svmc.yaml, manifest and sign-offs: it was changed after packing, so it may show what no one signed');

/**
 * bag-info.txt against the one the signed data gives, label by label; the labels that restate
 * svmc.yaml are compared already (for packs of any svmc version), so `skip` leaves them out.
 */
function infoDifferences(given: [string, string][], expectedText: string, skip: ReadonlySet<string>): Finding[] {
  const expected = expectedText.split('\n').filter(Boolean).map((line): [string, string] => {
    const at = line.indexOf(': ');
    return [line.slice(0, at), line.slice(at + 2)];
  });
  const labels = new Set([...expected, ...given].map(([label]) => label).filter((label) => !skip.has(label)));
  const findings: Finding[] = [];
  for (const label of labels) {
    const want = infoValues(expected, label);
    const have = infoValues(given, label);
    if (want.join('\n') === have.join('\n')) continue;
    const says = have.length === 0 ? 'has no such line' : `says "${have.join('", "')}"`;
    const gives = want.length === 0 ? 'give no such line' : `give "${want.join('", "')}"`;
    findings.push(findingAt('BAG_INFO_MISMATCH', BAG_FILES.info, `its ${label} ${says}, but the signed data and the pack time ${gives}`));
  }
  return findings;
}

const unconfirmed = (why: string): Finding =>
  findingAt('SUMMARY_UNCONFIRMED', BAG_FILES.summary, `could not be confirmed to show exactly the signed data: ${why}; read the application from data/svmc.yaml`);
