import { stat } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { findingAt, type Finding } from '../findings.js';
import { FileReadError, openRegularFile } from '../fs/read-file.js';
import { asUsageError } from '../fs/system-errors.js';
import { openFolderBag } from '../bag/folder-source.js';
import { infoValues } from '../bag/info-lines.js';
import type { BagSource } from '../bag/source.js';
import { validateBag, type BagValidation } from '../bag/validate-bag.js';
import { decodeTagText } from '../bag/tag-text.js';
import { parsePublicKey } from '../signing/keys.js';
import { MinisignFormatError } from '../signing/minisign-format.js';
import { openZipBag } from '../zip/zip-source.js';
import { parallelHasher } from '../fs/parallel-hash.js';
import { byImportance } from './importance.js';
import { checkPackLayer, packFileLimit } from './pack-layer.js';
import { startSummaryRenderer } from '../pdf/summary-renderer.js';
import type { TrustedKey } from './signature-check.js';
import type { BagSummary, VerifyOptions, VerifyResult } from './types.js';

/**
 * The assessor's check of one PATH: a zip holding a bag (read in place and treated as hostile) or
 * a bag folder. The verdict rests on the bag's content: BagIt validity, then (unless `bagitOnly`)
 * the svmc layer. Throws UsageError only when PATH does not exist or cannot be read.
 */
export async function verifyPack(path: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  const trusted = parseTrusted(options.trust ?? []);
  const info = await stat(path).catch((error: unknown) => Promise.reject(asUsageError(error, `cannot read ${path}`)));
  if (info.isDirectory()) {
    const { source, findings } = await openFolderBag(path);
    return judge(path, source, findings, options, trusted);
  }
  let handle: Awaited<ReturnType<typeof openRegularFile>>;
  try {
    handle = await openRegularFile(path);
  } catch (error) {
    throw error instanceof FileReadError ? new UsageError(error.message) : asUsageError(error, `cannot read ${path}`);
  }
  // Two, as the payload is read two entries at a time: this thread is left free to render.
  const hasher = parallelHasher(2);
  try {
    const zip = await openZipBag(handle, (await handle.stat()).size, { maxTotal: options.maxTotalBytes, hasher });
    const notes = zip.repacked ? [findingAt('ZIP_REPACKED', '(zip)', `re-packed by another tool (${zip.repacked}); the content is judged, not the container`)] : [];
    if (!zip.source) return finish(emptyResult(path, 'zip', options), zip.findings, options);
    return await judge(path, zip.source, [...zip.findings, ...notes], options, trusted);
  } finally {
    await hasher.close();
    await handle.close();
  }
}

/**
 * The documents are rendered again while the payload is hashed: from the tag files and
 * data/svmc.yaml, which are read first, and summary.pdf on a worker thread (for a 1 GiB pack,
 * rendering after the hashing added 0.6 s). What it finds counts only for a pack found intact.
 */
async function judge(path: string, source: BagSource, found: Finding[], options: VerifyOptions, trusted: TrustedKey[]): Promise<VerifyResult> {
  const renderer = options.bagitOnly ? undefined : await startSummaryRenderer();
  let confirming: Promise<Finding[]> | undefined;
  const renderAgain = (tags: BagValidation): void => {
    const layer = checkPackLayer(tags, textIn(tags), trusted);
    // A pack its tag files already show broken (a bad sign-off, a rewritten bag-info.txt) is not rendered.
    if (!renderer || !layer.data || layer.findings.some(isFailure)) return;
    const pack = { bag: tags, data: layer.data, signatures: layer.signatures, draft: layer.draft };
    // The renderers load only for a pack that holds an application.
    confirming = import('./rendered-documents.js').then(({ confirmRenderedDocuments }) => confirmRenderedDocuments(pack, renderer));
    // Awaited once the bag is judged; a failure meanwhile must not end the process.
    confirming.catch(() => undefined);
  };
  try {
    const bag = await validateBag(source, options.bagitOnly ? {} : { keep: packFileLimit, onTags: renderAgain });
    const result = emptyResult(path, source.container, options);
    result.bag = summarise(source, bag);
    result.contents = bag.reading.contents;
    const findings = [...found, ...bag.findings];
    if (!options.bagitOnly && (source.files.has('bagit.txt') || bag.manifests.length > 0)) {
      const layer = checkPackLayer(bag, textIn(bag), trusted);
      findings.push(...layer.findings);
      result.signatures = layer.signatures;
      result.bag.draft = layer.draft;
      // Only an intact pack is worth rendering again: any other failure already makes it invalid.
      if (confirming && !findings.some(isFailure)) findings.push(...(await confirming));
    }
    return finish(result, findings, options);
  } finally {
    // A pack found broken needs no rendering: stopped, and waited for so that its scratch folder goes.
    renderer?.close();
    await confirming?.catch(() => undefined);
  }
}

const isFailure = (f: Finding): boolean => f.severity === 'error' && f.code !== 'PACK_DRAFT';

/** A kept tag file's text, as the svmc layer reads it (a pack's tag files are UTF-8). */
function textIn(bag: BagValidation): (file: string) => string | undefined {
  return (file) => {
    const bytes = bag.reading.contents.get(file);
    const decoded = bytes && decodeTagText(bytes, 'UTF-8');
    return decoded && 'text' in decoded ? decoded.text : undefined;
  };
}

function finish(result: VerifyResult, findings: Finding[], options: VerifyOptions): VerifyResult {
  result.findings = byImportance(findings);
  result.valid = !result.findings.some((f) => f.severity === 'error' || (options.strict === true && f.severity === 'warning'));
  return result;
}

function summarise(source: BagSource, bag: BagValidation): BagSummary {
  const oxum = infoValues(bag.info, 'Payload-Oxum')[0];
  return {
    ...(source.name !== undefined ? { name: source.name } : {}),
    ...(bag.version !== undefined ? { bagitVersion: bag.version } : {}),
    ...(bag.encoding !== undefined ? { encoding: bag.encoding } : {}),
    payloadFiles: bag.payloadFiles,
    payloadBytes: bag.payloadBytes,
    manifests: bag.manifests,
    tagManifests: bag.tagManifests,
    ...(oxum !== undefined ? { payloadOxum: oxum } : {}),
    draft: false,
    info: Object.fromEntries(bag.info),
  };
}

function emptyResult(path: string, container: 'zip' | 'folder', options: VerifyOptions): VerifyResult {
  return {
    valid: false,
    pack: path,
    container,
    bagitOnly: options.bagitOnly === true,
    bag: { payloadFiles: 0, payloadBytes: 0, manifests: [], tagManifests: [], draft: false, info: {} },
    signatures: [],
    findings: [],
    contents: new Map(),
  };
}

function parseTrusted(trust: { file: string; text: string }[]): TrustedKey[] {
  return trust.map(({ file, text }) => {
    try {
      return { file, key: parsePublicKey(text) };
    } catch (error) {
      if (error instanceof MinisignFormatError) throw new UsageError(`--trust ${file}: ${error.message}`);
      throw error;
    }
  });
}
