import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from './cli.js';

/** The self-contained Linux build that the @microsoft/sarif-multitool devDependency brings. */
const BINARY = join(ROOT, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');

export const multitoolAvailable = (): boolean => {
  const found = process.platform === 'linux' && existsSync(BINARY);
  if (!found && process.env.CI) throw new Error('the SARIF multitool is required in CI: npm ci installs it on Linux');
  return found;
};

export interface SarifIssue {
  ruleId: string;
  level: string;
  message: string;
}

/** Runs `validate` with the SARIF and GitHub rule kinds and returns what it reports, by level. */
export function validateSarif(file: string): { errors: SarifIssue[]; warnings: SarifIssue[] } {
  // npm may have skipped the package's postinstall, which sets the run bit.
  chmodSync(BINARY, 0o755);
  const output = join(tempDir('svmc-multitool-'), 'validation.sarif');
  const run = spawnSync(BINARY, ['validate', file, '--rule-kind', 'Sarif;Gh', '--output', output, '--log', 'ForceOverwrite'], {
    encoding: 'utf8',
    // .NET writes its extraction cache under HOME; keep it out of the user's.
    env: { ...process.env, DOTNET_BUNDLE_EXTRACT_BASE_DIR: tempDir('svmc-dotnet-'), DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
  });
  if (!existsSync(output)) throw new Error(`the multitool wrote no result (exit ${run.status}): ${run.stdout}${run.stderr}`);
  const log = JSON.parse(readFileSync(output, 'utf8')) as { runs: { results?: { ruleId: string; level?: string; message: { text?: string } }[] }[] };
  const issues = (log.runs[0]?.results ?? []).map((r) => ({ ruleId: r.ruleId, level: r.level ?? 'warning', message: r.message.text ?? '' }));
  return { errors: issues.filter((i) => i.level === 'error'), warnings: issues.filter((i) => i.level === 'warning') };
}
