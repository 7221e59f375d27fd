import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { isInside } from '../fs/inside.js';
import { renderGithubWorkflow } from './github-workflow.js';
import { installSpec } from './install-spec.js';
import { workflowFile, workflowPlace, writeWorkflow, type WorkflowPlace } from './place-workflow.js';

export interface AddWorkflowOptions {
  /** Where to look for the repository from: the application folder, or --dir. */
  from: string;
  /** Application folders to name, as given (relative to the current folder); none: every folder holding svmc.yaml. */
  folders: string[];
  install?: string;
  version: string;
  /** Replace an existing workflow instead of keeping it. */
  replace: boolean;
}

export interface AddedWorkflow {
  place: WorkflowPlace;
  file: string;
  outcome: 'written' | 'replaced' | 'kept';
  /** Folders as the workflow names them, relative to its root. */
  folders: string[];
  install: string;
  /** Things worth saying that do not stop the workflow being written. */
  warnings: string[];
}

/** Plans and writes `.github/workflows/svmc.yml` at the repository's root; nothing is written if a check fails. */
export async function addGithubWorkflow(options: AddWorkflowOptions, cwd = process.cwd()): Promise<AddedWorkflow> {
  const place = workflowPlace(resolve(cwd, options.from));
  const warnings: string[] = [];
  const folders = options.folders.map((folder) => workflowFolder(folder, place, cwd, warnings));
  const install = installSpec(options.install, place.root, options.version, cwd);
  if (install.unpinned) warnings.push(install.unpinned);
  const content = renderGithubWorkflow({ folders, install: install.spec, version: options.version });
  const outcome = await writeWorkflow(place, content, options.replace);
  return { place, file: workflowFile(place), outcome, folders, install: install.spec, warnings };
}

function workflowFolder(folder: string, place: WorkflowPlace, cwd: string, warnings: string[]): string {
  const path = resolve(cwd, folder);
  if (/[\u0000-\u001f\u007f]/.test(folder)) throw new UsageError(`the folder name ${JSON.stringify(folder)} holds a line break or another control character`);
  if (!isInside(place.root, path)) throw new UsageError(`${folder} lies outside ${place.root}, where the workflow goes: the job sees only that folder's files`);
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats?.isDirectory()) throw new UsageError(`${folder} ${stats ? 'is not a folder' : 'does not exist'}: name application folders`);
  if (!existsSync(join(path, 'svmc.yaml'))) warnings.push(`${folder} has no svmc.yaml yet: the check names it in a warning until it has one`);
  const named = relative(place.root, path).split(sep).join('/');
  return named === '' ? '.' : named;
}
