import type { FileHandle } from 'node:fs/promises';
import * as Z from './format.js';

/** A zip's central directory entry, read but not yet trusted. */
export interface ZipEntry {
  name: string;
  /** The raw name bytes could not be read as UTF-8. */
  badName: boolean;
  /** An Info-ZIP Unicode path field naming something else than the name itself. */
  unicodePathMismatch: boolean;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
  /** Unix file type bits, when the entry was made on a Unix host. */
  unixMode?: number;
  /** MS-DOS directory attribute. */
  dosDirectory: boolean;
  /** Modification time and date, MS-DOS format. */
  time: number;
  date: number;
  /** The name's bytes as the directory records them, to compare with the local header's. */
  rawName: Buffer;
  /** The raw central directory header, to compare with the one svmc would write. */
  central: Buffer;
}

/**
 * A zip that cannot be trusted as a whole (exit 1): damaged or cut short (`ZIP_DAMAGED`), or
 * built to show one reader something other than another (`ZIP_UNSAFE`).
 */
export class InvalidZipError extends Error {
  override name = 'InvalidZipError';
  constructor(
    readonly code: 'ZIP_DAMAGED' | 'ZIP_UNSAFE',
    message: string,
  ) {
    super(message);
  }
}

/** The zip's records past its last entry: the central directory, then the end records. */
export interface ZipDirectory {
  entries: ZipEntry[];
  directoryOffset: number;
  directorySize: number;
  /** The end records, with the ZIP64 ones when there are: each begins where the one before ends. */
  trailer: { start: number; end: number; name: string }[];
}

const MAX_COMMENT = 0xffff;
/** Far above any real pack; refuses a central directory made to exhaust memory. */
const MAX_DIRECTORY_BYTES = 256 * 1024 * 1024;
const RECORD_SIGNATURES = [Z.END_OF_CENTRAL, Z.ZIP64_END, Z.ZIP64_LOCATOR, Z.CENTRAL_HEADER, Z.LOCAL_HEADER].map((signature) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(signature);
  return bytes;
});

const damaged = (message: string): InvalidZipError => new InvalidZipError('ZIP_DAMAGED', message);
const unsafe = (message: string): InvalidZipError => new InvalidZipError('ZIP_UNSAFE', message);

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) throw damaged('the file ends before its zip records do: it is cut short');
  return buffer;
}

/**
 * Reads the end records and the central directory of the zip open as `handle`, of `size` bytes.
 * Throws InvalidZipError for a file that is no zip, is cut short, has bytes after its end
 * record, or two end records (one hidden in the comment of the other).
 */
export async function readCentralDirectory(handle: FileHandle, size: number): Promise<ZipDirectory> {
  if (size < Z.END_OF_CENTRAL_SIZE) throw damaged('the file is too short to be a zip');
  const tailLength = Math.min(size, Z.END_OF_CENTRAL_SIZE + MAX_COMMENT + Z.ZIP64_LOCATOR_SIZE + Z.ZIP64_END_SIZE);
  const tail = await readAt(handle, size - tailLength, tailLength);
  const candidates: number[] = [];
  for (let at = tail.length - Z.END_OF_CENTRAL_SIZE; at >= 0; at--) if (tail.readUInt32LE(at) === Z.END_OF_CENTRAL) candidates.push(at);
  const ends = candidates.filter((at) => at + Z.END_OF_CENTRAL_SIZE + tail.readUInt16LE(at + 20) === tail.length);
  const last = candidates[0];
  if (last === undefined) throw damaged('it has no zip end record: the file is not a zip, or it is cut short');
  if (ends.length === 0) {
    const after = tail.length - (last + Z.END_OF_CENTRAL_SIZE + tail.readUInt16LE(last + 20));
    throw after > 0 ? unsafe(`${after} bytes follow the zip's end record: they belong to no entry`) : damaged("the zip end record's comment runs past the end of the file: it is cut short");
  }
  if (ends.length > 1) throw unsafe('it has two zip end records, one inside the comment of the other: readers would disagree on what the zip holds');
  const end = ends[0]!;
  const comment = tail.subarray(end + Z.END_OF_CENTRAL_SIZE);
  if (RECORD_SIGNATURES.some((signature) => comment.includes(signature))) throw unsafe('the comment of its end record hides zip records');
  return readDirectory(handle, size, tail, end, size - tailLength);
}

async function readDirectory(handle: FileHandle, size: number, tail: Buffer, end: number, tailStart: number): Promise<ZipDirectory> {
  if (tail.readUInt16LE(end + 4) !== 0 || tail.readUInt16LE(end + 6) !== 0) throw damaged('the zip spans several disks');
  if (tail.readUInt16LE(end + 8) !== tail.readUInt16LE(end + 10)) throw damaged('the zip end record is inconsistent');
  let count = tail.readUInt16LE(end + 10);
  let directorySize = tail.readUInt32LE(end + 12);
  let directoryOffset = tail.readUInt32LE(end + 16);
  const trailer = [{ start: tailStart + end, end: size, name: 'the end record' }];
  const locatorAt = end - Z.ZIP64_LOCATOR_SIZE;
  if (locatorAt >= 0 && tail.readUInt32LE(locatorAt) === Z.ZIP64_LOCATOR) {
    const recordOffset = safeNumber(tail.readBigUInt64LE(locatorAt + 8));
    if (recordOffset + Z.ZIP64_END_SIZE > size) throw damaged('the ZIP64 end record lies outside the file');
    const record = await readAt(handle, recordOffset, Z.ZIP64_END_SIZE);
    if (record.readUInt32LE(0) !== Z.ZIP64_END) throw damaged('the ZIP64 end record is damaged');
    count = safeNumber(record.readBigUInt64LE(32));
    directorySize = safeNumber(record.readBigUInt64LE(40));
    directoryOffset = safeNumber(record.readBigUInt64LE(48));
    const recordEnd = recordOffset + 12 + safeNumber(record.readBigUInt64LE(4));
    trailer.unshift(
      { start: recordOffset, end: recordEnd, name: 'the ZIP64 end record' },
      { start: tailStart + locatorAt, end: tailStart + end, name: 'the ZIP64 end locator' },
    );
  }
  if (directoryOffset + directorySize > size) throw damaged('the central directory lies outside the file: it is cut short');
  if (directorySize > MAX_DIRECTORY_BYTES) throw unsafe('the central directory is absurdly large');
  const directory = await readAt(handle, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let at = 0;
  while (at < directory.length) {
    if (at + Z.CENTRAL_HEADER_SIZE > directory.length || directory.readUInt32LE(at) !== Z.CENTRAL_HEADER) throw damaged('the central directory is damaged');
    const { entry, length } = parseCentralHeader(directory, at);
    entries.push(entry);
    at += length;
  }
  if (entries.length !== count) throw damaged(`the zip says it holds ${count} entries, its directory lists ${entries.length}`);
  return { entries, directoryOffset, directorySize, trailer };
}

function parseCentralHeader(directory: Buffer, at: number): { entry: ZipEntry; length: number } {
  const madeBy = directory.readUInt16LE(at + 4);
  const nameLength = directory.readUInt16LE(at + 28);
  const extraLength = directory.readUInt16LE(at + 30);
  const commentLength = directory.readUInt16LE(at + 32);
  const length = Z.CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
  if (at + length > directory.length) throw damaged('the central directory is damaged');
  const flags = directory.readUInt16LE(at + 8);
  const rawName = directory.subarray(at + Z.CENTRAL_HEADER_SIZE, at + Z.CENTRAL_HEADER_SIZE + nameLength);
  const extra = directory.subarray(at + Z.CENTRAL_HEADER_SIZE + nameLength, at + Z.CENTRAL_HEADER_SIZE + nameLength + extraLength);
  const external = directory.readUInt32LE(at + 38);
  const decoded = decodeName(rawName);
  const entry: ZipEntry = {
    name: decoded.name,
    badName: decoded.bad,
    unicodePathMismatch: false,
    flags,
    method: directory.readUInt16LE(at + 10),
    crc: directory.readUInt32LE(at + 16),
    compressedSize: directory.readUInt32LE(at + 20),
    size: directory.readUInt32LE(at + 24),
    offset: directory.readUInt32LE(at + 42),
    dosDirectory: (external & 0x10) !== 0,
    time: directory.readUInt16LE(at + 12),
    date: directory.readUInt16LE(at + 14),
    rawName,
    central: directory.subarray(at, at + length),
    ...(madeBy >> 8 === Z.HOST_UNIX ? { unixMode: external >>> 16 } : {}),
  };
  readExtraFields(extra, entry);
  return { entry, length };
}

function readExtraFields(extra: Buffer, entry: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    const data = extra.subarray(at + 4, at + 4 + size);
    if (id === Z.ZIP64_EXTRA) {
      let field = 0;
      const next = (): number => {
        if (field + 8 > data.length) throw damaged(`the ZIP64 field of ${entry.name} is damaged`);
        const value = safeNumber(data.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.size === Z.MAX_32) entry.size = next();
      if (entry.compressedSize === Z.MAX_32) entry.compressedSize = next();
      if (entry.offset === Z.MAX_32) entry.offset = next();
    } else if (id === Z.UNICODE_PATH_EXTRA && data.length > 5) {
      entry.unicodePathMismatch = data.subarray(5).toString('utf8') !== entry.name;
    }
    at += 4 + size;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeName(raw: Buffer): { name: string; bad: boolean } {
  try {
    return { name: utf8.decode(raw), bad: false };
  } catch {
    return { name: raw.toString('latin1'), bad: true };
  }
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged('a zip size or offset is out of range');
  return Number(value);
}
