import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { copyOf, svmc, tempDir } from './helpers/cli.js';

it('warns, without failing, about characters the summary cannot draw', () => {
  const dir = copyOf('examples/level-1');
  const yaml = join(dir, 'svmc.yaml');
  writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('organisation: Riverside Community Trust', 'organisation: 리버사이드 Trust'));
  const result = svmc(['pack', dir, '--draft', '--out', join(tempDir(), 'draft.zip')]);
  expect(result.code).toBe(0);
  expect(result.stderr).toMatch(/summary\.pdf: .*U\+B9AC/);
});
