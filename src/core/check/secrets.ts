/** Things that must never leave the organisation inside a submission pack. */
const SECRET_PATTERNS: { name: string; pattern: RegExp }[] = [
  { name: 'a PEM private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/ },
  { name: 'a minisign secret key', pattern: /untrusted comment: [^\n]*secret key/i },
  { name: 'a PuTTY private key', pattern: /PuTTY-User-Key-File-\d:/ },
  { name: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { name: 'an AWS secret access key', pattern: /aws_secret_access_key\s*[=:]\s*["']?[A-Za-z0-9/+=]{40}/i },
  { name: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/ },
  { name: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  { name: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { name: 'a Stripe secret key', pattern: /\b[sr]k_live_[0-9a-zA-Z]{20,}/ },
];

/** How much of a file is read when looking for secrets: keys sit near the start. */
export const SECRET_SCAN_BYTES = 64 * 1024;

const MAX_SCANNED_SIZE = 4 * 1024 * 1024;

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
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return SECRET_PATTERNS.find(({ pattern }) => pattern.test(text))?.name;
}
