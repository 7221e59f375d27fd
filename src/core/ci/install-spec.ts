import { existsSync, realpathSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { isInside } from '../fs/inside.js';

const looksLocal = (spec: string): boolean =>
  /^(\.{1,2}[/\\]|\/|file:)/.test(spec) || (/\.(tgz|tar\.gz|tar)$/.test(spec) && !spec.includes('://'));

const EXACT_VERSION = /^svmc@\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

export interface InstallSpec {
  /** What the workflow passes to `npm install -g`. */
  spec: string;
  /** Why the spec may not install the same svmc every time, if it may not. */
  unpinned?: string;
}

/**
 * What the workflow installs: `svmc@<this version>` by default; a tarball or clone given by path
 * must lie in the repository, the only files the job's machine has, and is named from its root.
 */
export function installSpec(given: string | undefined, root: string, version: string, cwd = process.cwd()): InstallSpec {
  if (given === undefined) return { spec: `svmc@${version}` };
  const spec = given.trim();
  if (spec === '' || spec.startsWith('-') || /[\u0000-\u001f\u007f]/.test(spec)) {
    throw new UsageError(`--install "${given}" is not something npm can install: give a version (svmc@${version}), a release tarball's path or a git URL`);
  }
  if (looksLocal(spec)) {
    const path = resolve(cwd, spec.replace(/^file:/, ''));
    if (!existsSync(path)) throw new UsageError(`--install ${given}: there is no such file or folder`);
    const real = realpathSync(path);
    if (!isInside(realpathSync(root), real)) {
      throw new UsageError(
        `--install ${given} lies outside ${root}, and the job's machine has only the repository's files: ` +
          'put the tarball in the repository, or give a version or a git URL',
      );
    }
    return { spec: `./${relative(realpathSync(root), real).split(sep).join('/')}` };
  }
  if (/^svmc(@|$)/.test(spec) && !EXACT_VERSION.test(spec)) {
    return { spec, unpinned: `${spec} is not one exact version, so the job may install a different svmc later; svmc@${version} pins this one` };
  }
  return { spec };
}
