import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyOf, svmc, tempDir } from './helpers/cli.js';
import { spawnWithin } from './helpers/spawn-limit.js';

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
  // L1.CC.1 is written with its statement, its items under `evidence:`.
  const text = readFileSync(path, 'utf8').replace(/( {4}L1\.CC\.1:\n(?: {6}statement: .*\n)? {6}evidence:\n)/, `$1        - file: ${file}\n          summary: Extra evidence\n`);
  writeFileSync(path, text);
}

/** Runs Python (standard library only) on `script` with JSON-encoded `args`; returns stdout. */
export function python(script: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnWithin('python3', ['-c', script, ...args], { encoding: 'utf8' });
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

/**
 * What a forger does to a pack's tag files: each `changed` file (relative to the bag) replaced or
 * added, and tagmanifest-sha256.txt rewritten to match, so only what the tag files must agree with
 * can tell. Returns the forged zip.
 */
export function forgeTagFiles(zip: string, changed: Record<string, string | Buffer>): string {
  const target = join(tempDir('svmc-forged-'), 'forged.zip');
  const encoded = Object.fromEntries(Object.entries(changed).map(([name, bytes]) => [name, Buffer.from(bytes).toString('base64')]));
  const made = python(FORGE, zip, target, JSON.stringify(encoded));
  if (made.code !== 0) throw new Error(made.stderr);
  return target;
}

const FORGE = `
import base64, hashlib, json, sys, zipfile
src, dst, changed = sys.argv[1], sys.argv[2], {k: base64.b64decode(v) for k, v in json.loads(sys.argv[3]).items()}
with zipfile.ZipFile(src) as zin:
    bag = zin.namelist()[0].split('/')[0]
    files = {i.filename[len(bag) + 1:]: zin.read(i) for i in zin.infolist() if not i.is_dir()}
files.update(changed)
listed = sorted(n for n in files if not n.startswith('data/') and n != 'tagmanifest-sha256.txt')
files['tagmanifest-sha256.txt'] = ''.join(hashlib.sha256(files[n]).hexdigest() + '  ' + n + '\\n' for n in listed).encode()
with zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as zout:
    for name in sorted(files):
        zout.writestr(bag + '/' + name, files[name])
`;
