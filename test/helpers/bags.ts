import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempDir } from './cli.js';
import { spawnWithin } from './spawn-limit.js';

export type BagFiles = Record<string, string | Buffer>;

export const hex = (algorithm: string, content: string | Buffer): string => createHash(algorithm).update(content).digest('hex');

/** manifest lines `<hash>  <path>` for the given payload files, hashed with `algorithm`. */
export function manifestOf(algorithm: string, files: BagFiles): string {
  return Object.entries(files)
    .map(([path, content]) => `${hex(algorithm, content)}  ${path}\n`)
    .join('');
}

/** A plain BagIt 1.0 bag of the given payload: bagit.txt, manifest-sha256.txt, then `extra` over any of it. */
export function plainBag(payload: BagFiles, extra: BagFiles = {}): BagFiles {
  return {
    'bagit.txt': 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n',
    'manifest-sha256.txt': manifestOf('sha256', payload),
    ...payload,
    ...extra,
  };
}

/** Writes the bag as a folder `bag/` in a new temp folder; returns the bag folder. */
export function writeBag(files: BagFiles): string {
  const root = join(tempDir('svmc-bag-'), 'bag');
  mkdirSync(join(root, 'data'), { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** Zips the folder with Python's zipfile, the folder itself as the zip's one top-level folder. */
export function zipFolder(folder: string): string {
  const zip = `${folder}.zip`;
  const script = `
import os, sys, zipfile
folder, target = sys.argv[1], sys.argv[2]
base = os.path.dirname(folder)
with zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED) as z:
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            z.write(path, os.path.relpath(path, base))
`;
  const made = spawnWithin('python3', ['-c', script, folder, zip], { encoding: 'utf8' }, 'python3 zipping a bag');
  if (made.status !== 0) throw new Error(made.stderr);
  return zip;
}
