import type { FileStamp } from './file-facts.js';

/** One file's facts: `sha256` and `secret` ('' when none was found) only when known. */
export interface CachedFile extends FileStamp {
  path: string;
  sha256?: string;
  secret?: string;
}

/**
 * The cache file, read in place: paths are decoded up front (they are the keys), numbers and
 * hashes only for the files asked about, so a large cache costs few objects.
 */
export interface DecodedCache {
  count: number;
  indexOf(path: string): number | undefined;
  path(index: number): string;
  matches(index: number, stamp: FileStamp): boolean;
  sha256(index: number): string | undefined;
  secret(index: number): string | undefined;
  record(index: number): CachedFile;
}

// Layout of the body, little-endian: u32 file count; u32 byte length of the paths, then the paths
// (UTF-8, each followed by NUL, which no usable path holds); u32 byte length of the secrets found,
// then those (the same way); then per file a fixed record: f64 size, mtimeMs, ctimeMs, ino;
// 32 bytes sha256; u16 secret (0: not scanned, 1: none found, n: the (n - 2)th secret); u8 hashed.
const RECORD_BYTES = 4 * 8 + 32 + 2 + 1;
const SHA_AT = 32;
const SECRET_AT = 64;
const HASHED_AT = 66;

export function decodeFileCache(bytes: Buffer | undefined): DecodedCache {
  const parts = bytes && split(bytes);
  if (!bytes || !parts) return emptyCache();
  const { paths, secrets, records } = parts;
  const index = new Map<string, number>();
  for (let i = 0; i < paths.length; i++) index.set(paths[i]!, i);
  const at = (i: number): number => records + i * RECORD_BYTES;
  const cache: DecodedCache = {
    count: paths.length,
    indexOf: (path) => index.get(path),
    path: (i) => paths[i]!,
    matches(i, stamp) {
      const start = at(i);
      return (
        bytes.readDoubleLE(start) === stamp.size &&
        bytes.readDoubleLE(start + 8) === stamp.mtimeMs &&
        bytes.readDoubleLE(start + 16) === stamp.ctimeMs &&
        bytes.readDoubleLE(start + 24) === stamp.ino
      );
    },
    sha256: (i) => (bytes[at(i) + HASHED_AT] === 1 ? bytes.toString('hex', at(i) + SHA_AT, at(i) + SHA_AT + 32) : undefined),
    secret(i) {
      const code = bytes.readUInt16LE(at(i) + SECRET_AT);
      return code === 0 ? undefined : code === 1 ? '' : secrets[code - 2];
    },
    record(i) {
      const start = at(i);
      const [sha256, secret] = [cache.sha256(i), cache.secret(i)];
      return {
        path: paths[i]!,
        size: bytes.readDoubleLE(start),
        mtimeMs: bytes.readDoubleLE(start + 8),
        ctimeMs: bytes.readDoubleLE(start + 16),
        ino: bytes.readDoubleLE(start + 24),
        ...(sha256 === undefined ? {} : { sha256 }),
        ...(secret === undefined ? {} : { secret }),
      };
    },
  };
  return cache;
}

/** The paths, the secrets and where the records start; undefined when the bytes are not a whole, valid cache. */
function split(bytes: Buffer): { paths: string[]; secrets: string[]; records: number } | undefined {
  let at = 0;
  if (bytes.length < 12) return undefined;
  const count = bytes.readUInt32LE(at);
  const texts = (): string[] | undefined => {
    const length = bytes.readUInt32LE(at);
    const end = at + 4 + length;
    if (end + 4 > bytes.length || (length > 0 && bytes[end - 1] !== 0)) return undefined;
    const list = length === 0 ? [] : bytes.toString('utf8', at + 4, end - 1).split('\0');
    at = end;
    return list;
  };
  at += 4;
  const paths = texts();
  const secrets = paths && texts();
  if (!paths || !secrets || paths.length !== count || at + count * RECORD_BYTES !== bytes.length) return undefined;
  for (let i = 0; i < count; i++) {
    const secret = bytes.readUInt16LE(at + i * RECORD_BYTES + SECRET_AT);
    if (secret > secrets.length + 1) return undefined;
  }
  return { paths, secrets, records: at };
}

function emptyCache(): DecodedCache {
  const none = (): never => {
    throw new RangeError('empty file cache');
  };
  return { count: 0, indexOf: () => undefined, path: none, matches: () => false, sha256: none, secret: none, record: none };
}

export function encodeFileCache(files: CachedFile[]): Buffer {
  const usable = files.filter((f) => !f.path.includes('\0') && !(f.secret ?? '').includes('\0'));
  const sorted = usable.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const secrets = [...new Set(sorted.flatMap((f) => (f.secret ? [f.secret] : [])))];
  const records = Buffer.alloc(sorted.length * RECORD_BYTES);
  sorted.forEach((file, i) => {
    const start = i * RECORD_BYTES;
    [file.size, file.mtimeMs, file.ctimeMs, file.ino].forEach((value, k) => {
      records.writeDoubleLE(value, start + k * 8);
    });
    if (file.sha256 !== undefined) {
      records.write(file.sha256, start + SHA_AT, 32, 'hex');
      records[start + HASHED_AT] = 1;
    }
    const secret = file.secret === undefined ? 0 : file.secret === '' ? 1 : secrets.indexOf(file.secret) + 2;
    records.writeUInt16LE(secret, start + SECRET_AT);
  });
  return Buffer.concat([u32(sorted.length), ...block(sorted.map((f) => f.path)), ...block(secrets), records]);
}

function block(texts: string[]): Buffer[] {
  const bytes = Buffer.from(texts.map((text) => `${text}\0`).join(''));
  return [u32(bytes.length), bytes];
}

/** A little-endian u32, as the caches' binary files write lengths. */
export function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value);
  return buffer;
}
