import { closeSync, constants, lstatSync, openSync, readSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { createHash, hash as oneShotHash, type Hash } from 'node:crypto';
import { join } from 'node:path';
import { FileFacts } from '../cache/file-facts.js';
import { InputRecorder, type Inputs } from '../cache/recorded-inputs.js';
import { MAX_WHOLE_SCAN_BYTES, OVERLAP_BYTES, SCAN_CHUNK_BYTES, binaryFormat, findSecret } from './secrets.js';
import { FileReadError, readRegularFileSync } from '../fs/read-file.js';
import { hashFile } from '../fs/hash-file.js';
import { PARALLEL_HASH_MIN_BYTES, type ParallelHasher } from '../fs/parallel-hash.js';
import { PathResolver, type Located } from '../fs/path-resolver.js';
import { normalisePath, pathTextProblem } from './paths.js';

export type FileState =
  | { kind: 'outside'; reason: string }
  | { kind: 'missing' }
  | { kind: 'unreadable'; reason: string }
  | { kind: 'empty' }
  | { kind: 'ok'; secret?: string };

/** Most files are fine: one shared state for all of them. */
const OK: FileState = Object.freeze({ kind: 'ok' });

/** What lies under a folder of the application: its folders (itself first) and its files and links. */
export interface FolderTree {
  folders: string[];
  files: string[];
}

/**
 * The one door to an application folder's files: everything a check, a sign-off or a pack reads
 * inside the folder goes through here. Each path is resolved inside the folder once, stat-ed once
 * and read at most once per question; what is known from earlier runs comes from the file facts;
 * and every path touched is recorded with its stamp, so a kept result rests on exactly what was
 * read. Synchronous where it can be: for thousands of small files one system call each on the main
 * thread is many times faster than the thread pool's round trips.
 */
export class ApplicationFolder {
  readonly recorder: InputRecorder;
  readonly paths: PathResolver;
  private readonly states = new Map<string, FileState>();
  private readonly hashes = new Map<string, Promise<string | undefined>>();
  private readonly trees = new Map<string, FolderTree>();
  private readonly texts = new Map<string, string | undefined | FileReadError>();
  /** Hashes taken while scanning for secrets, for this run: a just-written file's facts are not kept, but its read still counts. */
  private readonly scannedHashes = new Map<string, string>();

  private known: FileFacts | undefined;

  constructor(
    /** The folder's real path. */
    readonly root: string,
    /** Off for a pack's payload laid out again: its content is known by hash, and a pack never holds a secret. */
    private readonly scanContents = true,
  ) {
    this.recorder = new InputRecorder(root);
    this.paths = new PathResolver(root, this.recorder);
  }

  /** What earlier runs learnt of the files: read on first use, as a kept check result needs none of it. */
  get facts(): FileFacts {
    this.known ??= FileFacts.loadSync(this.root);
    return this.known;
  }

  /** Where a normalised path leads, stat-ed once. */
  locate(path: string): Located {
    return this.paths.locate(path);
  }

  /** What a path named in svmc.yaml holds, for the check rules: inside, present, non-empty, readable, free of secrets. */
  inspect(path: string): FileState {
    let state = this.states.get(path);
    if (!state) {
      const key = normalisePath(path);
      state = this.states.get(key) ?? this.look(path, key);
      this.states.set(key, state);
      this.states.set(path, state);
    }
    return state;
  }

  /**
   * The SHA-256 of a regular file inside the folder, from the facts when its stamp is unchanged;
   * undefined when it cannot be read. A large file goes to `hasher`, when given, so that several
   * are hashed at once.
   */
  sha256(path: string, onBytes?: (bytes: number) => void, hasher?: ParallelHasher): Promise<string | undefined> {
    let hash = this.hashes.get(path);
    if (!hash) {
      hash = this.hash(path, onBytes, hasher);
      this.hashes.set(path, hash);
    }
    return hash;
  }

  /** A file's text, read whole up to `maxBytes`; undefined when it does not exist; the error when it cannot be read. */
  readText(path: string, maxBytes: number): string | undefined | FileReadError {
    if (this.texts.has(path)) return this.texts.get(path);
    const text = this.read(path, maxBytes);
    this.texts.set(path, text);
    return text;
  }

  private read(path: string, maxBytes: number): string | undefined | FileReadError {
    try {
      const stats = lstatSync(join(this.root, path), { throwIfNoEntry: false });
      this.recorder.record(path, stats);
      // Most sign-off files of a folder being prepared are not there yet: no failed open to tell it again.
      if (!stats) return undefined;
      return readRegularFileSync(join(this.root, path), maxBytes).toString('utf8');
    } catch (error) {
      if (!(error instanceof FileReadError)) {
        this.recorder.fail(path);
        throw error;
      }
      if (error.reason === 'missing') return undefined;
      if (error.reason === 'unreadable') this.recorder.fail(path);
      return error;
    }
  }

  /** Every folder and file under `folder`; hidden entries and unreadable folders are skipped. Walked once. */
  tree(folder: string): FolderTree {
    let tree = this.trees.get(folder);
    if (!tree) {
      tree = { folders: [], files: [] };
      this.walk(folder, tree);
      this.trees.set(folder, tree);
    }
    return tree;
  }

  /** Records a file outside the folder that a result depends on (a catalogue of the user's own). */
  depend(absolutePath: string): void {
    this.recorder.look(absolutePath);
  }

  /** Whether a regular file is at a path outside the folder (the default key a hint names), recorded as a dependency. */
  hasOutsideFile(absolutePath: string): boolean {
    this.depend(absolutePath);
    try {
      return statSync(absolutePath, { throwIfNoEntry: false })?.isFile() ?? false;
    } catch {
      return false;
    }
  }

  /** A small text file outside the folder (the default key's public half), recorded as a dependency; undefined when unreadable. */
  outsideText(absolutePath: string, maxBytes: number): string | undefined {
    this.depend(absolutePath);
    try {
      return readRegularFileSync(absolutePath, maxBytes).toString('utf8');
    } catch {
      return undefined;
    }
  }

  /** What was read, for a kept result; undefined when some of it cannot be judged by its stamp. */
  inputs(): Inputs | undefined {
    return this.recorder.unfitReason === undefined ? this.recorder.inputs() : undefined;
  }

  /** Keeps what was learnt about the files for the next run; best effort. */
  async saveFacts(createCacheFolder = false): Promise<void> {
    await this.facts.save(this.root, createCacheFolder);
  }

  private walk(folder: string, tree: FolderTree): void {
    tree.folders.push(folder);
    this.recorder.look(folder);
    let entries: Dirent[];
    try {
      entries = readdirSync(join(this.root, folder), { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.recorder.fail(folder);
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) this.walk(path, tree);
      else if (entry.isFile() || entry.isSymbolicLink()) tree.files.push(path);
    }
  }

  private look(path: string, key: string): FileState {
    const problem = pathTextProblem(path);
    if (problem) return { kind: 'outside', reason: problem };
    const found = this.locate(key);
    if (found.kind === 'outside') return { kind: 'outside', reason: 'leads out of the application folder through a symbolic link' };
    if (found.kind === 'failed') return failed(found.code);
    const { real, stats } = found;
    if (!stats.isFile) return { kind: 'unreadable', reason: 'is a folder or device, not a file: map the files inside it' };
    if (stats.size === 0) return { kind: 'empty' };
    if (!this.scanContents) return OK;
    const cached = this.facts.secret(key, stats);
    if (cached !== undefined) return cached ? { kind: 'ok', secret: cached } : OK;
    try {
      const startedAt = Date.now();
      const { secret, sha256 } = scan(real, stats.size);
      this.facts.recordSecret(key, stats, secret, startedAt);
      if (sha256 !== undefined) {
        this.scannedHashes.set(key, sha256);
        this.facts.recordSha256(key, stats, sha256, startedAt);
      }
      return secret ? { kind: 'ok', secret } : OK;
    } catch (error) {
      this.recorder.fail(key);
      return { kind: 'unreadable', reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): check its permissions` };
    }
  }

  private async hash(path: string, onBytes?: (bytes: number) => void, hasher?: ParallelHasher): Promise<string | undefined> {
    const found = this.locate(path);
    if (found.kind !== 'found' || !found.stats.isFile) return undefined;
    const known = this.scannedHashes.get(path) ?? this.facts.sha256(path, found.stats);
    if (known !== undefined) {
      onBytes?.(found.stats.size);
      return known;
    }
    const startedAt = Date.now();
    try {
      const sha256 = (await this.hashElsewhere(found.real, found.stats.size, onBytes, hasher)) ?? (await hashFile(found.real, onBytes));
      this.facts.recordSha256(path, found.stats, sha256, startedAt);
      return sha256;
    } catch (error) {
      if (!isReadError(error)) throw error;
      this.recorder.fail(path);
      return undefined;
    }
  }

  /** Undefined when no worker took it, or its read failed: this thread then hashes it and meets the error itself. */
  private async hashElsewhere(real: string, size: number, onBytes?: (bytes: number) => void, hasher?: ParallelHasher): Promise<string | undefined> {
    if (size < PARALLEL_HASH_MIN_BYTES) return undefined;
    const sha256 = (await hasher?.hashFile(real))?.digests.sha256;
    if (sha256 !== undefined) onBytes?.(size);
    return sha256;
  }
}

function failed(code: string): FileState {
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
  return { kind: 'unreadable', reason: code === 'ELOOP' ? 'is a loop of symbolic links' : `cannot be opened (${code})` };
}

/** A file the user cannot read (permissions, a folder, a device error): reported by the check, not a crash. */
function isReadError(error: unknown): boolean {
  if (error instanceof FileReadError) return true;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && ['EACCES', 'EPERM', 'EISDIR', 'ELOOP', 'EIO', 'ENOENT', 'ENXIO'].includes(code);
}

// A file swapped for a FIFO or a device after its lstat must not stall the check: it is opened
// without waiting, and read no further than the lstat's size. (An fstat to tell it apart cost a
// tenth of a cold check of 10,010 files.)
const SCAN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

let shared: Buffer | undefined;
const HEAD_BYTES = 64 * 1024;

/**
 * Every file is read for secrets: whole up to 64 MiB, chunk by chunk, each read following the tail
 * of the one before so no secret hides across a boundary; only the first 64 KiB of a file whose
 * first bytes show a compressed or binary format, or of a larger one. What is read is hashed on the
 * way: a file read whole needs no second read for the manifest (on 10,010 small files a cold check
 * spent 1.7 s opening, reading and closing them twice).
 */
function scan(path: string, size: number): { secret?: string; sha256?: string } {
  const fd = openSync(path, SCAN_FLAGS);
  try {
    const buffer = (shared ??= Buffer.allocUnsafe(SCAN_CHUNK_BYTES + OVERLAP_BYTES));
    let hash: Hash | undefined;
    let kept = 0;
    for (let position = 0; ; ) {
      // A first short read is enough to tell a compressed or binary format, which stops there.
      const read = readSync(fd, buffer, kept, position === 0 ? HEAD_BYTES : buffer.length - kept, position);
      if (read === 0) return position === size && hash ? { sha256: hash.digest('hex') } : {};
      const chunk = buffer.subarray(kept, kept + read);
      position += read;
      const filled = kept + read;
      const secret = findSecret(buffer.subarray(0, filled));
      if (secret) return { secret };
      // Most files are read whole at once: one call hashes them, at half the cost of a hash object.
      if (position === read && position >= size) return position === size ? { sha256: oneShotHash('sha256', chunk, 'hex') } : {};
      (hash ??= createHash('sha256')).update(chunk);
      if (position >= size) return position === size ? { sha256: hash.digest('hex') } : {};
      if (position === read && (size > MAX_WHOLE_SCAN_BYTES || binaryFormat(buffer.subarray(0, filled)))) return {};
      kept = Math.min(OVERLAP_BYTES, filled);
      buffer.copy(buffer, 0, filled - kept, filled);
    }
  } finally {
    closeSync(fd);
  }
}
