import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../fs/crc32.js';
import { METHOD_DEFLATED, dosDateTime } from './format.js';
import { centralHeader, endOfCentral, finalLocalHeader, type WrittenEntry } from './headers.js';

/** A small zip made in memory, every file deflated, with the headers of pack's zips and every entry dated `date`. */
export function zipInMemory(files: readonly { name: string; data: Uint8Array }[], date: Date): Buffer {
  const dos = dosDateTime(date);
  const parts: Buffer[] = [];
  const entries: WrittenEntry[] = [];
  let offset = 0;
  for (const { name, data } of files) {
    const compressed = deflateRawSync(data, { level: 6 });
    const entry: WrittenEntry = { name, method: METHOD_DEFLATED, crc: crc32(data), size: data.length, compressedSize: compressed.length, offset, zip64: false };
    const header = finalLocalHeader(entry, dos);
    parts.push(header, compressed);
    entries.push(entry);
    offset += header.length + compressed.length;
  }
  const directory = Buffer.concat(entries.map((entry) => centralHeader(entry, dos, false)));
  return Buffer.concat([...parts, directory, endOfCentral(entries.length, directory.length, offset)]);
}
