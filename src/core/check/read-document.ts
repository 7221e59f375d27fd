import { stat } from 'node:fs/promises';
import { readApplication } from '../application/load.js';
import { parseKey } from '../application/parse-cache.js';
import type { TextResult } from '../application/read-text.js';

/** svmc.yaml as read, with the key of what is cached about it when it is text. */
export interface ReadDocument {
  file: string;
  read: TextResult;
  key?: string;
}

/**
 * Reads `<dir>/svmc.yaml`. Throws UsageError when the folder or the file is missing or unreadable.
 * The key is its text's (see parseKey) tied to this very file by its inode and change time, which
 * no one can know before the file exists: caches that come with a copied or checked-out folder,
 * by mistake or on purpose, never match.
 */
export async function readDocument(dir: string): Promise<ReadDocument> {
  const { file, read } = await readApplication(dir);
  if (read.text === undefined) return { file, read };
  const { ino, ctimeMs } = await stat(file);
  return { file, read, key: `${parseKey(read.text)}-${ino}-${ctimeMs}` };
}
