/** Byte surgery on a small (non-ZIP64) zip, as a forger would do it: records stay consistent. */

const EOCD = Buffer.from('PK\x05\x06', 'latin1');

export function endRecordAt(zip: Buffer): number {
  return zip.lastIndexOf(EOCD);
}

/** The local-header offsets of the entries and the central directory's offset and size. */
export function layout(zip: Buffer): { names: string[]; offsets: number[]; directory: number; directorySize: number; end: number } {
  const end = endRecordAt(zip);
  const count = zip.readUInt16LE(end + 10);
  const directory = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  const offsets: number[] = [];
  for (let at = directory, i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    names.push(zip.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    offsets.push(zip.readUInt32LE(at + 42));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return { names, offsets, directory, directorySize: zip.readUInt32LE(end + 12), end };
}

/** Inserts `bytes` at `at` and moves every offset past it, so the zip's records still agree. */
export function insertAt(zip: Buffer, at: number, bytes: Buffer): Buffer {
  const { directory, end, offsets } = layout(zip);
  const out = Buffer.concat([zip.subarray(0, at), bytes, zip.subarray(at)]);
  const shift = (position: number): number => (position >= at ? position + bytes.length : position);
  let record = shift(directory);
  for (const offset of offsets) {
    out.writeUInt32LE(shift(offset), record + 42);
    record += 46 + out.readUInt16LE(record + 28) + out.readUInt16LE(record + 30) + out.readUInt16LE(record + 32);
  }
  out.writeUInt32LE(shift(directory), shift(end) + 16);
  return out;
}

/** Where the entry named `name` ends: its local header and stored data (svmc writes no descriptors). */
export function entryEnd(zip: Buffer, name: string): number {
  const { names, offsets } = layout(zip);
  const at = offsets[names.indexOf(name)]!;
  return at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28) + zip.readUInt32LE(at + 18);
}

/** A stored local header and data for `name`: a forged copy a streaming extractor would write. */
export function storedLocal(name: string, content: Buffer, crc: number): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(crc >>> 0, 14);
  header.writeUInt32LE(content.length, 18);
  header.writeUInt32LE(content.length, 22);
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  return Buffer.concat([header, Buffer.from(name), content]);
}
