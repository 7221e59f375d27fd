import { lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isInside } from './inside.js';
import type { FileStamp } from '../cache/file-facts.js';
import type { InputRecorder } from '../cache/recorded-inputs.js';

/** The little of a Stats that svmc uses about a file. */
interface PathStats extends FileStamp {
  isFile: boolean;
}

type Failure = { kind: 'outside' } | { kind: 'failed'; code: string };

/** Where a path inside the application folder leads. `code`: the failed system call's error, e.g. ENOENT. */
export type Located = { kind: 'found'; real: string; absolute: string; stats: PathStats } | Failure;

type Folder = { real: string; inside: boolean } | Failure;

/**
 * A file found: its stats (not the Stats, and its four Dates) and its real path worked out only
 * when asked. Thousands are held during a check, and what a check holds on to is what its
 * garbage collector copies.
 */
class Found implements PathStats {
  readonly kind = 'found';
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
  readonly isFile: boolean;

  constructor(
    private readonly folder: string,
    /** Undefined when `folder` is the real path of the file itself. */
    private readonly name: string | undefined,
    stats: Stats | PathStats,
  ) {
    this.size = stats.size;
    this.mtimeMs = stats.mtimeMs;
    this.ctimeMs = stats.ctimeMs;
    this.ino = stats.ino;
    this.isFile = typeof stats.isFile === 'boolean' ? stats.isFile : stats.isFile();
  }

  get real(): string {
    return this.name === undefined ? this.folder : this.folder === '/' ? `/${this.name}` : `${this.folder}/${this.name}`;
  }

  /** The same as `real`, for a resolved file. */
  get absolute(): string {
    return this.real;
  }

  get stats(): PathStats {
    return this;
  }
}

/**
 * Resolves paths inside `root` (a real path) once each, however many criteria or rules ask, and
 * shared by the check rules and the manifest so a check stats each file once. Synchronous calls
 * and one realpath per folder, not per file: a warm check of 10,000 files is mostly this, and the
 * thread pool would make it several times slower.
 */
export class PathResolver {
  private readonly folders = new Map<string, Folder>();
  private readonly files = new Map<string, Located>();

  constructor(
    readonly root: string,
    /** Told of every lstat, so what a check looked at can back a kept result. */
    private readonly recorder?: InputRecorder,
  ) {}

  /** `path`: relative, normalised, with no text problem (see pathTextProblem). */
  locate(path: string): Located {
    let found = this.files.get(path);
    if (!found) {
      found = this.look(path);
      this.files.set(path, found);
    }
    return found;
  }

  private look(path: string): Located {
    const slash = path.lastIndexOf('/');
    // Normalised relative paths join by concatenation; anything odd goes through join().
    const plain = path !== '.' && path !== '' && !path.startsWith('../');
    const folderPath = plain ? (slash < 0 ? this.root : `${this.root}/${path.slice(0, slash)}`) : dirname(join(this.root, path));
    const name = plain ? path.slice(slash + 1) : basename(join(this.root, path));
    let folder = this.folders.get(folderPath);
    if (!folder) {
      if (plain && slash > 0) this.recordFolders(path.slice(0, slash));
      folder = this.folder(folderPath);
      this.folders.set(folderPath, folder);
    }
    if (!('real' in folder)) {
      if (folder.kind === 'failed' && folder.code !== 'ENOENT' && folder.code !== 'ENOTDIR') this.recorder?.fail(path);
      return folder;
    }
    const file = folder.real === '/' ? `/${name}` : `${folder.real}/${name}`;
    try {
      const stats = lstatSync(file, { throwIfNoEntry: false });
      this.recorder?.record(path, stats);
      if (!stats) return { kind: 'failed', code: 'ENOENT' };
      if (!stats.isSymbolicLink()) return folder.inside ? new Found(folder.real, name, stats) : { kind: 'outside' };
      const real = realpathSync.native(file);
      return isInside(this.root, real) ? new Found(real, undefined, statSync(real)) : { kind: 'outside' };
    } catch (error) {
      this.recorder?.fail(path);
      return failed(error);
    }
  }

  /** A folder on the way, and each one above it, as they stand: a folder swapped for a link shows. */
  private recordFolders(folder: string): void {
    for (let at = folder.length; at > 0; at = folder.lastIndexOf('/', at - 1)) this.recorder?.look(folder.slice(0, at));
  }

  private folder(path: string): Folder {
    try {
      const real = realpathSync.native(path);
      statSync(real);
      return { real, inside: isInside(this.root, real) };
    } catch (error) {
      return failed(error);
    }
  }
}

function failed(error: unknown): Failure {
  return { kind: 'failed', code: (error as NodeJS.ErrnoException).code ?? 'error' };
}
