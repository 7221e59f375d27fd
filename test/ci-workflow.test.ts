import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, svmc, tempDir } from './helpers/cli.js';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const WORKFLOW = '.github/workflows/svmc.yml';
const INIT = ['--yes', '--org', 'Delta Trust', '--level', '1', '--size', 'small'];

interface Step {
  uses?: string;
  run?: string;
}
interface Workflow {
  env: Record<string, string>;
  permissions: Record<string, string>;
  jobs: { check: { steps: Step[] } };
}

const workflowAt = (root: string): Workflow => parse(readFileSync(join(root, WORKFLOW), 'utf8')) as Workflow;
const runs = (workflow: Workflow): string => workflow.jobs.check.steps.flatMap((step) => step.run ?? []).join('\n');

/** A repository with two client folders, as a consultant keeps them. */
function repository(): string {
  const repo = tempDir('svmc-ci-');
  mkdirSync(join(repo, '.git'));
  for (const client of ['acme', 'two words']) svmc(['init', join(repo, 'clients', client), ...INIT]);
  return repo;
}

describe('svmc ci github', () => {
  it("writes the workflow at the repository's root from a subfolder, with every action and svmc pinned", () => {
    const repo = repository();
    const result = svmc(['ci', 'github'], { cwd: join(repo, 'clients/acme') });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Wrote ${WORKFLOW} at the root of the git repository ${repo}`);
    expect(existsSync(join(repo, 'clients/acme/.github'))).toBe(false);
    const text = readFileSync(join(repo, WORKFLOW), 'utf8');
    const workflow = workflowAt(repo);
    const uses = workflow.jobs.check.steps.flatMap((step) => step.uses ?? []);
    expect(uses.map((use) => use.split('@')[0])).toEqual(['actions/checkout', 'actions/setup-node', 'github/codeql-action/upload-sarif']);
    for (const use of uses) {
      expect(use).toMatch(/@[0-9a-f]{40}$/);
      expect(text).toMatch(new RegExp(`${use} # v\\d+\\.\\d+\\.\\d+\\n`));
    }
    expect(workflow.permissions['security-events']).toBe('write');
    expect(text).not.toMatch(/npx|npm_config_yes/i);
    expect(runs(workflow)).toContain(`npm install -g svmc@${VERSION} `);
    // Preparation mode by default, and the comment above it says how to leave it.
    expect(workflow.env.SVMC_MODE).toBe('--preparing');
    expect(text).toMatch(/# .*SVMC_MODE to '' \(submission mode\)/);
    expect(runs(workflow)).toMatch(/find \. -name svmc\.yaml/);
    expect(runs(workflow)).toContain('--format sarif');
    expect(runs(workflow)).toContain('--format github');
  });

  it('names the folders it is given, relative to the root and quoted for the shell', () => {
    const repo = repository();
    mkdirSync(join(repo, 'clients/later'));
    const result = svmc(['ci', 'github', 'acme', 'two words', 'later'], { cwd: join(repo, 'clients') });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('later has no svmc.yaml yet');
    const script = runs(workflowAt(repo));
    expect(script).toContain("folders=(clients/acme 'clients/two words' clients/later)");
    expect(script).not.toContain('find .');
  });

  it('refuses to replace an existing workflow without --force, and says when it replaces one', () => {
    const repo = repository();
    mkdirSync(join(repo, '.github/workflows'), { recursive: true });
    writeFileSync(join(repo, WORKFLOW), 'name: mine\n');
    const refused = svmc(['ci', 'github', '--dir', join(repo, 'clients')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already exists and was left as it is: pass --force/);
    expect(readFileSync(join(repo, WORKFLOW), 'utf8')).toBe('name: mine\n');
    const replaced = svmc(['ci', 'github', '--dir', join(repo, 'clients'), '--force']);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stdout).toMatch(/^Replaced /);
    expect(workflowAt(repo).env.SVMC_MODE).toBe('--preparing');
  });

  it('finds a worktree, whose .git is a file, and says where it wrote when there is no repository', () => {
    const worktree = tempDir('svmc-worktree-');
    writeFileSync(join(worktree, '.git'), 'gitdir: elsewhere\n');
    mkdirSync(join(worktree, 'a'));
    expect(svmc(['ci', 'github', '--dir', join(worktree, 'a')]).code).toBe(0);
    expect(existsSync(join(worktree, WORKFLOW))).toBe(true);

    const loose = tempDir('svmc-no-repo-');
    const result = svmc(['ci', 'github'], { cwd: loose });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/no git repository around it: move \.github\/workflows\/svmc\.yml to the repository's root/);
    expect(existsSync(join(loose, WORKFLOW))).toBe(true);
  });

  it('installs a tarball kept in the repository, named from its root, and refuses one the job cannot see', () => {
    const repo = repository();
    mkdirSync(join(repo, 'vendor'));
    writeFileSync(join(repo, 'vendor/svmc-9.9.9.tgz'), '');
    const result = svmc(['ci', 'github', '--install', '../vendor/svmc-9.9.9.tgz'], { cwd: join(repo, 'clients') });
    expect(result.code, result.stderr).toBe(0);
    expect(runs(workflowAt(repo))).toContain('npm install -g ./vendor/svmc-9.9.9.tgz ');

    const outside = tempDir();
    writeFileSync(join(outside, 'svmc.tgz'), '');
    const refused = svmc(['ci', 'github', '--force', '--install', join(outside, 'svmc.tgz')], { cwd: repo });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/lies outside .*put the tarball in the repository/);

    const git = svmc(['ci', 'github', '--force', '--install', 'git+https://example.org/svmc.git#v1'], { cwd: repo });
    expect(git.code, git.stderr).toBe(0);
    expect(runs(workflowAt(repo))).toContain("npm install -g 'git+https://example.org/svmc.git#v1' ");

    const loose = svmc(['ci', 'github', '--force', '--install', 'svmc@latest'], { cwd: repo });
    expect(loose.code).toBe(0);
    expect(loose.stderr).toMatch(/svmc@latest is not one exact version/);
  });

  it.each([
    [['nowhere'], /nowhere does not exist/],
    [['notes.txt'], /notes\.txt is not a folder/],
    [['--install', ''], /is not something npm can install/],
  ])('exits 2 for %j and writes nothing', (args, message) => {
    const repo = repository();
    writeFileSync(join(repo, 'notes.txt'), 'x');
    const result = svmc(['ci', 'github', ...args], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(existsSync(join(repo, '.github'))).toBe(false);
  });

  it('refuses a folder outside the repository', () => {
    const repo = repository();
    const result = svmc(['ci', 'github', tempDir()], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/lies outside .*the job sees only that folder's files/);
  });
});

describe('svmc init --ci github', () => {
  it("writes the workflow at the repository's root when the application is a subfolder, and keeps one already there", () => {
    const repo = tempDir('svmc-ci-');
    mkdirSync(join(repo, '.git'));
    const first = svmc(['init', 'clients/delta', ...INIT, '--ci', 'github'], { cwd: repo });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`Wrote ${WORKFLOW} at the root of the git repository ${repo}`);
    expect(existsSync(join(repo, 'clients/delta/.github'))).toBe(false);
    expect(runs(workflowAt(repo))).toMatch(/find \. -name svmc\.yaml/);

    writeFileSync(join(repo, WORKFLOW), 'name: edited\n');
    const second = svmc(['init', 'echo', ...INIT, '--ci', 'github'], { cwd: join(repo, 'clients') });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain(`Kept the existing ${WORKFLOW}`);
    expect(readFileSync(join(repo, WORKFLOW), 'utf8')).toBe('name: edited\n');
    expect(existsSync(join(repo, 'clients/echo/svmc.yaml'))).toBe(true);
  });
});
