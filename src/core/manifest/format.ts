/** The BagIt payload manifest (RFC 8493 §2.1.3) that `sign` signs and `pack` writes as manifest-sha256.txt. */

/** A payload path as a manifest line writes it: under `data/`, with CR, LF and `%` percent-encoded (RFC 8493 §2.1.3). */
export function encodeManifestPath(path: string): string {
  return `data/${path.replace(/[%\r\n]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}`;
}

function decodeManifestPath(encoded: string): string {
  const path = encoded.startsWith('data/') ? encoded.slice(5) : encoded;
  return path.replace(/%(25|0A|0D)/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** `<sha256 hex>  data/<path>\n` */
export function manifestLine(path: string, sha256: string): string {
  return `${sha256}  ${encodeManifestPath(path)}\n`;
}

/** Byte order of the paths as written in the manifest (UTF-8), never locale order. */
function compareManifestPaths(a: string, b: string): number {
  return compareEncoded(encodeManifestPath(a), encodeManifestPath(b));
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** UTF-8 byte order of two strings. */
function compareEncoded(a: string, b: string): number {
  if (SURROGATE.test(a) || SURROGATE.test(b)) return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Sorts items by a string key in UTF-8 byte order. Without surrogates (characters past U+FFFF),
 * UTF-16 order is code point order, which is UTF-8 byte order: then no bytes need encoding.
 */
export function sortByUtf8<T>(items: T[], key: (item: T) => string): T[] {
  if (items.some((item) => SURROGATE.test(key(item)))) return items.sort((a, b) => compareEncoded(key(a), key(b)));
  return items.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

export function sortManifestPaths(paths: readonly string[]): string[] {
  return [...paths].sort(compareManifestPaths);
}

/** Path → sha256 of a manifest's text; lines that are not manifest lines are ignored. */
export function parseManifest(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([0-9a-f]{64}) {2}(data\/.+)$/.exec(line);
    if (match) entries.set(decodeManifestPath(match[2]!), match[1]!);
  }
  return entries;
}

export interface ManifestDiff {
  changed: string[];
  added: string[];
  removed: string[];
}

/** What changed from `before` to `after` (manifest texts), each list in manifest order. */
export function diffManifests(before: string, after: string): ManifestDiff {
  const old = parseManifest(before);
  const now = parseManifest(after);
  const diff: ManifestDiff = { changed: [], added: [], removed: [] };
  for (const [path, sha] of now) {
    const previous = old.get(path);
    if (previous === undefined) diff.added.push(path);
    else if (previous !== sha) diff.changed.push(path);
  }
  for (const path of old.keys()) if (!now.has(path)) diff.removed.push(path);
  return { changed: sortManifestPaths(diff.changed), added: sortManifestPaths(diff.added), removed: sortManifestPaths(diff.removed) };
}
