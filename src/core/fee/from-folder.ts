import { readFileSync } from 'node:fs';
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
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new UsageError(`cannot read ${path}: ${code ?? (error as Error).message}`);
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
