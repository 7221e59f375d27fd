import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { READ_LIMITS, readRegularFileSync } from '../fs/read-file.js';
import { applicationSchemaCopy, SCHEMA_COPY_NAME } from '../schema/schema-copy.js';

/** Whether the `$schema` line of an svmc.yaml leads an editor, offline, to svmc's application schema. */
type SchemaLineStatus =
  | 'current' // the copy beside svmc.yaml, as this svmc writes it
  | 'resolves' // a file that exists: the installed schema, or one the user chose
  | 'outdated' // the copy beside svmc.yaml, from another svmc
  | 'missing' // a path to a file that does not exist
  | 'unresolvable' // an address known not to exist
  | 'online' // an address on the web: an editor may fetch it, svmc cannot tell offline
  | 'no-line'
  | 'no-application';

export interface SchemaLine {
  /** The svmc.yaml looked at. */
  file: string;
  status: SchemaLineStatus;
  /** What the line names, as written. */
  target?: string;
  /** Where a path leads, resolved. */
  resolved?: string;
  /** Whether svmc.schema.json beside svmc.yaml is this svmc's copy, whatever the line names. */
  copyCurrent?: boolean;
}

const LINE = /^#\s*yaml-language-server:\s*\$schema=(\S+)/m;
/** The address older svmc versions wrote, for a package that has never been published there. */
const UNPUBLISHED = /^https:\/\/unpkg\.com\/svmc@/;
const HEAD_BYTES = 4096;

/** Finds and judges the `$schema` line in the first lines of `dir`'s svmc.yaml. */
export function inspectSchemaLine(dir: string, version: string): SchemaLine {
  const line = judgeLine(join(resolve(dir), 'svmc.yaml'), version);
  if (line.status === 'no-application') return line;
  const copy = join(resolve(dir), SCHEMA_COPY_NAME);
  return { ...line, copyCurrent: existsSync(copy) && isCurrentCopy(copy, version) };
}

function judgeLine(file: string, version: string): SchemaLine {
  if (!existsSync(file)) return { file, status: 'no-application' };
  const text = new TextDecoder().decode(readRegularFileSync(file, READ_LIMITS.document)).slice(0, HEAD_BYTES);
  const target = LINE.exec(text)?.[1];
  if (target === undefined) return { file, status: 'no-line' };
  if (UNPUBLISHED.test(target)) return { file, status: 'unresolvable', target };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) return { file, status: 'online', target };
  const resolved = resolve(dirname(file), target.replace(/^file:\/\//, ''));
  if (!existsSync(resolved)) return { file, status: 'missing', target, resolved };
  if (isSchemaCopy(resolved, dirname(file))) {
    const current = isCurrentCopy(resolved, version);
    return { file, status: current ? 'current' : 'outdated', target, resolved };
  }
  return { file, status: 'resolves', target, resolved };
}

/** The same schema as this svmc writes; which svmc wrote it (its `$comment`) does not matter. */
function isCurrentCopy(path: string, version: string): boolean {
  const withoutComment = (text: string): string => {
    const { $comment: _comment, ...schema } = JSON.parse(text) as Record<string, unknown>;
    return JSON.stringify(schema);
  };
  try {
    return withoutComment(readFileSync(path, 'utf8')) === withoutComment(applicationSchemaCopy(version));
  } catch {
    return false;
  }
}

const isSchemaCopy = (path: string, dir: string): boolean => {
  try {
    return realpathSync(path) === realpathSync(join(dir, SCHEMA_COPY_NAME));
  } catch {
    return false;
  }
};

/** True when `path` holds a copy svmc wrote (so svmc may replace it), or nothing yet. */
export function isOwnSchemaCopy(path: string): boolean {
  if (!existsSync(path)) return true;
  try {
    const { $comment } = JSON.parse(readFileSync(path, 'utf8')) as { $comment?: unknown };
    return typeof $comment === 'string' && $comment.startsWith('A copy of svmc ');
  } catch {
    return false;
  }
}
