import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { svmc } from './helpers/cli.js';
import { python, signedPack } from './pack-fixtures.js';

// The summary shows the self-assessment, so the results are signed with the evidence: sign, check
// and pack list them in one manifest, and changing them after signing makes the sign-offs stale.
it('signs, checks and packs the self-assessment results as part of the payload', () => {
  const listed = JSON.parse(svmc(['assess', '--list', '--format', 'json']).stdout) as { questions: { id: string }[] };
  const pack = signedPack((dir) => {
    const answers = join(dir, '..', 'answers.yaml');
    writeFileSync(answers, `answers:\n${listed.questions.map((q) => `  ${q.id}: 4`).join('\n')}\n`);
    const assessed = svmc(['assess', '--dir', dir, '--answers', answers]);
    if (assessed.code !== 0) throw new Error(assessed.stderr);
  });
  const manifest = python('import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.read([n for n in z.namelist() if n.endswith("/manifest-sha256.txt")][0]).decode())', pack.zip).stdout;
  expect(manifest).toMatch(/^[0-9a-f]{64} {2}data\/self-assessment\.yaml$/m);
  expect(svmc(['verify', pack.zip]).code).toBe(0);
  appendFileSync(join(pack.dir, 'self-assessment.yaml'), '# changed after signing\n');
  const check = svmc(['check', pack.dir]);
  expect(check.code).toBe(1);
  expect(check.stdout).toMatch(/SIGNOFF_STALE/);
  expect(check.stdout).toMatch(/self-assessment\.yaml/);
});
