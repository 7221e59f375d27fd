import { lstatSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { CACHE_DIR, RACY_MS } from '../manifest/file-cache.js';
import type { PathStats } from '../manifest/path-resolver.js';
import type { ApplicationResult } from './types.js';

/**
 * The last check's result, kept with the stat of everything it looked at, as git keeps its index:
 * while svmc.yaml's text, every mapped file, the signatures and the evidence folders are as they
 * were, the result is too, and a check of ten thousand files costs one lstat each.
 */
const CACHE_FILE = 'check-result.bin';
const MAGIC = Buffer.from('svmc-check-result 1\n');

/** Per watched path: kind (0 when missing), size, mtimeMs, ctimeMs, ino. */
const FIELDS = 5;
const FILE = 1;
const FOLDER = 2;
const LINK = 3;
const OTHER = 4;
const FAILED = 5;

export type KeptResult = Omit<ApplicationResult, 'dir'>;

/** What a result depends on besides svmc.yaml's text: files (mapped, signatures) and folders, relative to the root. */
export interface Watched {
  files: string[];
  folders: string[];
  stamps: Float64Array;
  /** When the stamps were taken. */
  at: number;
}

interface Header {
  key: string;
  uid: number;
  /** The result holds until then (an award's expiry); null: for good. */
  validUntil: number | null;
  files: number;
  folders: number;
  result: KeptResult;
}

/** The kept result, when it was made from this text (`key`) and nothing it watched has changed since. */
export function keptResult(root: string, key: string, now: Date): KeptResult | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(root, CACHE_DIR, CACHE_FILE));
  } catch {
    return undefined;
  }
  const kept = decode(bytes);
  if (!kept || kept.header.key !== key || kept.header.uid !== uid()) return undefined;
  if (kept.header.validUntil !== null && now.getTime() >= kept.header.validUntil) return undefined;
  const stamps = stampAll(root, kept.paths);
  for (let i = 0; i < stamps.length; i++) {
    if (stamps[i] !== bytes.readDoubleLE(kept.stampsAt + i * 8)) return undefined;
  }
  return kept.header.result;
}

/**
 * Stats what a check of these files will look at, before it reads any of them: a file that changes
 * while it is checked then shows a new stamp next time. `files`: plain, normalised paths.
 */
export function watch(root: string, files: readonly string[]): Watched {
  const folders = new Set<string>();
  for (const file of files) {
    for (let slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) folders.add(file.slice(0, slash));
  }
  // EVIDENCE_UNMAPPED reads every folder under evidence/: a file added or removed changes its folder's stamp.
  for (const folder of evidenceFolders(root)) folders.add(folder);
  const all = [...files, ...folders];
  return { files: [...files], folders: [...folders], stamps: stampAll(root, all), at: Date.now() };
}

/**
 * Keeps `result` for the next check, unless a watched path is a symbolic link (its own stamp says
 * nothing of its target) or changed too recently to be told apart from a change to come.
 * Only into an existing .svmc/; best effort.
 */
export async function keepResult(root: string, key: string, watched: Watched, validUntil: number | null, result: KeptResult): Promise<void> {
  const { stamps } = watched;
  for (let at = 0; at < stamps.length; at += FIELDS) {
    const kind = stamps[at]!;
    if (kind === LINK || ((kind === FILE || kind === FOLDER) && watched.at - stamps[at + 2]! < RACY_MS)) return;
  }
  const folder = join(root, CACHE_DIR);
  if (!lstatSync(folder, { throwIfNoEntry: false })?.isDirectory()) return;
  const header: Header = { key, uid: uid(), validUntil, files: watched.files.length, folders: watched.folders.length, result };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const paths = Buffer.from([...watched.files, ...watched.folders].map((path) => `${path}\0`).join(''));
  const stampBytes = Buffer.from(stamps.buffer, stamps.byteOffset, stamps.byteLength);
  try {
    await writeFileAtomic(join(folder, CACHE_FILE), Buffer.concat([MAGIC, u32(headerBytes.length), headerBytes, u32(paths.length), paths, stampBytes]));
  } catch {
    // A read-only folder only costs the next check its work.
  }
}

/** The stats of `watched.files[index]` as lstat gave them, when it is a plain file or folder. */
export function watchedStats(watched: Watched, index: number): PathStats | undefined {
  const at = index * FIELDS;
  const kind = watched.stamps[at];
  if (kind !== FILE && kind !== FOLDER) return undefined;
  const [size, mtimeMs, ctimeMs, ino] = watched.stamps.subarray(at + 1, at + FIELDS);
  return { size: size!, mtimeMs: mtimeMs!, ctimeMs: ctimeMs!, ino: ino!, isFile: kind === FILE };
}

function stampAll(root: string, paths: readonly string[]): Float64Array {
  const stamps = new Float64Array(paths.length * FIELDS);
  paths.forEach((path, i) => {
    const at = i * FIELDS;
    try {
      const stats = lstatSync(`${root}/${path}`, { throwIfNoEntry: false });
      if (!stats) return;
      stamps[at] = stats.isFile() ? FILE : stats.isDirectory() ? FOLDER : stats.isSymbolicLink() ? LINK : OTHER;
      stamps[at + 1] = stats.size;
      stamps[at + 2] = stats.mtimeMs;
      stamps[at + 3] = stats.ctimeMs;
      stamps[at + 4] = stats.ino;
    } catch {
      stamps[at] = FAILED;
    }
  });
  return stamps;
}

/** evidence/ and every folder below it, as EVIDENCE_UNMAPPED walks them (hidden ones skipped). */
function evidenceFolders(root: string): string[] {
  const folders: string[] = [];
  const walk = (folder: string): void => {
    folders.push(folder);
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, folder), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) if (entry.isDirectory() && !entry.name.startsWith('.')) walk(`${folder}/${entry.name}`);
  };
  walk('evidence');
  return folders;
}

function decode(bytes: Buffer): { header: Header; paths: string[]; stampsAt: number } | undefined {
  try {
    if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    let at = MAGIC.length;
    const headerLength = bytes.readUInt32LE(at);
    const header = JSON.parse(bytes.toString('utf8', at + 4, at + 4 + headerLength)) as Header;
    at += 4 + headerLength;
    const pathsLength = bytes.readUInt32LE(at);
    const paths = pathsLength === 0 ? [] : bytes.toString('utf8', at + 4, at + 4 + pathsLength - 1).split('\0');
    at += 4 + pathsLength;
    const count = header.files + header.folders;
    if (paths.length !== count || bytes.length !== at + count * FIELDS * 8) return undefined;
    return { header, paths, stampsAt: at };
  } catch {
    return undefined;
  }
}

function uid(): number {
  return process.getuid?.() ?? -1;
}

function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value);
  return buffer;
}
