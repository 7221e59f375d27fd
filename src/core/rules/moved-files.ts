import { join } from 'node:path';
import { READ_LIMITS, readTextIfPresent } from '../fs/read-file.js';
import { hashFile } from '../manifest/hash-file.js';
import { parseManifest } from '../manifest/format.js';
import { ROLES } from '../domain.js';
import { signedManifestPath } from '../signing/signoff-files.js';
import { unmappedFiles } from './evidence-unmapped.js';
import type { RuleContext } from './types.js';

/** Hashing unmapped files to find a moved one is bounded: a folder of thousands of new files is not read whole. */
const MAX_CANDIDATES = 50;

/**
 * For files svmc.yaml names that are gone, the unmapped file under evidence/ with the very same
 * content (size and SHA-256, as last recorded in the file cache or a signed manifest), if any.
 */
export async function movedFiles(context: RuleContext, missing: readonly string[]): Promise<Map<string, string>> {
  const moved = new Map<string, string>();
  const signed = await signedHashes(context.dir);
  const wanted = missing
    .map((path) => {
      const known = context.files.cache.recorded(path);
      return { path, known, sha256: known?.sha256 ?? signed.get(path) };
    })
    .filter((m): m is typeof m & { sha256: string } => m.sha256 !== undefined);
  if (wanted.length === 0) return moved;
  const sizes = new Set(wanted.map((m) => m.known?.size));
  const candidates = unmappedFiles(context)
    .map((file) => ({ file, found: context.files.resolver.locate(file) }))
    .filter(({ found }) => found.kind === 'found' && found.stats.isFile && (sizes.has(undefined) || sizes.has(found.stats.size)))
    .slice(0, MAX_CANDIDATES);
  for (const { file, found } of candidates) {
    if (found.kind !== 'found') continue;
    const sha256 = await hashFile(found.real).catch(() => undefined);
    for (const m of wanted) {
      if (m.sha256 === sha256 && !moved.has(m.path)) moved.set(m.path, file);
    }
  }
  return moved;
}

async function signedHashes(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const role of ROLES) {
    const text = await readTextIfPresent(join(dir, signedManifestPath(role)), READ_LIMITS.manifest).catch(() => undefined);
    if (text !== undefined) for (const [path, sha256] of parseManifest(text)) hashes.set(path, sha256);
  }
  return hashes;
}
