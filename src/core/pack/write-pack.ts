import { rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError } from '../errors.js';
import { finding } from '../findings.js';
import { temporaryPathFor } from '../fs/atomic-write.js';
import { chooseMethod } from './compression.js';
import { PackRefusedError } from './errors.js';
import { openFileSource } from './file-source.js';
import { payloadBuffer } from './payload-buffer.js';
import type { PackPlan, PlannedEntry } from './plan.js';
import { ZipWriter } from './zip-writer.js';

export interface WritePackOptions {
  date: Date;
  signal?: AbortSignal;
  /** Called as payload bytes go into the zip. */
  onBytes?: (bytes: number) => void;
  /** Called with the temporary file's path as soon as it exists, so a caller can remove it on a signal. */
  onTemporary?: (path: string) => void;
  forceZip64?: boolean;
}

type StreamOptions = WritePackOptions & { buffer: Buffer };

/** Fails early, before any work, when the pack could never be written where asked. */
export async function assertWritableTarget(out: string): Promise<void> {
  const folder = await stat(dirname(out)).catch(() => undefined);
  if (!folder?.isDirectory()) throw new UsageError(`cannot write ${out}: folder ${dirname(out)} does not exist`);
  if ((await stat(out).catch(() => undefined))?.isDirectory()) throw new UsageError(`cannot write ${out}: it is a folder`);
}

/**
 * Writes the planned bag as a zip at `out`, through a temporary file beside it that is renamed
 * only once complete: a failure or an abort leaves `out` as it was. Returns the zip's size.
 */
export async function writePack(plan: PackPlan, out: string, options: WritePackOptions): Promise<number> {
  await assertWritableTarget(out);
  const temporary = temporaryPathFor(out);
  let writer: ZipWriter;
  try {
    writer = await ZipWriter.create(temporary, { date: options.date, forceZip64: options.forceZip64 ?? false });
  } catch (error) {
    throw new UsageError(`cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  options.onTemporary?.(temporary);
  let closed = false;
  try {
    const buffer = payloadBuffer();
    for (const entry of plan.entries) {
      options.signal?.throwIfAborted();
      await addEntry(writer, `${plan.name}/${entry.name}`, entry, plan.draft, { ...options, buffer });
    }
    const size = await writer.finish();
    await writer.close();
    closed = true;
    await rename(temporary, out);
    return size;
  } catch (error) {
    if (!closed) await writer.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}

async function addEntry(
  writer: ZipWriter,
  name: string,
  entry: PlannedEntry,
  draft: boolean,
  options: StreamOptions,
): Promise<void> {
  if (entry.kind !== 'file') {
    const bytes = await entry.bytes;
    await writer.addBuffer(name, bytes, chooseMethod(name, bytes));
    return;
  }
  const source = await openFileSource(entry.path, name, options).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${entry.relative}: ${error.code ?? error.message}`);
  });
  try {
    await source.writeTo(writer, name, entry.size);
  } finally {
    await source.close();
  }
  const { sha256, size } = source.digest();
  if (sha256 !== entry.sha256 || size !== entry.size) {
    const message = draft
      ? `${entry.relative} changed while the pack was being made: run svmc pack again`
      : `${entry.relative} no longer matches the signed manifest: it changed after signing; check it, then both representatives sign again`;
    throw new PackRefusedError(`pack aborted: ${entry.relative} changed`, [
      finding('SIGNOFF_STALE', message, { location: { file: entry.relative } }),
    ]);
  }
}
