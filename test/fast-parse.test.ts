import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, LineCounter } from 'yaml';
import { describe, expect, it } from 'vitest';
import { blockParse } from '../src/core/application/block-parse.js';
import { fastParse } from '../src/core/application/fast-parse.js';
import type { FastParse } from '../src/core/application/yaml-spots.js';
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
function expectSameAsYaml(text: string, parse: (text: string) => FastParse | undefined = fastParse): void {
  const fast = parse(text);
  expect(fast, 'read fast').toBeDefined();
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true });
  expect(fast!.data).toEqual(document.toJS());
  for (const path of paths(fast!.data)) {
    for (const preferKey of [false, true]) {
      const offset = fast!.offsetOf(path, preferKey);
      if (parse !== fastParse) expect({ path, preferKey, offset }).toEqual({ path, preferKey, offset: fastParse(text)?.offsetOf(path, preferKey) });
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

describe('the line reader of svmc.yaml', () => {
  const files = applicationFiles();

  it('reads every example and the plain fixtures as the yaml library does', () => {
    const read = files.filter((file) => blockParse(readFileSync(file, 'utf8')) !== undefined);
    for (const file of read) expectSameAsYaml(readFileSync(file, 'utf8'), blockParse);
    expect(read.filter((file) => file.startsWith('examples/')).length).toBe(files.filter((file) => file.startsWith('examples/')).length);
    expect(read.length).toBeGreaterThan(files.length / 2);
  });

  it('reads block lists and maps, quotes, comments, numbers and empty values exactly', () => {
    expectSameAsYaml(
      [
        '# heading',
        '',
        'svmc: 1',
        'applicant:',
        '  organisation: "Zoë\'s Café — Łódź"',
        "  scope: 'it''s #1'",
        '  number: SVUK-0042 # trailing',
        '  none:',
        '  tilde: ~',
        '  yes: true',
        '  no: False',
        '  ratio: 2.5',
        '  big: 1e3',
        '  signed: -7',
        '  padded: 007',
        '  url: https://example.org/a#b',
        '  dashed: -x',
        'evidence:',
        '  creating-capacity:',
        '    L1.CC.1:',
        '    - file: evidence/a b.pdf',
        '      summary: Minutes, item [1] {x}',
        '      date: 2026-01-10',
        '    -   file: b.pdf   ',
        '        # inside',
        '        area: Governance',
        '    L1.CC.2:',
        '      - plain',
        "      - 'quoted'",
        '      - "double"',
        '  other:',
        '',
      ].join('\n'),
      blockParse,
    );
  });

  it.each([
    ['a tab', 'a:\tb\n'],
    ['a carriage return', 'a: b\r\n'],
    ['a value on two lines', 'a: one\n  two\n'],
    ['an escape in double quotes', 'a: "x\\ny"\n'],
    ['a quote left open', 'a: "x\n'],
    ['text after a quote', 'a: "x" y\n'],
    ['a flow map', 'a: { b: 1 }\n'],
    ['a flow list', 'a: [1, 2]\n'],
    ['an anchor', 'a: &x 1\n'],
    ['an alias', 'a: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a folded scalar', 'a: >\n  text\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a key true', 'true: 1\n'],
    ['a key __proto__', '__proto__: 1\n'],
    ['a quoted key', '"a": 1\n'],
    ['a key that is a number', '2026: x\n'],
    ['a key without a space after its colon', 'a:b\n'],
    ['a nested map on one line', 'a: b: c\n'],
    ['a value ending in a colon', 'a: b:\n'],
    ['a list inside a list', 'a:\n  - - x\n'],
    ['an empty list item', 'a:\n  -\n'],
    ['a document marker', '---\na: 1\n'],
    ['a directive', '%YAML 1.2\na: 1\n'],
    ['a hexadecimal number', 'a: 0x1F\n'],
    ['infinity', 'a: .inf\n'],
    ['an indented first line', '  a: 1\n'],
    ['a deeper line after a map entry', 'a: 1\n  b: 2\n'],
    ['a dash where a key belongs', 'a: 1\n- b\n'],
    ['comments only', '# nothing\n'],
    ['an empty file', ''],
    ['a byte order mark inside', 'a: \ufeffb\n'],
  ])('leaves %s to the other readers', (_, text) => {
    expect(blockParse(text)).toBeUndefined();
  });

  it('gives what the yaml library gives for generated applications, or leaves them', () => {
    const random = seeded(15);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const words = ['plain', 'two words', 'a: b', 'x #y', 'a#b', '-x', '- x', '~', 'null', 'True', '12', '-3', '1.5', '0x1', '2026-01-10', "it's", '"q"', "'s'", '[a]', '{b}', '*c', '&d', '!e', '|', '>', '?', ':', '', ' ', 'é — ł', 'end:'];
    const scalarText = (): string => {
      const word = pick(words);
      const style = random();
      if (style < 0.6) return word;
      if (style < 0.8) return `"${word}"`;
      return `'${word.replaceAll("'", "''")}'`;
    };
    const keys = ['file', 'summary', 'date', 'area', 'L1.CC.1', 'creating-capacity', 'a_b', 'null', 'x'];
    const block = (indent: number, depth: number): string[] => {
      const pad = ' '.repeat(indent);
      const lines: string[] = [];
      const count = 1 + Math.floor(random() * 3);
      for (let n = 0; n < count; n++) {
        const key = pick(keys);
        const kind = depth > 2 ? 0 : random();
        if (kind < 0.5) lines.push(`${pad}${key}: ${scalarText()}${random() < 0.1 ? ' # note' : ''}`);
        else if (kind < 0.7) lines.push(`${pad}${key}:`, ...block(indent + 2, depth + 1));
        else {
          lines.push(`${pad}${key}:`);
          const listPad = random() < 0.5 ? pad : `${pad}  `;
          for (let m = 0; m < 1 + Math.floor(random() * 3); m++) {
            if (random() < 0.5) lines.push(`${listPad}- ${scalarText()}`);
            else {
              const [head, ...tail] = block(listPad.length + 2, depth + 1);
              lines.push(`${listPad}- ${head!.trimStart()}`, ...tail);
            }
          }
        }
        if (random() < 0.05) lines.push(`${pad}# a comment`);
      }
      return lines;
    };
    let read = 0;
    for (let n = 0; n < 400; n++) {
      const text = `${block(0, 0).join('\n')}\n`;
      if (blockParse(text) === undefined) continue;
      read += 1;
      expectSameAsYaml(text, blockParse);
    }
    expect(read).toBeGreaterThan(50);
  });
});

/** The same numbers on every run: a failure can be run again. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}
