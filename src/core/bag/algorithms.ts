/** The checksum algorithms a manifest may name (RFC 8493 §2.4), with the hex length of each digest. */
const DIGEST_HEX_LENGTHS: Record<string, number> = {
  md5: 32,
  sha1: 40,
  sha224: 56,
  sha256: 64,
  sha384: 96,
  sha512: 128,
};

export function isKnownAlgorithm(algorithm: string): boolean {
  return Object.hasOwn(DIGEST_HEX_LENGTHS, algorithm);
}

/** Whether `checksum` has the form of a digest of `algorithm` (hex, either case, of its length). */
export function isDigestOf(algorithm: string, checksum: string): boolean {
  const length = DIGEST_HEX_LENGTHS[algorithm];
  return length !== undefined && checksum.length === length && /^[0-9a-fA-F]+$/.test(checksum);
}

export type ManifestKind = 'payload' | 'tag';

/** `manifest-sha256.txt` → payload sha256; `tagmanifest-md5.txt` → tag md5; undefined for any other name. */
export function manifestName(path: string): { kind: ManifestKind; algorithm: string } | undefined {
  const match = /^(tag)?manifest-([A-Za-z0-9]+)\.txt$/.exec(path);
  if (!match) return undefined;
  return { kind: match[1] ? 'tag' : 'payload', algorithm: match[2]!.toLowerCase() };
}
