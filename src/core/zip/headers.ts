import * as Z from './format.js';

export type DosTime = { time: number; date: number };

/** An entry as written: what its headers record. */
export interface WrittenEntry {
  name: string;
  method: number;
  crc: number;
  size: number;
  compressedSize: number;
  offset: number;
  zip64: boolean;
}

/** A local header as first written, before its CRC and sizes are known. */
export function localHeader(name: Buffer, method: number, zip64: boolean, dos: DosTime): Buffer {
  const header = Buffer.alloc(Z.LOCAL_HEADER_SIZE + name.length + (zip64 ? 20 : 0));
  header.writeUInt32LE(Z.LOCAL_HEADER, 0);
  header.writeUInt16LE(zip64 ? 45 : 20, 4);
  header.writeUInt16LE(Z.FLAG_UTF8, 6);
  header.writeUInt16LE(method, 8);
  header.writeUInt16LE(dos.time, 10);
  header.writeUInt16LE(dos.date, 12);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(zip64 ? 20 : 0, 28);
  name.copy(header, Z.LOCAL_HEADER_SIZE);
  if (zip64) {
    header.writeUInt16LE(Z.ZIP64_EXTRA, Z.LOCAL_HEADER_SIZE + name.length);
    header.writeUInt16LE(16, Z.LOCAL_HEADER_SIZE + name.length + 2);
  }
  return header;
}

/** A local header as it stands once its entry is written (CRC and sizes patched in). */
export function finalLocalHeader(entry: WrittenEntry, dos: DosTime): Buffer {
  const name = Buffer.from(entry.name, 'utf8');
  const header = localHeader(name, entry.method, entry.zip64, dos);
  header.writeUInt32LE(entry.crc, 14);
  header.writeUInt32LE(entry.zip64 ? Z.MAX_32 : entry.compressedSize, 18);
  header.writeUInt32LE(entry.zip64 ? Z.MAX_32 : entry.size, 22);
  if (entry.zip64) {
    header.writeBigUInt64LE(BigInt(entry.size), Z.LOCAL_HEADER_SIZE + name.length + 4);
    header.writeBigUInt64LE(BigInt(entry.compressedSize), Z.LOCAL_HEADER_SIZE + name.length + 12);
  }
  return header;
}

/** The central directory header svmc writes for `entry`: verify rebuilds it to compare byte for byte. */
export function centralHeader(entry: WrittenEntry, dos: DosTime, forceZip64: boolean): Buffer {
  const name = Buffer.from(entry.name, 'utf8');
  const force = forceZip64;
  const big = [entry.size, entry.compressedSize, entry.offset].map((n) => force || n >= Z.MAX_32);
  const extraValues = [entry.size, entry.compressedSize, entry.offset].filter((_, i) => big[i]);
  const extraLength = extraValues.length > 0 ? 4 + 8 * extraValues.length : 0;
  const zip64 = entry.zip64 || extraLength > 0;
  const header = Buffer.alloc(Z.CENTRAL_HEADER_SIZE + name.length + extraLength);
  header.writeUInt32LE(Z.CENTRAL_HEADER, 0);
  header.writeUInt16LE((Z.HOST_UNIX << 8) | (zip64 ? 45 : 20), 4);
  header.writeUInt16LE(zip64 ? 45 : 20, 6);
  header.writeUInt16LE(Z.FLAG_UTF8, 8);
  header.writeUInt16LE(entry.method, 10);
  header.writeUInt16LE(dos.time, 12);
  header.writeUInt16LE(dos.date, 14);
  header.writeUInt32LE(entry.crc, 16);
  header.writeUInt32LE(big[1] ? Z.MAX_32 : entry.compressedSize, 20);
  header.writeUInt32LE(big[0] ? Z.MAX_32 : entry.size, 24);
  header.writeUInt16LE(name.length, 28);
  header.writeUInt16LE(extraLength, 30);
  header.writeUInt32LE(((Z.S_IFREG | 0o644) << 16) >>> 0, 38);
  header.writeUInt32LE(big[2] ? Z.MAX_32 : entry.offset, 42);
  name.copy(header, Z.CENTRAL_HEADER_SIZE);
  if (extraLength > 0) {
    let at = Z.CENTRAL_HEADER_SIZE + name.length;
    header.writeUInt16LE(Z.ZIP64_EXTRA, at);
    header.writeUInt16LE(extraLength - 4, at + 2);
    at += 4;
    for (const value of extraValues) {
      header.writeBigUInt64LE(BigInt(value), at);
      at += 8;
    }
  }
  return header;
}

/** The end of central directory record; with `zip64`, its counts and offsets point on to the ZIP64 records. */
export function endOfCentral(count: number, directorySize: number, directoryOffset: number, zip64 = false): Buffer {
  const end = Buffer.alloc(Z.END_OF_CENTRAL_SIZE);
  end.writeUInt32LE(Z.END_OF_CENTRAL, 0);
  end.writeUInt16LE(zip64 ? Z.MAX_16 : count, 8);
  end.writeUInt16LE(zip64 ? Z.MAX_16 : count, 10);
  end.writeUInt32LE(zip64 ? Z.MAX_32 : directorySize, 12);
  end.writeUInt32LE(zip64 ? Z.MAX_32 : directoryOffset, 16);
  return end;
}
