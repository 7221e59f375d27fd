import { mkdir, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { readRegularFileSync } from '../fs/read-file.js';
import { READ_LIMITS } from '../fs/read-limits.js';
import { dirname, join, resolve } from 'node:path';
import { STAGES } from '../domain.js';
import { UsageError } from '../errors.js';
import { temporaryPathFor, writeFileAtomic } from '../fs/atomic-write.js';
import { asUsageError } from '../fs/system-errors.js';
import type { InitAnswers } from './answers.js';
import { applicationSchemaCopy, SCHEMA_COPY_NAME } from '../schema/schema-copy.js';
import { renderSvmcYaml } from './svmc-yaml.js';
import { fillPlaceholders, readTemplateFile, readTemplateTree, templateSources } from './templates.js';

export interface ScaffoldOptions {
  /** House templates folder (`--templates`). */
  templates?: string;
  /** svmc's version, named in the schema copy. */
  version: string;
  /** Fills {{year}}; default: now. */
  now?: Date;
}

export interface ScaffoldFile {
  /** Relative to the application folder, with `/`. */
  path: string;
  content: string | Uint8Array;
}

/** What `init` will write, computed before anything touches the disk. */
export function planScaffold(answers: InitAnswers, options: ScaffoldOptions): ScaffoldFile[] {
  const sources = templateSources(options.templates);
  const values = {
    organisation: answers.organisation,
    level: String(answers.level),
    year: String((options.now ?? new Date()).getUTCFullYear()),
  };
  const files: ScaffoldFile[] = [
    { path: 'svmc.yaml', content: renderSvmcYaml(answers, SCHEMA_COPY_NAME) },
    { path: SCHEMA_COPY_NAME, content: applicationSchemaCopy(options.version) },
    { path: '.gitignore', content: readTemplateFile(sources.gitignore, '.gitignore') },
    ...STAGES.map((stage) => ({ path: `evidence/${stage}/.gitkeep`, content: '' })),
    { path: 'signoffs/.gitkeep', content: '' },
    // The cache folder exists from the start so that `check` can keep its caches; it ignores itself.
    { path: '.svmc/.gitignore', content: '*\n' },
    ...readTemplateTree(sources.draftsDir).map((file) => ({
      path: `drafts/${file.path}`,
      content: fillPlaceholders(file.content, values),
    })),
  ];
  if (answers.terms?.copyFrom !== undefined) {
    files.push({ path: answers.terms.path, content: readRegularFileSync(answers.terms.copyFrom, READ_LIMITS.template) });
  }
  return files;
}

/**
 * Refuses a folder that already holds an application, even when forced, and a folder that holds
 * anything but a .git folder unless forced; a missing folder is fine.
 */
export async function checkTarget(targetDir: string, force: boolean, shownAs = targetDir): Promise<void> {
  const stats = await stat(targetDir).catch(() => undefined);
  if (!stats) return;
  if (!stats.isDirectory()) throw new UsageError(`${shownAs} exists and is not a folder`);
  const entries = (await readdir(targetDir)).filter((name) => name !== '.git');
  if (entries.includes('svmc.yaml')) {
    throw new UsageError(
      `${shownAs} already holds an application (svmc.yaml), and init never replaces one, not even with --force: ` +
        'to start another application, run "svmc init" in a new folder; to change this one, edit its svmc.yaml or use "svmc map"',
    );
  }
  if (entries.length > 0 && !force) {
    throw new UsageError(
      `${shownAs} is not empty (${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}): ` +
        'choose a new or empty folder, or pass --force to add the application beside what is there (no existing file is changed)',
    );
  }
}

/**
 * Writes the planned files. A new or empty folder is built beside the target and renamed into
 * place, so a failure half-way leaves nothing behind; with --force files are added in place, and
 * a file that already exists is kept as it is. Returns the planned paths that were kept.
 */
export async function writeScaffold(targetDir: string, files: ScaffoldFile[], shownAs = targetDir): Promise<string[]> {
  try {
    return await writeAll(resolve(targetDir), files);
  } catch (error) {
    throw asUsageError(error, `cannot create the application in ${shownAs}`);
  }
}

async function writeAll(target: string, files: ScaffoldFile[]): Promise<string[]> {
  const existing = await readdir(target).catch(() => undefined);
  if (existing && existing.length > 0) return addMissing(target, files);
  await mkdir(dirname(target), { recursive: true });
  const staging = temporaryPathFor(target);
  try {
    await mkdir(staging);
    await writeFiles(staging, files);
    if (existing) await rmdir(target);
    await rename(staging, target);
    return [];
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Creates each file that does not exist yet; never opens an existing one for writing. */
async function addMissing(root: string, files: ScaffoldFile[]): Promise<string[]> {
  const kept: string[] = [];
  for (const file of files) {
    const path = join(root, ...file.path.split('/'));
    await mkdir(dirname(path), { recursive: true });
    try {
      await writeFile(path, file.content, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      kept.push(file.path);
    }
  }
  return kept;
}

async function writeFiles(root: string, files: ScaffoldFile[]): Promise<void> {
  for (const file of files) {
    const path = join(root, ...file.path.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, file.content);
  }
}
