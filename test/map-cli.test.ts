import { chmodSync, lstatSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyOf, svmc, tempDir } from './helpers/cli.js';

const yamlOf = (dir: string): string => readFileSync(join(dir, 'svmc.yaml'), 'utf8');

/** The lines taken out and put in between `before` and `after`, which differ in one place. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const [old, now] = [before.split('\n'), after.split('\n')];
  let head = 0;
  while (head < old.length && old[head] === now[head]) head++;
  let tail = 0;
  while (tail < old.length - head && old[old.length - 1 - tail] === now[now.length - 1 - tail]) tail++;
  return { removed: old.slice(head, old.length - tail), added: now.slice(head, now.length - tail) };
}

function initialised(...flags: string[]): string {
  const parent = tempDir();
  const result = svmc(['init', 'app', '--yes', '--org', 'X', '--level', '1', '--size', 'small', ...flags], { cwd: parent });
  expect(result.code, result.stderr).toBe(0);
  return join(parent, 'app');
}

function mapIn(dir: string, ...args: string[]): void {
  const result = svmc(['map', ...args], { cwd: dir });
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toBe('');
}

describe('svmc map changes only the lines it must', () => {
  it('in the commented, aligned svmc.yaml that init writes', () => {
    const dir = initialised();
    writeFileSync(join(dir, 'evidence/plan/stakeholder-map.md'), 'map\n');
    writeFileSync(join(dir, 'evidence/creating-capacity/board-minutes.md'), 'minutes\n');
    const before = yamlOf(dir);
    mapIn(dir, 'L1.PL.1', 'evidence/plan/stakeholder-map.md', '--summary', 'Stakeholder map: agreed by the board');
    const first = yamlOf(dir);
    expect(changedLines(before, first)).toEqual({
      removed: ['evidence: {}'],
      added: ['evidence:', '  plan:', '    L1.PL.1:', '      - file: evidence/plan/stakeholder-map.md', '        summary: "Stakeholder map: agreed by the board"'],
    });
    mapIn(dir, 'L1.CC.1', 'evidence/creating-capacity/board-minutes.md');
    expect(changedLines(first, yamlOf(dir))).toEqual({
      removed: [],
      added: ['  creating-capacity:', '    L1.CC.1:', '      - file: evidence/creating-capacity/board-minutes.md'],
    });
  });

  it.each(['level-1', 'level-2', 'level-3'])('in examples/%s', (example) => {
    const dir = copyOf(`examples/${example}`);
    const level = example.at(-1);
    writeFileSync(join(dir, 'evidence/do/extra.md'), 'extra\n');
    const before = yamlOf(dir);
    mapIn(dir, `L${level}.DO.1`, 'evidence/do/extra.md', '--summary', 'More', '--date', '2026-03-04', '--area', 'Youth');
    const { removed, added } = changedLines(before, yamlOf(dir));
    expect(removed).toEqual([]);
    expect(added).toEqual(['      - file: evidence/do/extra.md', '        summary: More', '        date: 2026-03-04', '        area: Youth']);
    expect(yamlOf(dir).split(`L${level}.DO.1:`)[1]!.split(`L${level}.DO.2:`)[0]).toContain('evidence/do/extra.md');
  });

  it('keeps a CRLF svmc.yaml CRLF', () => {
    const dir = copyOf('examples/level-1');
    writeFileSync(join(dir, 'svmc.yaml'), yamlOf(dir).replace(/\n/g, '\r\n'));
    writeFileSync(join(dir, 'evidence/plan/extra.md'), 'extra\n');
    mapIn(dir, 'L1.PL.1', 'evidence/plan/extra.md');
    expect(yamlOf(dir)).toContain('\r\n      - file: evidence/plan/extra.md\r\n');
    expect(yamlOf(dir).replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('keeps a byte order mark, and writes through a linked svmc.yaml, which stays a link', () => {
    const dir = copyOf('examples/level-1');
    const elsewhere = join(tempDir(), 'svmc.yaml');
    writeFileSync(elsewhere, `\uFEFF${yamlOf(dir)}`);
    rmSync(join(dir, 'svmc.yaml'));
    symlinkSync(elsewhere, join(dir, 'svmc.yaml'));
    writeFileSync(join(dir, 'evidence/plan/extra.md'), 'extra\n');
    mapIn(dir, 'L1.PL.1', 'evidence/plan/extra.md');
    expect(lstatSync(join(dir, 'svmc.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(elsewhere, 'utf8').startsWith('\uFEFF# ')).toBe(true);
    expect(readFileSync(elsewhere, 'utf8')).toContain('evidence/plan/extra.md');
  });

  it('says so when it has to lay the file out anew', () => {
    const dir = copyOf('examples/level-1');
    writeFileSync(join(dir, 'svmc.yaml'), yamlOf(dir).replace(/evidence:\n[\s\S]*$/, 'evidence: {plan: {L1.PL.1: [{file: evidence/plan/impact-management-plan.md}]}}\n'));
    const result = svmc(['map', 'L1.PL.2', 'evidence/plan/initial-stakeholder-groups.md'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^svmc: svmc.yaml was laid out anew/);
    expect(yamlOf(dir)).toContain('L1.PL.2: [ { file: evidence/plan/initial-stakeholder-groups.md } ]');
  });
});

describe('svmc map file arguments', () => {
  const recorded = (dir: string, criterion: string): string[] => {
    const data = parse(yamlOf(dir)) as { evidence: { assess?: Record<string, { file: string }[]> } };
    return (data.evidence.assess?.[criterion] ?? []).map((item) => item.file);
  };

  it('records a path typed with backslashes, or an absolute path inside the folder, relative and with /', () => {
    const dir = copyOf('test/fixtures/check-missing-criterion');
    mapIn(dir, 'L1.AS.1', 'evidence\\assess\\l1-as-1.md', join(dir, 'evidence/assess/l1-as-2.md'), `${dir}/./evidence//assess/l1-as-3.md`);
    expect(recorded(dir, 'L1.AS.1')).toEqual(['evidence/assess/l1-as-1.md', 'evidence/assess/l1-as-2.md', 'evidence/assess/l1-as-3.md']);
  });

  it('records an absolute path that reaches the folder through a symbolic link', () => {
    const dir = copyOf('test/fixtures/check-missing-criterion');
    const link = join(tempDir(), 'linked');
    symlinkSync(dir, link);
    mapIn(dir, 'L1.AS.1', join(link, 'evidence/assess/l1-as-1.md'));
    const viaLink = svmc(['map', 'L1.AS.2', join(dir, 'evidence/assess/l1-as-2.md'), '--dir', link]);
    expect(viaLink.code, viaLink.stderr).toBe(0);
    expect(recorded(dir, 'L1.AS.1')).toEqual(['evidence/assess/l1-as-1.md']);
    expect(recorded(dir, 'L1.AS.2')).toEqual(['evidence/assess/l1-as-2.md']);
  });

  it.each([
    ['an absolute path outside the folder', (dir: string) => join(dir, '../outside.md'), /is outside the application folder/],
    ['a backslash path climbing out', () => '..\\outside.md', /climbs out of the application folder/],
    ['a symbolic link leading out', () => 'evidence/link.md', /leads out of the application folder through a symbolic link/],
    ['an absolute path to a symbolic link leading out', (dir: string) => join(dir, 'evidence/link.md'), /leads out of the application folder through a symbolic link/],
  ])('refuses %s with exit 2, writing nothing', (_, file, message) => {
    const dir = copyOf('test/fixtures/check-missing-criterion');
    writeFileSync(join(dir, '../outside.md'), 'outside\n');
    symlinkSync(join(dir, '../outside.md'), join(dir, 'evidence/link.md'));
    const before = yamlOf(dir);
    const result = svmc(['map', 'L1.AS.1', file(dir)], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(yamlOf(dir)).toBe(before);
  });
});

describe('svmc keygen --register changes only the lines it must', () => {
  it('in the svmc.yaml that init writes', () => {
    const dir = initialised('--lead-name', 'Ana Lead', '--lead-email', 'ana@example.org', '--senior-name', 'Ben Senior', '--senior-email', 'ben@example.org');
    const before = yamlOf(dir);
    const result = svmc(['keygen', '--no-passphrase', '--as', 'senior', '--out', join(tempDir(), 'senior.key'), '--register', '--dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    const { removed, added } = changedLines(before, yamlOf(dir));
    expect(removed).toEqual([]);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^ {4}publicKey: RW[A-Za-z0-9+/]{54}$/);
    expect(yamlOf(dir).split('senior:')[1]).toContain(added[0]);
  });
});

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
