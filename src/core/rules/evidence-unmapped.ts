import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { normalisePath } from '../application/paths.js';
import { finding } from '../findings.js';
import { fileTargets } from './file-targets.js';
import type { Rule } from './types.js';

/** EVIDENCE_UNMAPPED (warning): files under evidence/ that no criterion uses. Hidden files are ignored. */
export const evidenceUnmapped: Rule = (context) => {
  const files: string[] = [];
  listFiles(join(context.dir, 'evidence'), 'evidence', files);
  const mapped = new Set(fileTargets(context).map((t) => normalisePath(t.file)));
  return files
    .filter((file) => !mapped.has(file))
    .sort()
    .map((file) =>
      finding('EVIDENCE_UNMAPPED', `${file} is not mapped to any criterion: map it with "svmc map CRITERION ${file}", or move it out of evidence/.`, {
        location: { file },
      }),
    );
};

/** Files and symbolic links below `folder`, as `prefix/...` paths; hidden entries and unreadable folders are skipped. */
function listFiles(folder: string, prefix: string, files: string[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) listFiles(join(folder, entry.name), path, files);
    else if (entry.isFile() || entry.isSymbolicLink()) files.push(path);
  }
}
