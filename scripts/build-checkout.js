// Builds dist/ when svmc is installed from a checkout of its source (npm ci, or pre-commit's install
// of the hook), and does nothing in a release tarball, which ships dist/ built and no src/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
if (existsSync(join(root, 'src')) && existsSync(join(root, 'tsconfig.build.json'))) {
  try {
    createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    console.error('svmc: TypeScript is not installed here, so dist/ was not built: run "npm ci" in this folder');
    process.exit(0);
  }
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  process.exit(build.status ?? 1);
}
