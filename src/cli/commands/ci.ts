import { relative } from 'node:path';
import { addGithubWorkflow, type AddedWorkflow } from '../../core/ci/add-workflow.js';
import { GITHUB_WORKFLOW_PATH } from '../../core/ci/place-workflow.js';
import { UsageError } from '../../core/errors.js';
import { err, out } from '../io.js';
import { VERSION } from '../version.js';
import type { OptionsOf, defineCi } from '../program.js';

export type CiCommandOptions = OptionsOf<typeof defineCi>;

/** `svmc ci github [FOLDER...]`: adds the workflow to the repository around --dir (default: here). */
export async function run(_provider: 'github', folders: string[], options: CiCommandOptions): Promise<number> {
  const added = await addGithubWorkflow({
    from: options.dir ?? '.',
    folders,
    ...(options.install === undefined ? {} : { install: options.install }),
    version: VERSION,
    replace: options.force === true,
  });
  if (added.outcome === 'kept') {
    throw new UsageError(
      `${shown(added)} already exists and was left as it is: pass --force to write it again (it replaces that file), or edit it by hand`,
    );
  }
  for (const warning of added.warnings) err(`svmc: warning: ${warning}`);
  out(describeWorkflow(added));
  return 0;
}

const shown = (added: AddedWorkflow): string => relative(process.cwd(), added.file) || added.file;

/** Where the workflow went and what it does, for `ci` and `init --ci`. */
export function describeWorkflow(added: AddedWorkflow): string {
  const where = added.place.inRepository
    ? `at the root of the git repository ${added.place.root}`
    : `in ${added.place.root} (no git repository around it: move ${GITHUB_WORKFLOW_PATH} to the repository's root, where GitHub looks for it)`;
  const verb = added.outcome === 'replaced' ? 'Replaced' : added.outcome === 'kept' ? 'Kept the existing' : 'Wrote';
  const checks = added.folders.length === 0 ? 'every folder holding an svmc.yaml' : added.folders.join(', ');
  return (
    `${verb} ${GITHUB_WORKFLOW_PATH} ${where}.\n` +
    (added.outcome === 'kept'
      ? '  run "svmc ci github --force" to write it again\n'
      : `  checks ${checks} in preparation mode (--preparing), on every push and pull request\n` +
        `  installs ${added.install}; uploads the findings to code scanning and writes the job summary\n`)
  );
}
