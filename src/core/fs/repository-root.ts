import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The git repository around `dir`: the nearest folder up holding `.git` (a folder, or a file in a worktree). */
export function findRepositoryRoot(dir: string): string | undefined {
  for (let at = resolve(dir); ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return at;
    if (dirname(at) === at) return undefined;
  }
}
