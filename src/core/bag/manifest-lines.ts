import { isDigestOf, manifestName, type ManifestKind } from './algorithms.js';
import { bagPath, isPayloadPath } from './bag-paths.js';
import { isVersion1 } from './declaration.js';
import { tagLines } from './tag-text.js';

export interface ListedFile {
  line: number;
  /** Lower-case hex. */
  checksum: string;
  /** Relative to the bag, plain (see `bagPath`). */
  path: string;
}

export interface ManifestReading {
  files: ListedFile[];
  /** Lines that break RFC 8493 §2.1.3 or §2.2.1. */
  problems: { line: number; message: string }[];
  /** Lines a draft bag may repeat: the same path with the same checksum (a warning before 1.0). */
  repeats: { line: number; path: string }[];
}

/**
 * A payload or tag manifest: `<checksum> <whitespace> <path>` per line. Blank lines and `#`
 * comments are passed over, as no checksum starts with `#`.
 */
export function readManifest(text: string, algorithm: string, kind: ManifestKind, version: string): ManifestReading {
  const reading: ManifestReading = { files: [], problems: [], repeats: [] };
  const seen = new Map<string, string>();
  tagLines(text).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trimStart();
    if (content === '' || content.startsWith('#')) return;
    const problem = (message: string): void => void reading.problems.push({ line, message });
    const match = /^(\S+)[ \t]+(.+)$/.exec(content);
    if (!match) return problem('is not "<checksum> <path>"');
    const [, checksum, written] = match as unknown as [string, string, string];
    if (!isDigestOf(algorithm, checksum)) return problem(`does not start with a ${algorithm} checksum`);
    const plain = bagPath(written, version);
    if ('problem' in plain) return problem(`lists ${written}: ${plain.problem}`);
    const { path } = plain;
    if (kind === 'payload' && !isPayloadPath(path)) return problem(`lists ${path}, which is not under data/: a payload manifest lists payload files only`);
    if (kind === 'tag' && isPayloadPath(path)) return problem(`lists ${path}, a payload file: a tag manifest lists tag files only`);
    if (kind === 'tag' && manifestName(path)?.kind === 'tag') return problem(`lists ${path}, a tag manifest: tag manifests never list each other`);
    const before = seen.get(path);
    if (before !== undefined) {
      if (before !== checksum.toLowerCase()) return problem(`lists ${path} a second time, with another checksum`);
      if (isVersion1(version)) return problem(`lists ${path} a second time`);
      reading.repeats.push({ line, path });
      return;
    }
    seen.set(path, checksum.toLowerCase());
    reading.files.push({ line, checksum: checksum.toLowerCase(), path });
  });
  return reading;
}
