import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOf, svmc } from './helpers/cli.js';

const yamlOf = (dir: string): string => readFileSync(join(dir, 'svmc.yaml'), 'utf8');

describe('svmc map writing svmc.yaml', () => {
  it.each(['600', '640', '664'])('keeps the mode %s of svmc.yaml', (octal) => {
    const mode = parseInt(octal, 8);
    const dir = copyOf('examples/level-1');
    chmodSync(join(dir, 'svmc.yaml'), mode);
    writeFileSync(join(dir, 'evidence/plan/extra.md'), 'extra\n');
    const result = svmc(['map', 'L1.PL.1', 'evidence/plan/extra.md'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(yamlOf(dir)).toContain('- file: evidence/plan/extra.md');
    expect(statSync(join(dir, 'svmc.yaml')).mode & 0o777).toBe(mode);
  });
});
