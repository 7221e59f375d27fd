import { link, mkdir, open, realpath, rename, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { dirname, join } from 'node:path';
import { pathTextProblem, unportableName } from '../../core/application/paths.js';
import { temporaryPathFor } from '../../core/fs/atomic-write.js';
import { isInside } from '../../core/fs/inside.js';
import { HttpError } from './http-error.js';

export interface UploadOptions {
  /** The application folder's real path. */
  root: string;
  /** Where the file goes, relative to the folder, e.g. `evidence/plan/map.xlsx`. */
  path: string;
  /** Replace a file already there (the page asked first). */
  overwrite: boolean;
  limit: number;
}

/**
 * Writes the request's body to `path` inside the folder: refused past `limit`, written beside its
 * place and moved in whole, and never over an existing file unless `overwrite` says so.
 */
export async function receiveUpload(request: IncomingMessage, options: UploadOptions): Promise<void> {
  const megabytes = Math.round(options.limit / 1e6);
  const tooLarge = (): HttpError => new HttpError(413, `The file is larger than ${megabytes} MB, the most the page takes: put it into the folder yourself and choose it from there.`);
  if (Number(request.headers['content-length'] ?? 0) > options.limit) throw tooLarge();
  const problem = pathTextProblem(options.path) ?? unportableName(options.path);
  if (problem) throw new HttpError(400, `The file name ${options.path} ${problem}: rename the file first.`);
  const target = join(options.root, options.path);
  await insideFolder(options.root, dirname(target));
  const made = await mkdir(dirname(target), { recursive: true });
  const temporary = temporaryPathFor(target);
  let written = false;
  try {
    const handle = await open(temporary, 'wx', 0o644);
    let size = 0;
    try {
      // Past the limit the rest is read and dropped, so the browser gets the answer, not a reset.
      for await (const chunk of request as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size <= options.limit) await handle.write(chunk);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (size > options.limit) throw tooLarge();
    if (options.overwrite) await rename(temporary, target);
    else {
      await link(temporary, target).catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'EEXIST' ? new HttpError(409, `${options.path} exists already.`) : error;
      });
    }
    written = true;
  } finally {
    await rm(temporary, { force: true });
    // A refused upload leaves no trace, not even the folder made for it.
    if (!written && made !== undefined) await rm(made, { recursive: true, force: true });
  }
}

/** The nearest existing folder on the way must be inside the application folder: a link out of it is refused. */
async function insideFolder(root: string, folder: string): Promise<void> {
  for (let at = folder; isInside(root, at) && at !== dirname(at); at = dirname(at)) {
    const real = await realpath(at).catch(() => undefined);
    if (real === undefined) continue;
    if (!isInside(root, real)) throw new HttpError(403, `${at.slice(root.length + 1)} leads out of the application folder through a symbolic link.`);
    return;
  }
}
