import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { SCHEMAS_DIR } from '../package-root.js';

/**
 * The copy of the application schema that `init` writes beside svmc.yaml, whose `$schema` line
 * names it: a relative path that resolves offline in any editor, however svmc was installed, and
 * a line that never changes, so keeping the copy current never edits svmc.yaml (which sign-offs cover).
 */
export const SCHEMA_COPY_NAME = 'svmc.schema.json';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The application schema as one self-contained document: each schema file it refers to (the
 * catalogue's stages, the evidence item) is placed under `$defs`, and the reference points there.
 */
export function applicationSchemaCopy(version: string): string {
  const defs: Record<string, Json> = {};
  const root = inline(readSchema(join(SCHEMAS_DIR, 'application.schema.json')), SCHEMAS_DIR, defs, true) as Record<string, Json>;
  const copy = {
    ...root,
    $comment: `A copy of svmc ${version}'s application schema, for editors. "svmc doctor --fix" brings it up to date.`,
    $defs: { ...(root.$defs as Record<string, Json>), ...defs },
  };
  return `${JSON.stringify(copy, null, 2)}\n`;
}

function readSchema(path: string): Json {
  return JSON.parse(readFileSync(path, 'utf8')) as Json;
}

function inline(node: Json, baseDir: string, defs: Record<string, Json>, isRoot: boolean): Json {
  if (Array.isArray(node)) return node.map((item) => inline(item, baseDir, defs, isRoot));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) {
      out[key] = `#/$defs/${defFor(join(baseDir, value), defs)}`;
    } else if (key === '$ref' && typeof value === 'string' && !isRoot) {
      // Within an inlined file, "#" would now name the copy's root: none of the shipped files does this.
      throw new Error(`cannot inline a schema with a local reference (${value})`);
    } else {
      out[key] = inline(value, baseDir, defs, isRoot);
    }
  }
  return out;
}

function defFor(path: string, defs: Record<string, Json>): string {
  const name = relative(SCHEMAS_DIR, path).split(sep).join('-').replace(/\.schema\.json$|\.json$/, '');
  if (!(name in defs)) {
    const { $schema: _schema, $id: _id, ...schema } = readSchema(path) as Record<string, Json>;
    defs[name] = null; // reserves the name while its own references are inlined
    defs[name] = inline(schema, dirname(path), defs, false);
  }
  return name;
}
