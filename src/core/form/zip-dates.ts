import { CENTRAL_HEADER, END_OF_CENTRAL, END_OF_CENTRAL_SIZE, LOCAL_HEADER } from '../zip/format.js';

/** MS-DOS date and time fields, in UTC so the bytes do not depend on where they were made. */
function dosStamp(date: Date): { time: number; date: number } {
  const year = Math.max(1980, date.getUTCFullYear());
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/**
 * Stamps every entry of an in-memory zip (local and central headers) with `date`: the library
 * that writes the Word document dates its entries with the time of writing, which would make two
 * renderings of the same input differ. The archive must have no comment.
 */
export function stampZipDates(zip: Buffer, date: Date): Buffer {
  const out = Buffer.from(zip);
  const end = out.length - END_OF_CENTRAL_SIZE;
  if (end < 0 || out.readUInt32LE(end) !== END_OF_CENTRAL) throw new Error('the zip to stamp ends in a comment or is not a zip');
  const { time, date: day } = dosStamp(date);
  let at = out.readUInt32LE(end + 16);
  for (let count = out.readUInt16LE(end + 10); count > 0; count--) {
    if (out.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error('the zip to stamp has a broken central directory');
    out.writeUInt16LE(time, at + 12);
    out.writeUInt16LE(day, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) !== LOCAL_HEADER) throw new Error('the zip to stamp has a broken local header');
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(day, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
