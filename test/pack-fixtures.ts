import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyOf, svmc, tempDir } from './helpers/cli.js';

export const EPOCH = '1767225600';

/** The level-1 example, with keys made, registered and used by both representatives. */
export function signedApplication(prepare?: (dir: string) => void): { dir: string; keys: string } {
  const dir = copyOf('examples/level-1', 'svmc-pack-');
  prepare?.(dir);
  const keys = join(dir, '..', 'keys');
  for (const role of ['lead', 'senior']) {
    const made = svmc(['keygen', '--no-passphrase', '--as', role, '--out', join(keys, `${role}.key`), '--register', '--dir', dir]);
    if (made.code !== 0) throw new Error(made.stderr);
  }
  for (const role of ['lead', 'senior']) {
    const signed = svmc(['sign', '--as', role, '--key', join(keys, `${role}.key`), '--dir', dir]);
    if (signed.code !== 0) throw new Error(signed.stderr);
  }
  return { dir, keys };
}

/** A signed pack of the level-1 example, made with a fixed date. */
export function signedPack(prepare?: (dir: string) => void): { dir: string; keys: string; zip: string } {
  const app = signedApplication(prepare);
  const zip = join(tempDir('svmc-zip-'), 'pack.zip');
  const packed = svmc(['pack', app.dir, '--out', zip], { env: { SOURCE_DATE_EPOCH: EPOCH } });
  if (packed.code !== 0) throw new Error(packed.stderr);
  return { ...app, zip };
}

/** Maps an extra evidence file under L1.CC.1 by editing svmc.yaml's text. */
export function mapExtraEvidence(dir: string, file: string): void {
  const path = join(dir, 'svmc.yaml');
  const text = readFileSync(path, 'utf8').replace('    L1.CC.1:\n', `    L1.CC.1:\n      - file: ${file}\n        summary: Extra evidence\n`);
  writeFileSync(path, text);
}

/** Runs Python (standard library only) on `script` with JSON-encoded `args`; returns stdout. */
export function python(script: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync('python3', ['-c', script, ...args], { encoding: 'utf8' });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Rewrites a zip entry by entry with Python's zipfile: `ops` may drop entries, replace or add
 * content (base64), or flip one byte inside an entry's stored data in the finished file.
 */
export const REZIP = `
import base64, json, sys, zipfile
src, dst, ops = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w') as zout:
    for info in zin.infolist():
        if info.filename in ops.get('drop', []):
            continue
        data = zin.read(info)
        if info.filename in ops.get('replace', {}):
            data = base64.b64decode(ops['replace'][info.filename])
        zout.writestr(info, data)
    for name, content in ops.get('add', {}).items():
        zout.writestr(name, base64.b64decode(content))
flip = ops.get('flip')
if flip:
    with zipfile.ZipFile(dst) as z:
        info = z.getinfo(flip)
    with open(dst, 'r+b') as f:
        f.seek(info.header_offset + 26)
        n, e = int.from_bytes(f.read(2), 'little'), int.from_bytes(f.read(2), 'little')
        at = info.header_offset + 30 + n + e + info.compress_size // 2
        f.seek(at)
        b = f.read(1)
        f.seek(at)
        f.write(bytes([b[0] ^ 0x01]))
`;

/** The bag folder name inside a pack. */
export function bagName(zip: string): string {
  const listed = python('import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).namelist()[0].split("/")[0])', zip);
  return listed.stdout.trim();
}
