import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, LineCounter } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fastParse } from '../src/core/application/fast-parse.js';
import { locateIn, type YamlPath } from '../src/core/application/locate.js';

function applicationFiles(): string[] {
  const found: string[] = [];
  for (const top of ['examples', 'test/fixtures']) {
    for (const name of readdirSync(top, { recursive: true }) as string[]) if (name.endsWith('svmc.yaml')) found.push(join(top, name));
  }
  return found;
}

/** Every path in the data, and beside each a child that does not exist. */
function paths(node: unknown, path: (string | number)[] = []): YamlPath[] {
  const children: [string | number, unknown][] = Array.isArray(node)
    ? node.map((v, i) => [i, v])
    : node !== null && typeof node === 'object'
      ? Object.entries(node)
      : [];
  return [path, [...path, 'missing'], ...children.flatMap(([key, value]) => paths(value, [...path, key]))];
}

function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: before.at(-1)!.length + 1 };
}

/** The fast read gives the data and, where it gives a place at all, the place the yaml library gives. */
function expectSameAsYaml(text: string): void {
  const fast = fastParse(text);
  expect(fast, 'read fast').toBeDefined();
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true });
  expect(fast!.data).toEqual(document.toJS());
  for (const path of paths(fast!.data)) {
    for (const preferKey of [false, true]) {
      const offset = fast!.offsetOf(path, preferKey);
      if (offset === undefined) continue;
      const { line, col } = locateIn(document, lineCounter, path, { preferKey });
      expect({ path, preferKey, ...lineCol(text, offset) }).toEqual({ path, preferKey, line, col });
    }
  }
}

describe('the fast read of svmc.yaml', () => {
  const files = applicationFiles();
  const readFast = (file: string) => fastParse(readFileSync(file, 'utf8')) !== undefined;

  it.each(files.filter(readFast))('gives %s as the yaml library does', (file) => {
    expectSameAsYaml(readFileSync(file, 'utf8'));
  });

  it('hands only the unusual fixtures to the yaml library', () => {
    const slow = files.filter((file) => !readFast(file)).map((file) => file.split('/').at(-2));
    expect(slow.sort()).toEqual(['check-alias-bomb', 'check-bad-syntax', 'check-comments-only', 'check-duplicate-key', 'check-empty', 'check-multiple-documents']);
  });

  it('places quoted keys and values, flow collections, lists of maps and comments exactly', () => {
    expectSameAsYaml(
      [
        '# heading',
        'svmc: 1',
        '"quoted key": \'single\'',
        'flow: { a: 1, "b": [x, "y"] }',
        'list:',
        '  # a comment',
        '  - file: a.pdf',
        '    summary: "Minutes, item 1"',
        '  -   file: b.pdf',
        '  - plain',
        'nested:',
        '  deeper:',
        '    deepest: value   # trailing',
        'multi: "two',
        '  lines"',
        '',
      ].join('\n'),
    );
  });

  it('leaves empty values and block scalars to the yaml library', () => {
    const fast = fastParse('a:\nb: |\n  text\nc:\n  - \n');
    expect(fast?.data).toEqual({ a: null, b: 'text\n', c: [null] });
    expect(fast?.offsetOf(['a'], false)).toBeUndefined();
    expect(fast?.offsetOf(['b'], false)).toBeUndefined();
    expect(fast?.offsetOf(['b'], true)).toBe(3);
    expect(fast?.offsetOf(['c', 0], false)).toBeUndefined();
  });

  it.each([
    ['an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a number as key', '2026: x\n'],
    ['a syntax error', 'a: [1, 2\n'],
    ['a complex key', '? [a]\n: b\n'],
    ['an empty file', ''],
  ])('hands %s to the yaml library', (_, text) => {
    expect(fastParse(text)).toBeUndefined();
  });
});
