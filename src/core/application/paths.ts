import { posix } from 'node:path';

/**
 * Why a path written in svmc.yaml may not be used, judged from its text alone: it must be
 * relative, use `/`, and stay inside the application folder.
 */
export function pathTextProblem(path: string): string | undefined {
  if (path.includes('\0')) return 'contains a NUL character';
  if (path.includes('\\')) return 'uses "\\": write paths with "/"';
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return 'is a URL or drive path: write a path relative to the application folder';
  if (path.startsWith('/')) return 'is absolute: write it relative to the application folder';
  if (!PARENT_SEGMENT.test(path)) return undefined;
  const normal = posix.normalize(path);
  if (normal === '..' || normal.startsWith('../')) return 'climbs out of the application folder with ".."';
  return undefined;
}

const PARENT_SEGMENT = /(?:^|\/)\.\.(?:\/|$)/;
/** What posix.normalize would change: `.` or `..` segments, doubled or trailing slashes, the empty path. */
const NOT_NORMAL = /(?:^|\/)\.\.?(?:\/|$)|\/\/|\/$|^$/;

/** `./evidence//a.pdf` → `evidence/a.pdf`, so the same file is recognised however it is written. */
export function normalisePath(path: string): string {
  // Most paths are already normal; this runs for every mapped file, several times per check.
  if (!NOT_NORMAL.test(path)) return path;
  return posix.normalize(path).replace(/^\.\//, '').replace(/\/$/, '');
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const WINDOWS_FORBIDDEN = /[<>:"|?*]/;
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?$/i;

/** Anything the checks below could object to, in one pass: most paths have none of it. */
const MAYBE_UNPORTABLE = /[\u0000-\u001f\u007f-\u009f<>:"|?*]|[. ](?:\/|$)|(?:^|\/)(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.[^/]*)?(?:\/|$)/i;

/** Why a path's name cannot be unzipped intact on Windows or macOS, or undefined when it can. */
export function unportableName(path: string): string | undefined {
  if (!MAYBE_UNPORTABLE.test(path)) return undefined;
  if (CONTROL.test(path)) return 'holds a control character (a line break, tab or similar)';
  const forbidden = WINDOWS_FORBIDDEN.exec(path);
  if (forbidden) return `holds "${forbidden[0]}", which Windows does not allow in a file name`;
  for (const segment of path.split('/')) {
    if (WINDOWS_RESERVED.test(segment)) return `uses the name "${segment}", which Windows reserves for a device`;
    if (/[. ]$/.test(segment)) return `has "${segment}" ending in a ${segment.endsWith('.') ? 'dot' : 'space'}, which Windows drops`;
  }
  return undefined;
}
