import { readApplication } from '../application/load.js';
import { parseKey } from '../application/parse-cache.js';
import type { TextResult } from '../application/read-text.js';

/** svmc.yaml as read, with its parse key when it is text. */
export interface ReadDocument {
  file: string;
  read: TextResult;
  key?: string;
}

/** Reads `<dir>/svmc.yaml`. Throws UsageError when the folder or the file is missing or unreadable. */
export async function readDocument(dir: string): Promise<ReadDocument> {
  const { file, read } = await readApplication(dir);
  return { file, read, ...(read.text === undefined ? {} : { key: parseKey(read.text) }) };
}
