import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { crc32, createInflateRaw } from 'node:zlib';
import { readChunks } from '../fs/read-chunks.js';
import * as Z from './format.js';
import { Readable } from 'node:stream';
import type { ZipEntry } from './central-directory.js';

export interface EntryDigest {
  sha256: string;
  size: number;
  /** The first `keep` bytes of the content, for tag files read as text. */
  head: Buffer;
  /** Why the content cannot be trusted (bad CRC, damaged data, wrong size); undefined when sound. */
  problem?: string;
}

/**
 * Where an entry's data starts, and its whole local header, after checking the header agrees with
 * the central directory; or why it cannot be read.
 */
export async function dataOffset(handle: FileHandle, entry: ZipEntry, nameBytes: number): Promise<{ start: number; local: Buffer } | string> {
  const header = Buffer.alloc(Z.LOCAL_HEADER_SIZE);
  const { bytesRead } = await handle.read(header, 0, header.length, entry.offset);
  if (bytesRead !== header.length || header.readUInt32LE(0) !== Z.LOCAL_HEADER) return 'its local header is missing or damaged';
  if (header.readUInt16LE(8) !== entry.method) return 'its local header names another compression method';
  if ((header.readUInt16LE(6) & (Z.FLAG_ENCRYPTED | Z.FLAG_STRONG_ENCRYPTION)) !== 0) return 'it is encrypted';
  const nameLength = header.readUInt16LE(26);
  if (nameLength !== nameBytes) return 'its local header names another file';
  const name = Buffer.alloc(nameLength);
  await handle.read(name, 0, nameLength, entry.offset + Z.LOCAL_HEADER_SIZE);
  if (name.toString('utf8') !== entry.name && name.toString('latin1') !== entry.name) return 'its local header names another file';
  const extra = Buffer.alloc(header.readUInt16LE(28));
  await handle.read(extra, 0, extra.length, entry.offset + Z.LOCAL_HEADER_SIZE + nameLength);
  return { start: entry.offset + Z.LOCAL_HEADER_SIZE + nameLength + extra.length, local: Buffer.concat([header, name, extra]) };
}

/**
 * Streams an entry's data straight from the zip, inflating it in memory, hashing as it goes and
 * stopping as soon as it passes its declared size: nothing is ever written anywhere.
 */
export async function digestEntry(handle: FileHandle, entry: ZipEntry, start: number, keep: number): Promise<EntryDigest> {
  const hash = createHash('sha256');
  const kept: Buffer[] = [];
  let keptBytes = 0;
  let size = 0;
  let crc = 0;
  let problem: string | undefined;
  const take = (chunk: Buffer): boolean => {
    size += chunk.length;
    if (size > entry.size) {
      problem = 'it inflates past its declared size';
      return false;
    }
    hash.update(chunk);
    crc = crc32(chunk, crc);
    if (keptBytes < keep) {
      kept.push(chunk.subarray(0, keep - keptBytes));
      keptBytes += Math.min(chunk.length, keep - keptBytes);
    }
    return true;
  };
  const raw = readChunks(handle, start, start + entry.compressedSize);
  try {
    if (entry.method === Z.METHOD_STORED) {
      for await (const chunk of raw) if (!take(chunk)) break;
    } else {
      const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
      const input = Readable.from(raw);
      input.on('error', (error) => inflate.destroy(error));
      input.pipe(inflate);
      try {
        for await (const chunk of inflate as AsyncIterable<Buffer>) if (!take(chunk)) break;
      } finally {
        input.destroy();
        inflate.destroy();
      }
    }
  } catch (error) {
    problem ??= `its compressed data is damaged (${(error as Error).message})`;
  }
  if (!problem && size !== entry.size) problem = `it holds ${size} bytes, not the ${entry.size} its header declares`;
  if (!problem && crc >>> 0 !== entry.crc) problem = 'its CRC-32 does not match: the entry is damaged or was altered';
  return { sha256: hash.digest('hex'), size, head: Buffer.concat(kept), ...(problem ? { problem } : {}) };
}
