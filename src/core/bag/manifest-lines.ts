import { isDigestOf, manifestName, type ManifestKind } from './algorithms.js';
import { bagPath, isPayloadPath } from './bag-paths.js';
import { isVersion1 } from './declaration.js';
import { tagLines } from './tag-text.js';

interface ListedFile {
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
  for (const [index, raw] of tagLines(text).entries()) {
    const line = index + 1;
    const content = raw.trimStart();
    if (content === '' || content.startsWith('#')) continue;
    const problem = (message: string): void => void reading.problems.push({ line, message });
    const match = /^(\S+)[ \t]+(.+)$/.exec(content);
    if (!match) {
      problem('is not "<checksum> <path>"');
      continue;
    }
    const [, checksum, written] = match as unknown as [string, string, string];
    if (!isDigestOf(algorithm, checksum)) {
      problem(`does not start with a ${algorithm} checksum`);
      continue;
    }
    const plain = bagPath(written, version);
    if ('problem' in plain) {
      problem(`lists ${written}: ${plain.problem}`);
      continue;
    }
    const { path } = plain;
    if (kind === 'payload' && !isPayloadPath(path)) {
      problem(`lists ${path}, which is not under data/: a payload manifest lists payload files only`);
      continue;
    }
    if (kind === 'tag' && isPayloadPath(path)) {
      problem(`lists ${path}, a payload file: a tag manifest lists tag files only`);
      continue;
    }
    if (kind === 'tag' && manifestName(path)?.kind === 'tag') {
      problem(`lists ${path}, a tag manifest: tag manifests never list each other`);
      continue;
    }
    const before = seen.get(path);
    if (before !== undefined) {
      if (before !== checksum.toLowerCase()) {
      problem(`lists ${path} a second time, with another checksum`);
      continue;
    }
      if (isVersion1(version)) {
      problem(`lists ${path} a second time`);
      continue;
    }
      reading.repeats.push({ line, path });
      continue;
    }
    seen.set(path, checksum.toLowerCase());
    reading.files.push({ line, checksum: checksum.toLowerCase(), path });
  }
  return reading;
}
