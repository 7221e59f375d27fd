import { join, relative, isAbsolute, sep } from 'node:path';
import { SCHEMAS_DIR } from '../package-root.js';

/** How far up a relative $schema path may climb before a published URL is the better choice. */
const MAX_PARENT_STEPS = 3;

/**
 * Where an editor finds the application schema from `targetDir`: the installed package's file
 * when it is close by (a project dependency), otherwise the published copy of this version.
 */
export function applicationSchemaRef(targetDir: string, version: string): string {
  const path = relative(targetDir, join(SCHEMAS_DIR, 'application.schema.json'));
  const parts = path.split(sep);
  const climbs = parts.filter((part) => part === '..').length;
  if (isAbsolute(path) || climbs > MAX_PARENT_STEPS || /\s/.test(path)) {
    return `https://unpkg.com/svmc@${version}/schemas/application.schema.json`;
  }
  return parts.join('/');
}
