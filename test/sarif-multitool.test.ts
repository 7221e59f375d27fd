import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, svmc, tempDir } from './helpers/cli.js';
import { multitoolAvailable, validateSarif } from './helpers/sarif-multitool.js';

describe.skipIf(!multitoolAvailable())('SARIF for GitHub code scanning, as the SARIF multitool judges it', () => {
  it('has no errors under the Sarif and Gh rule kinds for a failing application in a subfolder of a repository', () => {
    const repo = tempDir('svmc-sarif-');
    mkdirSync(join(repo, '.git'));
    const app = join(repo, 'clients/riverside');
    cpSync(join(ROOT, 'examples/level-2'), app, { recursive: true });
    rmSync(join(app, 'evidence/creating-capacity/data-system.md'));
    writeFileSync(join(app, 'evidence/do/stray notes.md'), 'not mapped to any criterion\n');
    const output = join(repo, 'svmc.sarif');
    const result = svmc(['check', 'riverside', '--format', 'sarif', '--output', output], { cwd: join(repo, 'clients') });
    expect(result.code, result.stderr).toBe(1);
    const { errors, warnings } = validateSarif(output);
    expect(errors).toEqual([]);
    // svmc has no public home yet to name as the tool's informationUri; nothing else is to be said.
    expect(warnings.map((warning) => warning.ruleId)).toEqual(['SARIF2005']);
  });
});
