/** ZIP record signatures and limits (APPNOTE 6.3.10), shared by the writer and the reader. */
export const LOCAL_HEADER = 0x04034b50;
export const CENTRAL_HEADER = 0x02014b50;
export const END_OF_CENTRAL = 0x06054b50;
export const ZIP64_END = 0x06064b50;
export const ZIP64_LOCATOR = 0x07064b50;
export const ZIP64_EXTRA = 0x0001;
export const UNICODE_PATH_EXTRA = 0x7075;

export const LOCAL_HEADER_SIZE = 30;
export const CENTRAL_HEADER_SIZE = 46;
export const END_OF_CENTRAL_SIZE = 22;
export const ZIP64_END_SIZE = 56;
export const ZIP64_LOCATOR_SIZE = 20;

export const MAX_32 = 0xffffffff;
export const MAX_16 = 0xffff;

export const METHOD_STORED = 0;
export const METHOD_DEFLATED = 8;

export const FLAG_ENCRYPTED = 0x0001;
export const FLAG_UTF8 = 0x0800;
export const FLAG_STRONG_ENCRYPTION = 0x0040;

/** Host "Unix" in the high byte of "version made by", so external attributes carry a file mode. */
export const HOST_UNIX = 3;
export const S_IFMT = 0o170000;
export const S_IFREG = 0o100000;
export const S_IFDIR = 0o040000;
export const S_IFLNK = 0o120000;

/** MS-DOS date and time of `date` in UTC, so a pack made in any time zone has the same bytes. */
export function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  const clamped = year !== date.getUTCFullYear();
  const month = clamped ? 1 : date.getUTCMonth() + 1;
  const day = clamped ? 1 : date.getUTCDate();
  const time = clamped
    ? 0
    : (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  return { time, date: ((year - 1980) << 9) | (month << 5) | day };
}
