import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFolder } from '../src/core/check/check-application.js';
import { copyOf, svmc } from './helpers/cli.js';

const VALID = 'test/fixtures/check-valid-level-1';

/** A copy of a valid application with its svmc.yaml edited line by line (index 0 is line 1). */
function withEdit(edit: (lines: string[]) => void): string {
  const dir = copyOf(VALID, 'svmc-mistake-');
  const lines = readFileSync(join(dir, 'svmc.yaml'), 'utf8').split('\n');
  edit(lines);
  writeFileSync(join(dir, 'svmc.yaml'), lines.join('\n'));
  return dir;
}

async function located(dir: string): Promise<[string, number | undefined, number | undefined][]> {
  const result = await checkFolder(dir, { skipSignoffs: true });
  return result.findings.map((f) => [f.code, f.location?.line, f.location?.col]);
}

const SECOND_ITEM = 'file: evidence/creating-capacity/l1-cc-2.md';

describe('common YAML mistakes give one YAML_SYNTAX finding each, where to fix them', () => {
  it.each<[string, (lines: string[]) => void, number, number]>([
    ['an unquoted colon in a value', (l) => void (l[24] = '        summary: Board minutes: March'), 25, 18],
    ['an unquoted colon in a flow item', (l) => void l.splice(23, 2, '      - {file: evidence/creating-capacity/l1-cc-1.md, summary: Board minutes: March}'), 24, 64],
    ['a tab indenting one line', (l) => void (l[24] = l[24]!.replace(/^ +/, '\t')), 25, 1],
    ['tabs indenting every line', (l) => l.forEach((line, i) => {
      l[i] = line.replace(/^ +/, (s) => '\t'.repeat(s.length / 2));
    }), 4, 1],
    ['no space after a colon', (l) => void (l[24] = l[24]!.replace('summary: ', 'summary:')), 25, 16],
    ['no space after the colon of level', (l) => void (l[10] = '  level:2'), 11, 8],
    ['an unclosed double quote', (l) => void (l[3] = '  organisation: "Riverside Community Trust'), 4, 17],
    ['an unclosed single quote', (l) => void (l[24] = "        summary: 'Evidence for L1.CC.1"), 25, 18],
    ['a key indented more than its siblings', (l) => void (l[4] = '    scope: organisation'), 5, 5],
    ['a key indented less than its siblings', (l) => void (l[24] = l[24]!.slice(1)), 25, 8],
    ['a list item indented more than its siblings', (l) => void l.splice(25, 0, `        - ${SECOND_ITEM}`, '          summary: More'), 26, 9],
    ['a list item indented less than its siblings', (l) => void l.splice(25, 0, `     - ${SECOND_ITEM}`, '       summary: More'), 26, 6],
    ['a list not lined up under its key', (l) => void l.splice(26, 2, `   - ${SECOND_ITEM}`, '     summary: More'), 27, 4],
  ])('%s', async (_, edit, line, col) => {
    expect(await located(withEdit(edit))).toEqual([['YAML_SYNTAX', line, col]]);
  });

  it('gives two mistakes a finding each', async () => {
    const dir = withEdit((l) => {
      l[24] = '        summary: Board minutes: March';
      l[34] = l[34]!.replace(/^ +/, '\t');
    });
    expect(await located(dir)).toEqual([
      ['YAML_SYNTAX', 25, 18],
      ['YAML_SYNTAX', 35, 1],
    ]);
  });

  it('suggests the space a key written "level:2" lacks when YAML reads it as text', async () => {
    const dir = withEdit((l) => void l.splice(10, 3, '  level:2'));
    const result = await checkFolder(dir, { skipSignoffs: true });
    const violation = result.findings.find((f) => f.code === 'SCHEMA_VIOLATION');
    expect([violation?.location?.line, violation?.message]).toEqual([11, expect.stringContaining('level: 2')]);
  });

  it('shows a person one line for an unquoted colon, and exits 1 (built CLI)', () => {
    const dir = withEdit((l) => void (l[24] = '        summary: Board minutes: March'));
    const run = svmc(['check', '.'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter((line) => line.includes('svmc.yaml:'))).toEqual([
      '    svmc.yaml:25:18  error    YAML_SYNTAX  The summary has a colon in it that YAML takes for the start of another key: ' +
        'put the summary in quotes: summary: "Board minutes: March" (Nested mappings are not allowed in compact mappings)',
    ]);
    expect(run.stderr).toBe('');
  });
});
