import { lstatSync, type Stats } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { RACY_MS } from './cache-folder.js';

/** Per recorded path: kind (0 when missing), size, mtimeMs, ctimeMs, ino. */
export const STAMP_FIELDS = 5;
const MISSING = 0;
const FILE = 1;
const FOLDER = 2;
const LINK = 3;
const OTHER = 4;

/** What a computation read, with the lstat of each path when it first did: its result holds while these do. */
export interface Inputs {
  /** Relative to the root, with `/`, or absolute for a path outside it. */
  paths: string[];
  stamps: Float64Array;
}

/**
 * Records the paths a check reads and how each looked (as git's index keeps its files' stat
 * data): a kept result is tied to exactly what the rules touched, never to a list kept by hand.
 * A path that could not be judged by its stamp (a symbolic link, a failed read, a change too
 * recent to tell from one to come) makes the whole record unfit to keep.
 */
export class InputRecorder {
  private readonly index = new Map<string, number>();
  private readonly paths: string[] = [];
  private stamps: number[] = [];
  private unfit: string | undefined;
  /** When recording began: a change after it is not in the stamps. */
  private readonly startedAt = Date.now();

  constructor(private readonly root: string) {}

  /** Records `path` as seen by `stats` (undefined when it does not exist), unless already recorded. */
  record(path: string, stats: Stats | undefined): void {
    if (this.index.has(path)) return;
    this.index.set(path, this.paths.length);
    this.paths.push(path);
    this.stamps.push(...stampOf(stats));
    if (stats?.isSymbolicLink()) this.unfit ??= `${path} is a symbolic link`;
    else if (stats && this.startedAt - Math.max(stats.mtimeMs, stats.ctimeMs) < RACY_MS) this.unfit ??= `${path} changed just now`;
  }

  /** Records `path` with its own lstat, taken now. */
  look(path: string): void {
    if (this.index.has(path)) return;
    let stats: Stats | undefined;
    try {
      stats = lstatSync(this.absolute(path), { throwIfNoEntry: false });
    } catch {
      this.fail(path);
      return;
    }
    this.record(path, stats);
  }

  /** A read of `path` failed in a way its stamp cannot show (permissions, an I/O error). */
  fail(path: string): void {
    this.unfit ??= `${path} could not be read`;
  }

  /** Why what was recorded cannot back a kept result, or undefined when it can. */
  get unfitReason(): string | undefined {
    return this.unfit;
  }

  inputs(): Inputs {
    return { paths: [...this.paths], stamps: Float64Array.from(this.stamps) };
  }

  private absolute(path: string): string {
    return isAbsolute(path) ? path : join(this.root, path);
  }
}

function stampOf(stats: Stats | undefined): number[] {
  if (!stats) return [MISSING, 0, 0, 0, 0];
  const kind = stats.isFile() ? FILE : stats.isDirectory() ? FOLDER : stats.isSymbolicLink() ? LINK : OTHER;
  return [kind, stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino];
}

/** The stamps of `paths` now, in the same layout; NaN marks a path that could not be stat-ed. */
export function stampsNow(root: string, paths: readonly string[]): Float64Array {
  const stamps = new Float64Array(paths.length * STAMP_FIELDS);
  paths.forEach((path, i) => {
    let stats: Stats | undefined;
    try {
      stats = lstatSync(isAbsolute(path) ? path : `${root}/${path}`, { throwIfNoEntry: false });
    } catch {
      stamps[i * STAMP_FIELDS] = Number.NaN;
      return;
    }
    stamps.set(stampOf(stats), i * STAMP_FIELDS);
  });
  return stamps;
}
