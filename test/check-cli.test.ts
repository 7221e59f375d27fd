import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { copyOf, svmc, tempDir } from './helpers/cli.js';

interface JsonReport {
  applications: { dir: string; findings: { code: string; line?: number; criterion?: string }[] }[];
}

const json = (stdout: string): JsonReport => JSON.parse(stdout) as JsonReport;
const codesOf = (report: JsonReport): string[][] => report.applications.map((a) => a.findings.map((f) => f.code));

describe('svmc check (built CLI)', () => {
  it.each(['level-1', 'level-2', 'level-3'])('the shipped example %s has no errors but the sign-offs', (example) => {
    const run = svmc(['check', `examples/${example}`, '--format', 'json']);
    expect(run.code).toBe(1);
    expect(codesOf(json(run.stdout))).toEqual([['SIGNOFF_MISSING', 'SIGNOFF_MISSING']]);
  });

  it('reports a deleted evidence file at its line', () => {
    const dir = copyOf('examples/level-1');
    const text = readFileSync(join(dir, 'svmc.yaml'), 'utf8');
    const lines = text.split('\n');
    const index = lines.findIndex((l) => l.includes('file: evidence/') && !l.includes('terms'));
    const file = lines[index]!.split('file: ')[1]!.trim();
    rmSync(join(dir, file));
    const run = svmc(['check', dir, '--format', 'json']);
    const missing = json(run.stdout).applications[0]!.findings.filter((f) => f.code === 'EVIDENCE_FILE_MISSING');
    expect(missing[0]?.line).toBe(index + 1);
    expect(run.code).toBe(1);
  });

  it('checks many folders into one report and one exit code', () => {
    const run = svmc(['check', 'test/fixtures/check-valid-level-1', 'test/fixtures/check-typo-key', 'test/fixtures/check-terms-missing', '--format', 'json']);
    const report = json(run.stdout);
    expect(report.applications).toHaveLength(3);
    expect(codesOf(report).map((codes) => codes.filter((c) => !c.startsWith('SIGNOFF') && c !== 'STATEMENT_MISSING'))).toEqual([
      [],
      ['SCHEMA_VIOLATION', 'SCHEMA_VIOLATION'],
      ['PREREQUISITE_MISSING'],
    ]);
    expect(run.code).toBe(1);
  });

  it('exits 2 for a missing folder, a folder without svmc.yaml and a bad flag', () => {
    for (const args of [['check', 'test/fixtures/nowhere'], ['check', tempDir()], ['check', '--format', 'xml']]) {
      const run = svmc(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^svmc: |error: /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('hostile YAML gives a finding, never a stack trace', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'svmc.yaml'), `svmc: ${'['.repeat(20_000)}\n`);
    const run = svmc(['check', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('YAML_SYNTAX');
    expect(run.stderr).toBe('');
  });

  it('writes the report to --output, and exits 2 when it cannot', () => {
    const out = join(tempDir(), 'report.json');
    const run = svmc(['check', 'test/fixtures/check-valid-level-1', '--format', 'json', '--output', out]);
    expect(run.stdout).toBe('');
    expect(json(readFileSync(out, 'utf8')).applications).toHaveLength(1);
    const bad = svmc(['check', 'test/fixtures/check-valid-level-1', '--output', join(tempDir(), 'no/such/dir/report.txt')]);
    expect(bad.code).toBe(2);
  });

  it('--strict turns warnings into a failing exit code', () => {
    const dir = copyOf('test/fixtures/check-valid-level-1');
    writeFileSync(join(dir, 'evidence/stray.md'), 'not mapped\n');
    const lenient = json(svmc(['check', dir, '--format', 'json']).stdout).applications[0]!.findings.map((f) => f.code);
    expect(lenient).toContain('EVIDENCE_UNMAPPED');
    expect(svmc(['check', dir, '--strict']).code).toBe(1);
  });

  it('appends a step summary for the github format', () => {
    const summary = join(tempDir(), 'summary.md');
    const run = svmc(['check', 'test/fixtures/check-terms-missing', '--format', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(run.stdout).toContain('::error file=');
    expect(existsSync(summary)).toBe(true);
  });
});

describe('svmc map and status (built CLI)', () => {
  it('maps a file, then status shows the criterion met', () => {
    const dir = copyOf('test/fixtures/check-missing-criterion');
    const mapped = svmc(['map', 'L1.RV.2', 'evidence/revise/l1-rv-2.md', '--summary', 'Reporting plan', '--dir', dir]);
    expect(mapped.code).toBe(0);
    const status = JSON.parse(svmc(['status', dir, '--format', 'json']).stdout) as { overall: { met: number }; stages: { stage: string; met: number }[] };
    expect(status.overall.met).toBe(9);
    expect(status.stages.find((s) => s.stage === 'revise')?.met).toBe(2);
    const text = svmc(['status', dir]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Overall 69%');
  });

  it('map exits 2 for an unknown criterion and leaves svmc.yaml alone', () => {
    const dir = copyOf('test/fixtures/check-valid-level-1');
    const before = readFileSync(join(dir, 'svmc.yaml'), 'utf8');
    const run = svmc(['map', 'L1.XX.1', 'evidence/plan/l1-pl-1.md', '--dir', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^svmc: unknown criterion/);
    expect(readFileSync(join(dir, 'svmc.yaml'), 'utf8')).toBe(before);
  });

  it('status exits 2 outside an application folder', () => {
    expect(svmc(['status', tempDir()]).code).toBe(2);
  });
});

describe('svmc check of many folders (built CLI)', () => {
  // Folders are checked several at once: a large one first must not let the small ones overtake it in the report.
  it('reports the folders in the order given, whichever finishes first', () => {
    const clients = tempDir();
    const large = copyOf('examples/level-3', 'svmc-large-');
    for (let i = 0; i < 300; i++) writeFileSync(join(large, 'evidence', `unmapped-${i}.txt`), `note ${i}\n`);
    const small = ['a', 'b', 'c', 'd', 'e'].map((name) => {
      const dir = join(clients, name);
      cpSync('examples/level-1', dir, { recursive: true });
      return dir;
    });
    const args = [large, ...small.slice(0, 2), join(clients, 'gone'), ...small.slice(2)];
    const report = json(svmc(['check', ...args, '--format', 'json']).stdout);
    expect(report.applications.map((a) => a.dir)).toEqual(args);
    expect(report.applications[0]!.findings.filter((f) => f.code === 'EVIDENCE_UNMAPPED')).toHaveLength(300);
  });

  it('names each argument that is not an application folder in a warning and still checks the others', () => {
    const clients = tempDir();
    const dirs = ['riverside', 'acme'].map((name) => {
      const dir = join(clients, name);
      cpSync('examples/level-1', dir, { recursive: true });
      return dir;
    });
    writeFileSync(join(clients, 'README.md'), 'our clients\n');
    mkdirSync(join(clients, 'not-started'));
    const args = [dirs[0]!, join(clients, 'README.md'), join(clients, 'not-started'), dirs[1]!, join(clients, 'gone')];
    const run = svmc(['check', ...args, '--format', 'json', '--preparing']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = json(run.stdout);
    expect(report.applications.map((a) => a.dir)).toEqual(args);
    expect(codesOf(report)).toEqual([
      ['SIGNOFF_MISSING', 'SIGNOFF_MISSING'],
      ['FOLDER_NOT_CHECKED'],
      ['FOLDER_NOT_CHECKED'],
      ['SIGNOFF_MISSING', 'SIGNOFF_MISSING'],
      ['FOLDER_NOT_CHECKED'],
    ]);
    const text = svmc(['check', ...args]).stdout;
    expect(text).toMatch(/FOLDER_NOT_CHECKED .*README\.md is not a folder/);
    expect(text).toMatch(/FOLDER_NOT_CHECKED .*not-started has no svmc\.yaml/);
    expect(text).toMatch(/FOLDER_NOT_CHECKED .*gone does not exist/);
    expect(svmc(['check', ...args]).code).toBe(1);
    expect(svmc(['check', ...args, '--preparing', '--strict']).code).toBe(1);
  });

  it('exits 2 only when no argument is an application folder, naming each', () => {
    const clients = tempDir();
    writeFileSync(join(clients, 'README.md'), 'our clients\n');
    const run = svmc(['check', join(clients, 'README.md'), join(clients, 'gone')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/README\.md is not a folder.*gone does not exist/);
  });
});

describe('svmc check --format sarif in a repository (built CLI)', () => {
  it('names files from the repository root when run in a folder below it', () => {
    const repo = tempDir();
    mkdirSync(join(repo, '.git'));
    cpSync('examples/level-1', join(repo, 'clients/acme'), { recursive: true });
    const run = svmc(['check', 'acme', '--format', 'sarif'], { cwd: join(repo, 'clients') });
    expect(run.code).toBe(1);
    const sarif = JSON.parse(run.stdout) as {
      runs: { originalUriBaseIds: object; invocations: { exitCode: number }[]; results: { locations: { physicalLocation: { artifactLocation: object } }[] }[] }[];
    };
    const [only] = sarif.runs;
    expect(only?.results[0]?.locations[0]?.physicalLocation.artifactLocation).toEqual({ uri: 'clients/acme/svmc.yaml', uriBaseId: '%SRCROOT%' });
    expect(only?.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(realpathSync(repo)).href}/` } });
    expect(only?.invocations[0]?.exitCode).toBe(1);
  });
});
