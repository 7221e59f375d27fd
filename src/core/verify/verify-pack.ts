import type { FileHandle } from 'node:fs/promises';
import { FileReadError, READ_LIMITS, openRegularFile } from '../fs/read-file.js';
import { UsageError } from '../errors.js';
import { asUsageError } from '../fs/system-errors.js';
import { BAG_FILES } from '../bag/layout.js';
import { parsePublicKey } from '../signing/keys.js';
import { MinisignFormatError } from '../signing/minisign-format.js';
import { checkBag, type BagFiles } from './bag-check.js';
import { InvalidZipError, readCentralDirectory, UnreadableZipError } from '../zip/central-directory.js';
import { entriesWithOddDates, headerProblem } from '../zip/canonical.js';
import { dataOffset, digestEntry } from '../zip/entry-reader.js';
import { checkSignatures, type TrustedKey } from './signature-check.js';
import { inspectStructure } from './structure.js';
import { packFinding, type VerifyOptions, type VerifyProblem, type VerifyResult } from './types.js';

/** Tag files are read whole to be parsed; past this size one is not a tag file of a pack. */
const MAX_TAG_BYTES = 64 * 1024 * 1024;
const MAX_YAML_BYTES = READ_LIMITS.document;

function keepFor(name: string): number {
  if (name === 'data/svmc.yaml') return MAX_YAML_BYTES;
  if (name === BAG_FILES.summary) return 8;
  return name.startsWith('data/') ? 0 : MAX_TAG_BYTES;
}

/**
 * The assessor's check of a pack, treating the zip as hostile: its directory is judged before any
 * content is read, and content is read in place, inflated in memory, hashed and dropped.
 * Throws UsageError when the file cannot be read as a zip at all.
 */
export async function verifyPack(path: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  const trusted = parseTrusted(options.trust ?? []);
  let handle: FileHandle;
  try {
    handle = await openRegularFile(path);
  } catch (error) {
    throw error instanceof FileReadError ? new UsageError(error.message) : asUsageError(error, `cannot read ${path}`);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new UsageError(`${path} is not a file`);
    const directory = await readCentralDirectory(handle, stats.size).catch((error: unknown) => {
      if (error instanceof UnreadableZipError) throw new UsageError(`${path} is not a readable zip: ${error.message}`);
      if (error instanceof InvalidZipError) return error;
      throw error;
    });
    if (directory instanceof InvalidZipError) return damagedZip(path, directory.message);
    const { entries, directoryOffset } = directory;
    const layout = inspectStructure(entries, directoryOffset, options.maxTotalBytes);
    const result: VerifyResult = {
      valid: false,
      pack: path,
      bag: { ...(layout.name ? { name: layout.name } : {}), files: layout.files.size, payloadFiles: 0, payloadBytes: 0, draft: false, info: {} },
      signatures: [],
      findings: layout.problems,
    };
    if (layout.problems.length > 0) return result;
    const oddDates = new Set(entriesWithOddDates(entries));
    for (const [name, entry] of layout.files) {
      if (oddDates.has(entry)) result.findings.push(packFinding('ZIP_CHANGED', name, 'its date differs from the pack date of every other entry'));
    }
    const files: BagFiles = new Map();
    for (const [name, entry] of layout.files) {
      const located = await dataOffset(handle, entry, Buffer.byteLength(`${layout.name}/${name}`));
      if (typeof located === 'string') {
        result.findings.push(packFinding('ZIP_DAMAGED', name, located));
        continue;
      }
      const headers = headerProblem(entry, located.local);
      if (headers) result.findings.push(packFinding('ZIP_CHANGED', name, headers));
      const digest = await digestEntry(handle, entry, located.start, keepFor(name));
      if (digest.problem) result.findings.push(packFinding('ZIP_DAMAGED', name, digest.problem));
      else if (!name.startsWith('data/') && name !== BAG_FILES.summary && digest.size > MAX_TAG_BYTES) {
        result.findings.push(packFinding('ZIP_UNSAFE', name, `a tag file of ${digest.size} bytes is too large to be read`));
      }
      files.set(name, digest);
    }
    result.bag = { ...result.bag, ...checkBag(files, result.findings) };
    result.signatures = checkSignatures(files, trusted, result.bag.draft, result.findings);
    checkSummary(files, result.findings);
    result.valid = result.findings.length === 0;
    return result;
  } finally {
    await handle.close();
  }
}

function checkSummary(files: BagFiles, problems: VerifyProblem[]): void {
  const summary = files.get(BAG_FILES.summary);
  if (!summary) problems.push(packFinding('SUMMARY_MISSING', BAG_FILES.summary, 'missing: the pack has no PDF summary'));
  else if (!summary.head.toString('latin1').startsWith('%PDF-')) {
    problems.push(packFinding('SUMMARY_MISSING', BAG_FILES.summary, 'it is not a PDF (it does not start with %PDF-)'));
  }
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

/** A zip whose own records are damaged: not valid, naming the zip's structure as the file at fault. */
function damagedZip(path: string, problem: string): VerifyResult {
  return {
    valid: false,
    pack: path,
    bag: { files: 0, payloadFiles: 0, payloadBytes: 0, draft: false, info: {} },
    signatures: [],
    findings: [packFinding('ZIP_DAMAGED', '(zip directory)', problem)],
  };
}
