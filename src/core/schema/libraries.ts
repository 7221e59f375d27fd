import { createRequire } from 'node:module';

type YamlLibrary = typeof import('yaml');

const require = createRequire(import.meta.url);
let yaml: YamlLibrary | undefined;

/**
 * The YAML library, loaded on first use: a warm `check` answers from the parse cache and never
 * needs it, and loading it costs more than the rest of such a run. Synchronous, as locating a
 * finding in svmc.yaml is.
 */
export function yamlLibrary(): YamlLibrary {
  yaml ??= require('yaml') as YamlLibrary;
  return yaml;
}

/** A CommonJS module loaded on first use (Ajv and its formats are CommonJS). */
export function requireLibrary<T>(id: string): T {
  return require(id) as T;
}

/** js-yaml, for the fast read of svmc.yaml (see application/fast-parse.ts); loaded on first use like `yaml`. */
export function jsYamlLibrary(): typeof import('js-yaml') {
  return require('js-yaml') as typeof import('js-yaml');
}
