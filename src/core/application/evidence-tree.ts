import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

/** What lies under `<dir>/evidence`, as `evidence/...` paths; hidden entries and unreadable folders are skipped. */
export interface EvidenceTree {
  /** evidence/ itself and every folder below it. */
  folders: string[];
  /** Files and symbolic links. */
  files: string[];
}

/** The one walk of evidence/: EVIDENCE_UNMAPPED lists its files, and a kept check result watches its folders. */
export function evidenceTree(dir: string): EvidenceTree {
  const tree: EvidenceTree = { folders: [], files: [] };
  const walk = (folder: string): void => {
    tree.folders.push(folder);
    let entries: Dirent[];
    try {
      entries = readdirSync(join(dir, folder), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() || entry.isSymbolicLink()) tree.files.push(path);
    }
  };
  walk('evidence');
  return tree;
}
