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

/** Files up to this size are read whole, unless their first bytes show a compressed or binary format. */
export const MAX_WHOLE_SCAN_BYTES = 64 * 1024 * 1024;

// The first bytes of formats that are compressed or binary, where a pasted key would not show as
// text: judged by content, never by the name, so a key saved as "lead.pdf" is still read whole.
const SIGNATURES = [
  '%PDF-', 'PK\x03\x04', '\x89PNG', '\xFF\xD8\xFF', 'GIF8', '\x1F\x8B', 'BZh', '\xFD7zXZ', '7z\xBC\xAF', 'Rar!',
  'OggS', 'ID3', 'II*\x00', 'MM\x00*', 'RIFF', '\x1AE\xDF\xA3', '\xD0\xCF\x11\xE0', 'fLaC', '(\xB5/\xFD',
];
const SIGNATURE_BYTES = SIGNATURES.map((signature) => Buffer.from(signature, 'latin1'));

/** Whether the bytes start as a compressed or binary format does (PDF, zip and office files, images, audio, video). */
export function binaryFormat(head: Uint8Array): boolean {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  // ISO media (mp4, mov, heic, m4a): a box size, then "ftyp".
  if (bytes.length >= 8 && bytes.toString('latin1', 4, 8) === 'ftyp') return true;
  return SIGNATURE_BYTES.some((signature) => bytes.length >= signature.length && bytes.subarray(0, signature.length).equals(signature));
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
