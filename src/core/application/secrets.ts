/** Things that must never leave the organisation inside a submission pack. */
const SECRET_PATTERNS: { name: string; pattern: RegExp }[] = [
  { name: 'a PEM private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/ },
  { name: 'a minisign secret key', pattern: /untrusted comment: [^\n]{0,200}secret key/i },
  { name: 'a PuTTY private key', pattern: /PuTTY-User-Key-File-\d:/ },
  { name: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { name: 'an AWS secret access key', pattern: /aws_secret_access_key\s*[=:]\s*["']?[A-Za-z0-9/+=]{40}/i },
  { name: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/ },
  { name: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  { name: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { name: 'a Stripe secret key', pattern: /\b[sr]k_live_[0-9a-zA-Z]{20,}/ },
];

/** Files are read for secrets in chunks this large, each overlapping the last by OVERLAP_BYTES. */
export const SCAN_CHUNK_BYTES = 1024 * 1024;
/** Longer than any match of the patterns (each quantifier is bounded), so no secret hides across a chunk boundary. */
export const OVERLAP_BYTES = 4096;

/** Text files up to this size are read whole; a text file past it is not evidence anyone reads. */
const MAX_SCANNED_SIZE = 64 * 1024 * 1024;

/** Formats that are compressed or binary: a key pasted into one would not show as text anyway. */
const BINARY_EXTENSIONS = new Set(
  'pdf docx xlsx pptx odt ods odp doc xls ppt zip gz tgz bz2 xz 7z rar png jpg jpeg gif webp tif tiff bmp heic mp3 mp4 m4a mov avi mkv wav ogg webm'.split(' '),
);

/** Small files that may hold text: the only ones worth reading for secrets. */
export function worthScanning(path: string, size: number): boolean {
  const dot = path.lastIndexOf('.');
  const extension = dot > path.lastIndexOf('/') ? path.slice(dot + 1).toLowerCase() : '';
  return size <= MAX_SCANNED_SIZE && !BINARY_EXTENSIONS.has(extension);
}

/** What kind of secret the bytes hold, if any. */
export function findSecret(bytes: Uint8Array): string | undefined {
  return locateSecret(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'))?.name;
}

/** The first secret in `text` (its kind, and where it starts), if any. */
export function locateSecret(text: string): { name: string; index: number } | undefined {
  let first: { name: string; index: number } | undefined;
  for (const { name, pattern } of SECRET_PATTERNS) {
    const index = text.search(pattern);
    if (index >= 0 && (first === undefined || index < first.index)) first = { name, index };
  }
  return first;
}
