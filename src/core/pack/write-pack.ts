import { chmod, lstat, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isInside } from '../fs/inside.js';
import { UsageError } from '../errors.js';
import { finding } from '../findings.js';
import { existingMode, temporaryPathFor, writeError } from '../fs/atomic-write.js';
import { FileReadError } from '../fs/read-file.js';
import { asUsageError } from '../fs/system-errors.js';
import { chooseMethod } from './compression.js';
import { PackRefusedError } from './errors.js';
import { openFileSource } from './file-source.js';
import { parallelHasher, type ParallelHasher } from '../fs/parallel-hash.js';
import { payloadBuffer } from './payload-buffer.js';
import type { PackPlan, PlannedEntry } from './plan.js';
import { ZipWriter } from '../zip/writer.js';

export interface WritePackOptions {
  date: Date;
  signal?: AbortSignal;
  /** Called as payload bytes go into the zip. */
  onBytes?: (bytes: number) => void;
  /** Called with the temporary file's path as soon as it exists, so a caller can remove it on a signal. */
  onTemporary?: (path: string) => void;
  forceZip64?: boolean;
}

type StreamOptions = WritePackOptions & { buffer: Buffer; hasher: ParallelHasher };

/**
 * Fails early, before any work, when the pack could never be written where asked, or would be
 * written into the application folder `root` (a real path): a pack never changes the folder.
 */
export async function assertWritableTarget(out: string, root?: string): Promise<void> {
  const folder = await realpath(dirname(out)).catch(() => undefined);
  if (!folder || !(await stat(folder)).isDirectory()) throw new UsageError(`cannot write ${out}: folder ${dirname(out)} does not exist`);
  if (root !== undefined && isInside(root, join(folder, basename(out)))) {
    throw new UsageError(`cannot write ${out}: it lies inside the application folder, and a pack never changes the folder; write it outside`);
  }
  const existing = await lstat(out).catch(() => undefined);
  if (existing?.isDirectory()) throw new UsageError(`cannot write ${out}: it is a folder`);
  if (existing && !existing.isFile()) throw new UsageError(`cannot write ${out}: it is not a regular file`);
}

/**
 * Writes the planned bag as a zip at `out`, through a temporary file beside it that is renamed
 * only once complete: a failure or an abort leaves `out` as it was. Returns the zip's size.
 */
export async function writePack(plan: PackPlan, out: string, options: WritePackOptions): Promise<number> {
  const temporary = temporaryPathFor(out);
  let writer: ZipWriter;
  try {
    writer = await ZipWriter.create(temporary, { date: options.date, forceZip64: options.forceZip64 ?? false });
  } catch (error) {
    throw writeError(error, out);
  }
  options.onTemporary?.(temporary);
  let closed = false;
  // Two workers, so that a large file is hashed while the next is written.
  const hasher = parallelHasher(2);
  try {
    const buffer = payloadBuffer();
    const unchanged: (() => Promise<void>)[] = [];
    for (const entry of plan.entries) {
      options.signal?.throwIfAborted();
      const confirm = await addEntry(writer, `${plan.name}/${entry.name}`, entry, plan.draft, { ...options, buffer, hasher });
      if (confirm) unchanged.push(confirm);
    }
    for (const confirm of unchanged) {
      options.signal?.throwIfAborted();
      await confirm();
    }
    options.signal?.throwIfAborted();
    const size = await writer.finish();
    await writer.close();
    closed = true;
    // A pack replacing one keeps its mode: a 0600 pack of private evidence must not become world-readable.
    const mode = await existingMode(out);
    if (mode !== undefined) await chmod(temporary, mode);
    await rename(temporary, out);
    return size;
  } catch (error) {
    if (!closed) await writer.close().catch(() => undefined);
    await rm(temporary, { force: true });
    // A full disk or a file size limit while the temporary file grows is about `out`, the user's file.
    throw writeError(error, out);
  } finally {
    await hasher.close();
  }
}

/**
 * Writes one entry. A file whose hash a worker takes is judged later, by the check returned, so
 * that the next file is written meanwhile; every other file is judged before this returns.
 */
async function addEntry(
  writer: ZipWriter,
  name: string,
  entry: PlannedEntry,
  draft: boolean,
  options: StreamOptions,
): Promise<(() => Promise<void>) | undefined> {
  if (entry.kind !== 'file') {
    const bytes = await entry.bytes;
    await writer.addBuffer(name, bytes, chooseMethod(name, bytes));
    return undefined;
  }
  const source = await openFileSource(entry.path, name, { ...options, expectedSize: entry.size }).catch((error: unknown) => {
    throw error instanceof FileReadError ? new UsageError(`cannot pack ${entry.relative}: ${error.message}`) : asUsageError(error, `cannot read ${entry.relative}`);
  });
  try {
    await source.writeTo(writer, name, entry.size);
  } finally {
    await source.close();
  }
  const confirm = async (): Promise<void> => refuseIfChanged(entry, draft, await source.digest());
  if (source.hashedElsewhere) return confirm;
  await confirm();
  return undefined;
}

function refuseIfChanged(entry: PlannedEntry & { kind: 'file' }, draft: boolean, { sha256, size }: { sha256: string | undefined; size: number }): void {
  if (sha256 !== entry.sha256 || size !== entry.size) {
    const message = draft
      ? `${entry.relative} changed while the pack was being made: run svmc pack again`
      : `${entry.relative} no longer matches the signed manifest: it changed after signing; check it, then both representatives sign again, each with \`svmc sign --as lead|senior --key PATH\` (or the key's text in SVMC_SIGNING_KEY)`;
    throw new PackRefusedError(`pack aborted: ${entry.relative} changed`, [
      finding('SIGNOFF_STALE', message, { location: { file: entry.relative } }),
    ]);
  }
}
