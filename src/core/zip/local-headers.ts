import type { FileHandle } from 'node:fs/promises';
import type { ZipEntry } from './central-directory.js';
import * as Z from './format.js';

const FLAG_DESCRIPTOR = 0x0008;
const DESCRIPTOR_SIGNATURE = 0x08074b50;

/** An entry with its bytes in the file found: local header, data and data descriptor. */
export interface LocatedEntry {
  entry: ZipEntry;
  /** Where its data starts. */
  dataStart: number;
  /** Where the entry ends: after its data, or after its data descriptor. */
  end: number;
  /** The whole local header, to compare with the one svmc writes. */
  local: Buffer;
  /** It carries a data descriptor (no svmc pack does). */
  descriptor: boolean;
}

export type Located = LocatedEntry | { entry: ZipEntry; code: 'ZIP_DAMAGED' | 'ZIP_UNSAFE'; problem: string };

/**
 * Reads an entry's local header and data descriptor and checks that they say what the central
 * directory says: the same name bytes, method, CRC and sizes. A streaming extractor reads only
 * these, so any disagreement would let it extract something that was never checked.
 */
export async function locateEntry(handle: FileHandle, entry: ZipEntry): Promise<Located> {
  const unsafe = (problem: string): Located => ({ entry, code: 'ZIP_UNSAFE', problem });
  const header = Buffer.alloc(Z.LOCAL_HEADER_SIZE);
  const { bytesRead } = await handle.read(header, 0, header.length, entry.offset);
  if (bytesRead !== header.length || header.readUInt32LE(0) !== Z.LOCAL_HEADER) return { entry, code: 'ZIP_DAMAGED', problem: 'its local header is missing or damaged' };
  const flags = header.readUInt16LE(6);
  if ((flags & (Z.FLAG_ENCRYPTED | Z.FLAG_STRONG_ENCRYPTION)) !== 0) return unsafe('it is encrypted');
  if (header.readUInt16LE(8) !== entry.method) return unsafe('its local header names another compression method than the zip directory');
  const rest = Buffer.alloc(header.readUInt16LE(26) + header.readUInt16LE(28));
  if ((await handle.read(rest, 0, rest.length, entry.offset + Z.LOCAL_HEADER_SIZE)).bytesRead !== rest.length) {
    return { entry, code: 'ZIP_DAMAGED', problem: 'its local header is cut short' };
  }
  const name = rest.subarray(0, header.readUInt16LE(26));
  if (!name.equals(entry.rawName)) return unsafe(`its local header names another file (${name.toString('utf8')}), which an extractor reading the zip from the start would write instead`);
  const local = Buffer.concat([header, rest]);
  const zip64 = localZip64(rest.subarray(name.length));
  const dataStart = entry.offset + local.length;
  const dataEnd = dataStart + entry.compressedSize;
  const descriptor = (flags & FLAG_DESCRIPTOR) !== 0;
  const crc32 = header.readUInt32LE(14);
  const compressed32 = header.readUInt32LE(18);
  const size32 = header.readUInt32LE(22);
  const size = size32 === Z.MAX_32 && zip64 ? zip64.size : size32;
  const compressed = compressed32 === Z.MAX_32 && zip64 ? zip64.compressedSize : compressed32;
  // With a data descriptor the local copies may be left as zeros; any other value must agree.
  const agrees = (value: number, expected: number): boolean => value === expected || (descriptor && value === 0);
  if (!agrees(crc32, entry.crc) || !agrees(size, entry.size) || !agrees(compressed, entry.compressedSize)) {
    return unsafe('its local header gives another CRC or size than the zip directory');
  }
  if (!descriptor) return { entry, dataStart, end: dataEnd, local, descriptor };
  const record = Buffer.alloc(24);
  const got = (await handle.read(record, 0, record.length, dataEnd)).bytesRead;
  const signed = got >= 4 && record.readUInt32LE(0) === DESCRIPTOR_SIGNATURE ? 4 : 0;
  const wide = zip64 !== undefined || entry.size >= Z.MAX_32 || entry.compressedSize >= Z.MAX_32;
  const length = signed + (wide ? 20 : 12);
  if (got < length) return { entry, code: 'ZIP_DAMAGED', problem: 'its data descriptor is cut short' };
  const crc = record.readUInt32LE(signed);
  const described = wide ? Number(record.readBigUInt64LE(signed + 12)) : record.readUInt32LE(signed + 8);
  const describedCompressed = wide ? Number(record.readBigUInt64LE(signed + 4)) : record.readUInt32LE(signed + 4);
  if (crc !== entry.crc || described !== entry.size || describedCompressed !== entry.compressedSize) return unsafe('its data descriptor gives another CRC or size than the zip directory');
  return { entry, dataStart, end: dataEnd + length, local, descriptor };
}

/** Sizes from a local header's ZIP64 field, when it has one. */
function localZip64(extra: Buffer): { size: number; compressedSize: number } | undefined {
  for (let at = 0; at + 4 <= extra.length; at += 4 + extra.readUInt16LE(at + 2)) {
    if (extra.readUInt16LE(at) === Z.ZIP64_EXTRA && extra.readUInt16LE(at + 2) >= 16 && at + 20 <= extra.length) {
      return { size: Number(extra.readBigUInt64LE(at + 4)), compressedSize: Number(extra.readBigUInt64LE(at + 12)) };
    }
  }
  return undefined;
}
