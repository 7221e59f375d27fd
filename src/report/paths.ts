import type { FindingLocation } from '../core/findings.js';
import { posix, relative, resolve, sep } from 'node:path';

const toPosix = (path: string): string => (sep === '\\' ? path.replaceAll('\\', '/') : path);

/**
 * Path of a file of an application, with `/`: relative to `cwd` when given (the repository root
 * in CI), otherwise starting at the application folder as the user named it.
 */
export function reportPath(dir: string, file: string | undefined, cwd?: string): string {
  const base = cwd === undefined ? dir : relative(cwd, resolve(cwd, dir));
  return posix.normalize(posix.join(toPosix(base), file ?? ''));
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Sub-delimiters and "@" may stay literal in a path segment (RFC 3986 pchar); ":" may not
// in the first segment of a relative reference, so it stays encoded everywhere.
const KEEP_LITERAL = /%(?:24|26|2B|2C|3B|3D|40)/g;

function encodeSegment(segment: string): string {
  return encodeURIComponent(segment.replace(LONE_SURROGATE, '\uFFFD')).replace(KEEP_LITERAL, decodeURIComponent);
}

/** A `/`-separated path as a URI reference: relative stays relative, a drive path becomes file:///. */
export function toUriReference(path: string): string {
  const drive = /^([A-Za-z]):\//.exec(path);
  if (drive) return `file:///${drive[1]}:/${path.slice(3).split('/').map(encodeSegment).join('/')}`;
  return path.split('/').map(encodeSegment).join('/');
}

/** `path:line:col` of a finding's location, the path as `reportPath` gives it. */
export function formatLocation(dir: string, location: FindingLocation, cwd?: string): string {
  const { file, line, col } = location;
  const path = reportPath(dir, file, cwd);
  if (line === undefined) return path;
  return col === undefined ? `${path}:${line}` : `${path}:${line}:${col}`;
}
