import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The installed package's folder: this file sits at src/core or dist/core inside it. */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const SCHEMAS_DIR = join(PACKAGE_ROOT, 'schemas');
export const TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates');
/** The browser workspace's script and style sheet (`svmc ui`). */
export const UI_ASSETS_DIR = join(PACKAGE_ROOT, 'ui');
/** The shipped schemas' validators as code, written by `npm run build` (schema/compile-schemas.ts). */
export const PRECOMPILED_VALIDATORS = join(PACKAGE_ROOT, 'dist', 'schema-validators.cjs');

const MANIFEST = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string; repository?: unknown };

/** svmc's version, from its package.json: read directly, as `svmc --version` loads nothing else. */
export const SVMC_VERSION = MANIFEST.version;

/** The folder svmc runs from, as `svmc doctor` reports it. */
export const SVMC_PACKAGE_ROOT = PACKAGE_ROOT;

/** svmc's public home, from package.json's `repository`, when it names a web address. */
export const SVMC_REPOSITORY_URL = webAddressOf(MANIFEST.repository);

/** `repository` as npm allows it (a string or `{ url }`), as a browser opens it; undefined otherwise. */
export function webAddressOf(repository: unknown): string | undefined {
  const url = typeof repository === 'string' ? repository : (repository as { url?: unknown } | undefined)?.url;
  if (typeof url !== 'string') return undefined;
  const web = url.replace(/^git\+/, '').replace(/\.git$/, '');
  return /^https:\/\/[^\s]+$/.test(web) ? web : undefined;
}
