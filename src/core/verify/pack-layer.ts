import { readApplicationData } from '../application/load.js';
import { RESULTS_FILE } from '../assess/files.js';
import type { ApplicationData } from '../application/types.js';
import { isPayloadPath } from '../bag/bag-paths.js';
import { infoValues } from '../bag/info-lines.js';
import { applicationLines, oneLine } from '../bag/application-lines.js';
import { BAG_FILES } from '../bag/layout.js';
import { isLitter } from '../bag/litter.js';
import type { BagValidation } from '../bag/validate-bag.js';
import { ROLES } from '../domain.js';
import { findingAt, type Finding } from '../findings.js';
import { checkSignatures, type TrustedKey } from './signature-check.js';
import type { SignatureVerdict } from './types.js';

const APPLICATION = 'data/svmc.yaml';
const ASSESSMENT = `data/${RESULTS_FILE}`;

/** Every tag file `svmc pack` writes: any other is a failure, as nothing signed vouches for it. */
const PACK_TAG_FILES = new Set<string>([
  ...Object.values(BAG_FILES),
  ...ROLES.flatMap((role) => [`signatures/${role}.minisig`, `signatures/${role}.pub`]),
]);

/** The files the svmc layer reads whole (to check them, or to render the documents again), and up to how many bytes. */
export function packFileLimit(path: string): number {
  if (path === APPLICATION || path === ASSESSMENT) return 16 * 1024 * 1024;
  if (path === BAG_FILES.summary || path === BAG_FILES.form || path === BAG_FILES.review) return 256 * 1024 * 1024;
  return path.startsWith('signatures/') ? 64 * 1024 : 0;
}

export interface PackLayer {
  findings: Finding[];
  signatures: SignatureVerdict[];
  draft: boolean;
  /** data/svmc.yaml, when it is an application. */
  data?: ApplicationData;
}

/**
 * What makes a valid bag an svmc submission pack: data/svmc.yaml, both sign-offs over
 * manifest-sha256.txt, summary.pdf covered by the tag manifest, no tag file svmc does not write,
 * and bag-info.txt's lines agreeing with the signed svmc.yaml (bag-info.txt itself is not signed).
 */
export function checkPackLayer(bag: BagValidation, text: (path: string) => string | undefined, trusted: TrustedKey[]): PackLayer {
  const findings: Finding[] = [];
  const files = bag.reading.source.files;
  const draft = infoValues(bag.info, 'SVMC-Draft').includes('true');
  if (!files.has(APPLICATION) && !files.has(BAG_FILES.summary) && !files.has('signatures/lead.minisig')) {
    findings.push(findingAt('NOT_A_PACK', APPLICATION, 'missing: the bag is not an svmc submission pack (there is no data/svmc.yaml, summary.pdf or sign-off)'));
    return { findings, signatures: [], draft };
  }
  const data = applicationIn(text, findings);
  const signatures = checkSignatures(text, data, trusted, draft, findings);
  checkSummary(bag, files, findings);
  const tagManifest = bag.tagListings.get(BAG_FILES.tagManifest);
  for (const path of files.keys()) {
    if (isPayloadPath(path) || isLitter(path) || path === BAG_FILES.tagManifest) continue;
    if (!PACK_TAG_FILES.has(path)) findings.push(findingAt('FILE_EXTRA', path, 'a tag file that svmc pack never writes: nothing signed vouches for it'));
    else if (tagManifest && !tagManifest.has(path)) findings.push(findingAt('BAG_INVALID', path, `not listed in ${BAG_FILES.tagManifest}, which lists every tag file of a pack`));
  }
  if (!files.has(BAG_FILES.tagManifest)) findings.push(findingAt('BAG_INVALID', BAG_FILES.tagManifest, 'missing: a pack lists its tag files in it'));
  if (!files.has(BAG_FILES.info)) findings.push(findingAt('BAG_INVALID', BAG_FILES.info, 'missing: a pack describes itself in it'));
  else if (data) compareInfo(bag.info, data, findings);
  return { findings, signatures, draft, ...(data ? { data } : {}) };
}

function applicationIn(text: (path: string) => string | undefined, findings: Finding[]): ApplicationData | undefined {
  const yaml = text(APPLICATION);
  if (yaml === undefined) {
    findings.push(findingAt('FILE_MISSING', APPLICATION, 'missing, or too large to read: a pack carries the application in it'));
    return undefined;
  }
  // Read as check reads it: line by line when it can be, and the yaml library need not load.
  const { data } = readApplicationData('data', APPLICATION, { text: yaml });
  if (!data?.applicant || !data.application) findings.push(findingAt('BAG_INVALID', APPLICATION, 'it is not an svmc application: it has no applicant or application'));
  return data?.applicant && data.application ? data : undefined;
}

function checkSummary(bag: BagValidation, files: ReadonlyMap<string, number>, findings: Finding[]): void {
  const summary = bag.reading.contents.get(BAG_FILES.summary);
  if (!files.has(BAG_FILES.summary)) findings.push(findingAt('SUMMARY_MISSING', BAG_FILES.summary, 'missing: the pack has no PDF summary'));
  else if (summary && !summary.subarray(0, 5).equals(Buffer.from('%PDF-'))) findings.push(findingAt('SUMMARY_MISSING', BAG_FILES.summary, 'it is not a PDF (it does not start with %PDF-)'));
  else if (!bag.tagListings.get(BAG_FILES.tagManifest)?.has(BAG_FILES.summary)) {
    findings.push(findingAt('SUMMARY_MISSING', BAG_FILES.summary, `not covered by ${BAG_FILES.tagManifest}: nothing vouches for it`));
  }
}

/** bag-info.txt restates the signed svmc.yaml: a line that says otherwise was rewritten. */
function compareInfo(info: [string, string][], data: ApplicationData, findings: Finding[]): void {
  for (const [label, expected] of applicationLines(data)) {
    const given = infoValues(info, label);
    const want = expected === undefined ? '' : oneLine(expected);
    if (want === '' && given.length === 0) continue;
    if (given.length !== 1 || given[0] !== want) {
      const says = given.length === 0 ? 'has no such line' : `says "${given.join('", "')}"`;
      findings.push(findingAt('BAG_INFO_MISMATCH', BAG_FILES.info, `its ${label} ${says}, but the signed data/svmc.yaml gives "${want}"`));
    }
  }
}
