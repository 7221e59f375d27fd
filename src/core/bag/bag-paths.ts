import { isVersion1 } from './declaration.js';

export type BagPath = { path: string } | { problem: string };

/**
 * A file path as a manifest or fetch.txt writes it, made plain: percent-encoded CR, LF (and, from
 * 1.0, %) decoded; the `*` and `./` that md5sum-style tools write dropped; `.` segments and a
 * `..` that stays inside resolved. A path that is absolute, starts with `~`, uses `\` or climbs
 * out of the bag is refused, as an extracting tool could be led to write or read outside it.
 */
export function bagPath(raw: string, version: string): BagPath {
  const decoded = raw.replace(isVersion1(version) ? /%(0D|0A|25)/gi : /%(0D|0A)/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  const path = decoded.startsWith('*') && decoded.length > 1 ? decoded.slice(1) : decoded;
  if (path.includes('\0')) return { problem: 'it holds a NUL character' };
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return { problem: 'it is an absolute path, outside the bag' };
  if (path.startsWith('~')) return { problem: 'it starts with ~, which names a home folder outside the bag' };
  if (path.includes('\\')) return { problem: 'it uses \\, but BagIt paths use / between folders' };
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') segments.push(segment);
    else if (segments.pop() === undefined) return { problem: 'it climbs out of the bag with ..' };
  }
  if (segments.length === 0) return { problem: 'it names no file' };
  return { path: segments.join('/') };
}

export const isPayloadPath = (path: string): boolean => path.startsWith('data/');
