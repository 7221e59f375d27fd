import { ROLES } from '../domain.js';
import { READ_LIMITS } from '../fs/read-limits.js';
import { parseManifest } from '../manifest/format.js';
import { signedManifestPath } from '../signing/signoff-files.js';
import { unmappedFiles } from './evidence-unmapped.js';
import type { RuleContext } from './types.js';

/** Hashing unmapped files to find a moved one is bounded: a folder of thousands of new files is not read whole. */
const MAX_CANDIDATES = 50;

/**
 * For files svmc.yaml names that are gone, the unmapped file under evidence/ with the very same
 * content (size and SHA-256, as last recorded in the file facts or a signed manifest), if any.
 */
export async function movedFiles(context: RuleContext, missing: readonly string[]): Promise<Map<string, string>> {
  const { files } = context;
  const moved = new Map<string, string>();
  const signed = signedHashes(context);
  const wanted = missing
    .map((path) => {
      const known = files.facts.recorded(path);
      return { path, known, sha256: known?.sha256 ?? signed.get(path) };
    })
    .filter((m): m is typeof m & { sha256: string } => m.sha256 !== undefined);
  if (wanted.length === 0) return moved;
  const sizes = new Set(wanted.map((m) => m.known?.size));
  const candidates = unmappedFiles(context)
    .filter((file) => {
      const found = files.locate(file);
      return found.kind === 'found' && found.stats.isFile && (sizes.has(undefined) || sizes.has(found.stats.size));
    })
    .slice(0, MAX_CANDIDATES);
  for (const file of candidates) {
    const sha256 = await files.sha256(file);
    for (const m of wanted) {
      if (m.sha256 === sha256 && !moved.has(m.path)) moved.set(m.path, file);
    }
  }
  return moved;
}

function signedHashes(context: RuleContext): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const role of ROLES) {
    const text = context.files.readText(signedManifestPath(role), READ_LIMITS.manifest);
    if (typeof text === 'string') for (const [path, sha256] of parseManifest(text)) hashes.set(path, sha256);
  }
  return hashes;
}
