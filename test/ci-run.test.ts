import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, svmc, tempDir } from './helpers/cli.js';
import { packTarball, run, VERSION } from './helpers/npm.js';
import { multitoolAvailable, validateSarif } from './helpers/sarif-multitool.js';
import { toolAvailable } from './helpers/tools.js';

const MINUTES = 60_000;

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
}
interface Workflow {
  env: Record<string, string>;
  jobs: { check: { defaults: { run: { shell: string } }; steps: Step[] } };
}

/** A consultant's repository: three clients' applications, one client not started yet, and a stray file. */
function consultantRepository(tarball: string): string {
  const repo = join(tempDir('svmc-ci-run-'), 'repo');
  for (const [client, example] of [['alpha', 'level-1'], ['bravo', 'level-2'], ['charlie', 'level-3']]) {
    cpSync(join(ROOT, 'examples', example!), join(repo, 'clients', client!), { recursive: true });
  }
  mkdirSync(join(repo, 'clients/delta'));
  writeFileSync(join(repo, 'clients/delta/first-call-notes.md'), 'Call booked for March.\n');
  writeFileSync(join(repo, 'clients/README.md'), 'One folder per client.\n');
  mkdirSync(join(repo, 'vendor'));
  copyFileSync(tarball, join(repo, 'vendor', `svmc-${VERSION}.tgz`));
  const git = (...args: string[]) => run('git', ['-c', 'user.email=ci@example.org', '-c', 'user.name=CI', ...args], { cwd: repo });
  expect(git('init', '-q').code).toBe(0);
  const written = svmc(['ci', 'github', '--install', `../vendor/svmc-${VERSION}.tgz`], { cwd: join(repo, 'clients') });
  expect(written.code, written.stderr).toBe(0);
  expect(git('add', '-A').code).toBe(0);
  expect(git('commit', '-qm', 'clients').code).toBe(0);
  return repo;
}

/**
 * Runs the workflow's `run:` steps in order as the runner does (bash -eo pipefail, in the checkout,
 * with the workflow's env), npm's global prefix and cache private and offline; stops at the first
 * step that fails, as a job does. The `uses:` steps are GitHub's own: their `if:` is recorded.
 */
function runJob(repo: string, workflow: Workflow, env: Record<string, string>) {
  const home = tempDir('svmc-runner-');
  const prefix = join(home, 'prefix');
  const runner = {
    ...workflow.env,
    ...env,
    PATH: `${join(prefix, 'bin')}:${process.env.PATH}`,
    npm_config_prefix: prefix,
    npm_config_cache: join(home, 'npm-cache'),
    npm_config_offline: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: join(home, 'temp'),
    GITHUB_STEP_SUMMARY: join(home, 'step-summary.md'),
    GITHUB_OUTPUT: join(home, 'output'),
    CI: '',
  };
  mkdirSync(runner.RUNNER_TEMP);
  expect(workflow.jobs.check.defaults.run.shell).toBe('bash');
  const steps: { name: string; code: number; stdout: string; stderr: string }[] = [];
  for (const step of workflow.jobs.check.steps) {
    if (step.run === undefined) continue;
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, ...runner },
    });
    steps.push({ name: step.name ?? step.run, code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr });
    if (result.status !== 0) break;
  }
  const outputs = existsSync(runner.GITHUB_OUTPUT) ? readFileSync(runner.GITHUB_OUTPUT, 'utf8') : '';
  const summary = existsSync(runner.GITHUB_STEP_SUMMARY) ? readFileSync(runner.GITHUB_STEP_SUMMARY, 'utf8') : '';
  return { steps, outputs, summary, bin: join(prefix, 'bin/svmc') };
}

describe.skipIf(!toolAvailable('git') || !toolAvailable('find'))('the generated GitHub workflow, run as a job would run it', () => {
  let tarball: string;
  beforeAll(() => {
    tarball = packTarball(tempDir('svmc-pack-'));
  }, 10 * MINUTES);

  it(
    'installs svmc from the tarball and passes in preparation mode, with SARIF and a job summary; fails in submission mode',
    () => {
      const repo = consultantRepository(tarball);
      const workflow = parse(readFileSync(join(repo, '.github/workflows/svmc.yml'), 'utf8')) as Workflow;
      expect(workflow.env.SVMC_MODE).toBe('--preparing');

      const preparing = runJob(repo, workflow, {});
      expect(preparing.steps.map((step) => [step.name, step.code])).toEqual([
        ['Install svmc', 0],
        ['Check the applications', 0],
      ]);
      expect(run(preparing.bin, ['--version']).stdout.trim()).toBe(VERSION);
      const check = preparing.steps[1]!;
      // Annotations for GitHub, and the three applications in the job summary; the folder not started and the stray file are no application.
      expect(check.stdout).toMatch(/^::notice /m);
      for (const client of ['alpha', 'bravo', 'charlie']) expect(preparing.summary).toContain(`### clients/${client}`);
      expect(preparing.summary).not.toMatch(/delta|README/);
      // The upload step runs on the SARIF file the check step named.
      const upload = workflow.jobs.check.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
      expect(upload?.if).toContain("steps.check.outputs.sarif != ''");
      const sarifFile = /^sarif=(.+)$/m.exec(preparing.outputs)?.[1];
      expect(sarifFile).toBeDefined();
      const sarif = JSON.parse(readFileSync(sarifFile!, 'utf8')) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
      const uris = sarif.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri);
      expect(uris.length).toBeGreaterThan(0);
      for (const uri of uris) expect(uri).toMatch(/^clients\/(alpha|bravo|charlie)\//);
      if (multitoolAvailable()) expect(validateSarif(sarifFile!).errors).toEqual([]);

      // Submission mode, as the workflow's comment says: SVMC_MODE set to ''.
      const submitting = runJob(repo, workflow, { SVMC_MODE: '' });
      expect(submitting.steps.map((step) => [step.name, step.code])).toEqual([
        ['Install svmc', 0],
        ['Check the applications', 1],
      ]);
      expect(submitting.steps[1]!.stdout).toMatch(/^::error .*SIGNOFF_MISSING/m);
      expect(submitting.outputs).toMatch(/^sarif=/m);

      // A client begun with init but without evidence yet fails even in preparation mode: its criteria are unmet.
      expect(svmc(['init', join(repo, 'clients/echo'), '--yes', '--org', 'Echo', '--level', '1', '--size', 'small']).code).toBe(0);
      const begun = runJob(repo, workflow, {});
      expect(begun.steps.at(-1)).toMatchObject({ name: 'Check the applications', code: 1 });
      expect(begun.steps.at(-1)!.stdout).toMatch(/^::error file=clients\/echo\/svmc\.yaml.*CRITERION_MISSING_EVIDENCE/m);
    },
    15 * MINUTES,
  );
});
