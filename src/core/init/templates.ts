import { existsSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { FileReadError, READ_LIMITS, readRegularFileSync } from '../fs/read-file.js';
import { asUsageError } from '../fs/system-errors.js';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { TEMPLATES_DIR } from '../package-root.js';

/** Where `init` takes the drafts and the .gitignore from. */
export interface TemplateSources {
  draftsDir: string;
  gitignore: string;
}

export interface TemplateFile {
  /** Path relative to the drafts folder, with `/`. */
  path: string;
  content: Uint8Array;
}

/**
 * The built-in templates, or house templates: a folder laid out like the built-in one
 * (drafts/ and gitignore; a missing part falls back to the built-in one),
 * or a plain folder of documents that becomes drafts/ as it is.
 */
export function templateSources(houseDir?: string, baseDir = process.cwd()): TemplateSources {
  const builtIn = {
    draftsDir: join(TEMPLATES_DIR, 'drafts'),
    gitignore: join(TEMPLATES_DIR, 'gitignore'),
  };
  if (houseDir === undefined) return builtIn;
  const house = resolve(baseDir, houseDir);
  if (!isDirectory(house)) throw new UsageError(`the templates folder ${houseDir} does not exist or is not a folder`);
  if (!isDirectory(join(house, 'drafts'))) return { ...builtIn, draftsDir: house };
  const pick = (name: string, fallback: string): string => (existsSync(join(house, name)) ? join(house, name) : fallback);
  return {
    draftsDir: join(house, 'drafts'),
    gitignore: pick('gitignore', builtIn.gitignore),
  };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Every file under `dir`, recursively, in a stable order; version-control folders are skipped. */
export function readTemplateTree(dir: string, prefix = '', seen = new Set<string>()): TemplateFile[] {
  let entries: Dirent[];
  try {
    // A folder linked to one of its parents would otherwise be copied for ever.
    const real = realpathSync(dir);
    if (seen.has(real)) return [];
    seen.add(real);
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw asUsageError(error, `cannot read the templates folder ${dir}`);
  }
  const files: TemplateFile[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name === '.git') continue;
    const path = join(dir, entry.name);
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats?.isDirectory()) files.push(...readTemplateTree(path, relative, seen));
    else if (stats?.isFile()) files.push({ path: relative, content: readTemplateFile(path, 'house') });
  }
  return files;
}

export interface Placeholders {
  organisation: string;
  level: string;
  year: string;
}

/** Fills {{organisation}}, {{level}} and {{year}} in text files; binary files are copied untouched. */
export function fillPlaceholders(content: Uint8Array, values: Placeholders): Uint8Array {
  if (content.includes(0)) return content;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return content;
  }
  if (!text.includes('{{')) return content;
  const filled = text.replace(/\{\{\s*(organisation|level|year)\s*\}\}/g, (_, key: keyof Placeholders) => values[key]);
  return new TextEncoder().encode(filled);
}

export function readTemplateFile(path: string, what: string): Uint8Array {
  try {
    return readRegularFileSync(path, READ_LIMITS.template);
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    throw new UsageError(`cannot read the ${what} template ${path}: it ${error.detail}`);
  }
}
