import { mkdir, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { STAGES } from '../domain.js';
import { UsageError } from '../errors.js';
import { temporaryPathFor, writeFileAtomic } from '../fs/atomic-write.js';
import type { InitAnswers } from './answers.js';
import { applicationSchemaRef } from './schema-ref.js';
import { renderSvmcYaml } from './svmc-yaml.js';
import { fillPlaceholders, readTemplateFile, readTemplateTree, templateSources } from './templates.js';

export interface ScaffoldOptions {
  /** House templates folder (`--templates`). */
  templates?: string;
  /** Add a CI workflow. */
  ci?: 'github';
  /** svmc's version, for the published schema URL. */
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
export function planScaffold(targetDir: string, answers: InitAnswers, options: ScaffoldOptions): ScaffoldFile[] {
  const sources = templateSources(options.templates);
  const values = {
    organisation: answers.organisation,
    level: String(answers.level),
    year: String((options.now ?? new Date()).getUTCFullYear()),
  };
  const files: ScaffoldFile[] = [
    { path: 'svmc.yaml', content: renderSvmcYaml(answers, applicationSchemaRef(resolve(targetDir), options.version)) },
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
  if (options.ci === 'github') {
    files.push({ path: '.github/workflows/svmc.yml', content: readTemplateFile(sources.githubWorkflow, 'GitHub workflow') });
  }
  return files;
}

/** Refuses a folder that holds anything but a .git folder, unless forced; a missing folder is fine. */
export async function checkTarget(targetDir: string, force: boolean, shownAs = targetDir): Promise<void> {
  const stats = await stat(targetDir).catch(() => undefined);
  if (!stats) return;
  if (!stats.isDirectory()) throw new UsageError(`${shownAs} exists and is not a folder`);
  const entries = (await readdir(targetDir)).filter((name) => name !== '.git');
  if (entries.length > 0 && !force) {
    throw new UsageError(
      `${shownAs} is not empty (${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}): ` +
        'choose a new or empty folder, or pass --force to write into it',
    );
  }
}

/**
 * Writes the planned files. A new or empty folder is built beside the target and renamed into
 * place, so a failure half-way leaves nothing behind; with --force files are written in place.
 */
export async function writeScaffold(targetDir: string, files: ScaffoldFile[], shownAs = targetDir): Promise<void> {
  try {
    await writeAll(resolve(targetDir), files);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new UsageError(`cannot write ${shownAs}: ${code} (${(error as Error).message.split(',')[0]})`);
  }
}

async function writeAll(target: string, files: ScaffoldFile[]): Promise<void> {
  const existing = await readdir(target).catch(() => undefined);
  if (existing && existing.length > 0) {
    await writeFiles(target, files);
    return;
  }
  await mkdir(dirname(target), { recursive: true });
  const staging = temporaryPathFor(target);
  try {
    await mkdir(staging);
    await writeFiles(staging, files);
    if (existing) await rmdir(target);
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function writeFiles(root: string, files: ScaffoldFile[]): Promise<void> {
  for (const file of files) {
    const path = join(root, ...file.path.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, file.content);
  }
}
