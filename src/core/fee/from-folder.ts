import { FileReadError, READ_LIMITS, readRegularFileSync } from '../fs/read-file.js';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../errors.js';

/** What `svmc fee` needs from a svmc.yaml; values are unchecked until parsed. */
export interface FolderFeeFacts {
  size?: unknown;
  level?: unknown;
  renewal?: unknown;
}

/** Reads size, level and renewal from DIR/svmc.yaml; undefined when there is no such file. */
export function readFolderFeeFacts(dir: string): FolderFeeFacts | undefined {
  const path = join(dir, 'svmc.yaml');
  let text: string;
  try {
    text = readRegularFileSync(path, READ_LIMITS.document).toString('utf8');
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    if (error.reason === 'missing') return undefined;
    throw new UsageError(error.reason === 'too-large' ? `${path} is too large to be an application file (run "svmc check")` : error.message);
  }
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 100, uniqueKeys: true });
  } catch {
    throw new UsageError(`${path} is not valid YAML (run "svmc check" for details)`);
  }
  const root = asRecord(data);
  return {
    size: asRecord(asRecord(root.applicant).membership).size,
    level: asRecord(root.application).level,
    renewal: asRecord(root.application).renewal,
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
