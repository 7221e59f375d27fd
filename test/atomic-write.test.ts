import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { UsageError } from '../src/core/errors.js';
import { writeFileAtomic } from '../src/core/fs/atomic-write.js';
import { tempDir } from './helpers/cli.js';

it('writes the whole file and leaves no temporary file', async () => {
  const dir = tempDir();
  await writeFileAtomic(join(dir, 'a.txt'), 'hello');
  expect(readdirSync(dir)).toEqual(['a.txt']);
});

it('reports a refused write as a usage error naming the target, not the temporary file', async () => {
  const target = join(tempDir(), 'missing-folder', 'report.json');
  const error = await writeFileAtomic(target, 'x').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UsageError);
  expect((error as Error).message).toContain(target);
  expect((error as Error).message).not.toMatch(/\.tmp/);
  expect((error as NodeJS.ErrnoException).code).toBe('ENOENT');
  expect(existsSync(target)).toBe(false);
});

it('sets an exact mode whatever the umask, to keep the mode of the file it replaces', async () => {
  const target = join(tempDir(), 'svmc.yaml');
  await writeFileAtomic(target, 'x', { mode: 0o664 });
  expect(statSync(target).mode & 0o777).toBe(0o664);
});
