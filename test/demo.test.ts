import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers/cli.js';

it('the quick start demo signs, packs and verifies the level-2 example', () => {
  const out = join(tempDir('svmc-demo-'), 'demo');
  const result = spawnSync('sh', [join(ROOT, 'examples/demo.sh')], {
    encoding: 'utf8',
    env: { ...process.env, DEMO_DIR: out, NO_COLOR: '1' },
  });
  expect(result.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  expect(result.status).toBe(0);
  expect(existsSync(join(out, 'level-2.zip'))).toBe(true);
  expect(result.stdout).toMatch(/level-2\.zip: valid: /);
});
