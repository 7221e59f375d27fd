import { READ_LIMITS } from '../fs/read-file.js';
import { isKnownAlgorithm, manifestName, type ManifestKind } from './algorithms.js';
import { isPayloadPath } from './bag-paths.js';
import { infoFileOf, readDeclaration, type DeclarationReading } from './declaration.js';
import type { BagSource, ReadOutcome } from './source.js';
import { mapLimit } from '../map-limit.js';

export interface ManifestFile {
  /** manifest-sha256.txt, tagmanifest-md5.txt, … */
  file: string;
  kind: ManifestKind;
  algorithm: string;
  /** svmc can compute this algorithm. */
  known: boolean;
}

/** Every file of a bag read once: the tag files BagIt needs kept whole, every other file hashed. */
export interface BagReading {
  source: BagSource;
  declaration: DeclarationReading;
  manifests: ManifestFile[];
  /** bag-info.txt, or package-info.txt in a bag before 0.96. */
  infoFile: string;
  /** Each file read, by path: its digests, or why its content cannot be trusted. */
  outcomes: Map<string, ReadOutcome>;
  /** The files kept whole, by path. */
  contents: Map<string, Buffer>;
}

export interface ReadBagOptions {
  /** Further files to keep whole, and up to how many bytes (0: do not keep). */
  keep?: (path: string) => number;
  /** Called once the tag files and the kept files are read, before the payload is hashed, with the reading so far. */
  onKept?: (reading: BagReading) => void;
}

const DECLARATION = 'bagit.txt';

/**
 * Reads the bag: bagit.txt first (its version and encoding decide the rest), then the manifests,
 * the metadata and fetch.txt, then the files the caller keeps, then every other file, each hashed
 * with the algorithms of the manifests that may list it.
 */
export async function readBag(source: BagSource, options: ReadBagOptions = {}): Promise<BagReading> {
  const contents = new Map<string, Buffer>();
  const outcomes = new Map<string, ReadOutcome>();
  const manifests = [...source.files.keys()].flatMap((file) => {
    const name = manifestName(file);
    return name ? [{ file, ...name, known: isKnownAlgorithm(name.algorithm) }] : [];
  });
  const algorithms = (kind: ManifestKind): string[] => [...new Set(manifests.filter((m) => m.kind === kind && m.known).map((m) => m.algorithm))];
  const payloadAlgorithms = algorithms('payload');
  // Tag files are small: SHA-256 too, so that a caller can compare one with what it expects.
  const tagAlgorithms = [...new Set([...algorithms('tag'), 'sha256'])];
  const record = (path: string, outcome: ReadOutcome): void => {
    outcomes.set(path, outcome);
    if (outcome.bytes && !outcome.problem) contents.set(path, outcome.bytes);
  };
  const readOnly = (path: string, keep: number): Promise<ReadOutcome> => source.read(path, isPayloadPath(path) ? payloadAlgorithms : tagAlgorithms, keep);
  const read = async (path: string, keep: number): Promise<void> => record(path, await readOnly(path, keep));
  if (source.files.has(DECLARATION)) await read(DECLARATION, READ_LIMITS.key);
  const declarationBytes = contents.get(DECLARATION);
  const declaration: DeclarationReading = declarationBytes ? readDeclaration(declarationBytes) : { problems: [] };
  const infoFile = infoFileOf(declaration.declaration?.version ?? '1.0');
  const needed = new Set([infoFile, 'fetch.txt', ...manifests.map((m) => m.file)]);
  const keep = (path: string): number => Math.max(needed.has(path) ? READ_LIMITS.manifest : 0, options.keep?.(path) ?? 0);
  const rest = [...source.files.keys()].filter((path) => path !== DECLARATION);
  for (const path of rest) if (keep(path) > 0) await read(path, keep(path));
  const reading: BagReading = { source, declaration, manifests, infoFile, outcomes, contents };
  options.onKept?.(reading);
  // Two at a time, so that a source hashing large files on a second thread has one to give it.
  const others = rest.filter((path) => !outcomes.has(path));
  const payload = await mapLimit(others, 2, (path) => readOnly(path, 0));
  for (const [i, path] of others.entries()) record(path, payload[i]!);
  return reading;
}
