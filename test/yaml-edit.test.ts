import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/core/errors.js';
import { editYaml, type AppendEdit, type SetEdit } from '../src/core/application/yaml-edit.js';

const ORDER = [[], ['creating-capacity', 'plan', 'do', 'assess', 'revise'], ['L1.CC.1', 'L1.PL.1', 'L1.PL.2', 'L1.PL.3', 'L1.DO.1', 'L1.DO.2']];
const add = (criterion: string, ...items: object[]): AppendEdit => {
  const stage = { CC: 'creating-capacity', PL: 'plan', DO: 'do', RV: 'revise' }[criterion.slice(3, 5)]!;
  return { path: ['evidence', stage, criterion], append: items, order: ORDER };
};
const lines = (...text: string[]): string => `${text.join('\n')}\n`;

const MAPPED = lines(
  'svmc: 1            # format version',
  'evidence:',
  '  # Plan: who matters',
  '  plan:',
  '    L1.PL.1:',
  '      - file: a.md',
  '        summary: first   # kept',
  '        # a note on a.md',
  '    # L1.PL.3 is next',
  '    L1.PL.3:',
  '      - file: c.md',
  '  do:',
  '    L1.DO.1:',
  '    -   file: d.md',
  '# the end',
);

/** `MAPPED` with `added` lines after line `after` (1-based), and nothing else changed. */
const mappedWith = (after: number, ...added: string[]): string => {
  const all = MAPPED.split('\n');
  return [...all.slice(0, after), ...added, ...all.slice(after)].join('\n');
};

describe('editYaml splices the edit into the text', () => {
  it('appends to a list after its last item and the comments inside it', () => {
    const { text, reprinted } = editYaml(MAPPED, add('L1.PL.1', { file: 'b.md', summary: 'x: y' }));
    expect(text).toBe(mappedWith(8, '      - file: b.md', '        summary: "x: y"'));
    expect(reprinted).toBe(false);
  });

  it("matches a list's own indentation and dash style", () => {
    expect(editYaml(MAPPED, add('L1.DO.1', { file: 'e.md', date: '2026-03-04' })).text).toBe(mappedWith(14, '    -   file: e.md', '        date: 2026-03-04'));
  });

  it('creates a criterion in catalogue order, above the comment that heads the next one', () => {
    expect(editYaml(MAPPED, add('L1.PL.2', { file: 'b.md' })).text).toBe(mappedWith(8, '    L1.PL.2:', '      - file: b.md'));
  });

  it('creates a criterion after the last one, before a comment that is not inside it', () => {
    expect(editYaml(MAPPED, add('L1.DO.2', { file: 'f.md' })).text).toBe(mappedWith(14, '    L1.DO.2:', '      - file: f.md'));
  });

  it('creates a stage in stage order, above the comment that heads the next stage', () => {
    expect(editYaml(MAPPED, add('L1.CC.1', { file: 'g.md' })).text).toBe(mappedWith(2, '  creating-capacity:', '    L1.CC.1:', '      - file: g.md'));
    expect(editYaml(MAPPED, add('L1.RV.1', { file: 'h.md' })).text).toBe(mappedWith(14, '  revise:', '    L1.RV.1:', '      - file: h.md'));
  });

  it('turns `evidence: {}` into a block map, keeping the comment on its line', () => {
    const text = lines('svmc: 1', 'evidence: {}   # the map', '# end');
    expect(editYaml(text, add('L1.PL.1', { file: 'a.md' })).text).toBe(lines('svmc: 1', 'evidence:   # the map', '  plan:', '    L1.PL.1:', '      - file: a.md', '# end'));
  });

  it.each(['', ' ~', ' null', ' []', ' ""', "   # to do"])('fills a criterion written `L1.PL.1:%s`', (value) => {
    const text = lines('evidence:', '  plan:', `    L1.PL.1:${value}`, '    L1.PL.2: []');
    const kept = value.includes('#') ? value : '';
    expect(editYaml(text, add('L1.PL.1', { file: 'a.md' })).text).toBe(lines('evidence:', '  plan:', `    L1.PL.1:${kept}`, '      - file: a.md', '    L1.PL.2: []'));
  });

  it('adds to a flow list inside its brackets, quoting as flow context needs', () => {
    const text = lines('evidence:', '  plan:', '    L1.PL.1: [ {file: a.md} ]   # short', '    L1.PL.2: [', '      {file: a.md},', '    ]');
    expect(editYaml(text, add('L1.PL.1', { file: 'b, c.md' })).text).toBe(lines('evidence:', '  plan:', '    L1.PL.1: [ {file: a.md}, { file: "b, c.md" } ]   # short', '    L1.PL.2: [', '      {file: a.md},', '    ]'));
    expect(editYaml(text, add('L1.PL.2', { file: 'b.md' })).text).toBe(lines('evidence:', '  plan:', '    L1.PL.1: [ {file: a.md} ]   # short', '    L1.PL.2: [', '      {file: a.md}, { file: b.md }', '    ]'));
  });

  it('writes values as YAML scalars that read back as the same text', () => {
    const summaries = ['a: b', 'a #b', '- leading dash', '123', 'true', "it's", 'two\nlines'];
    const { text } = editYaml(lines('evidence: {}'), add('L1.PL.1', ...summaries.map((summary) => ({ file: 'a.md', summary }))));
    expect(text).toBe(
      lines(
        'evidence:',
        '  plan:',
        '    L1.PL.1:',
        ...['"a: b"', '"a #b"', '"- leading dash"', '"123"', '"true"', "it's"].flatMap((summary) => ['      - file: a.md', `        summary: ${summary}`]),
        '      - file: a.md',
        '        summary: |-',
        '          two',
        '          lines',
      ),
    );
  });

  it('follows the indentation the file already uses', () => {
    const text = lines('applicant:', '    name: X', 'evidence:', '    plan:', '        L1.PL.1:', '        - file: a.md');
    expect(editYaml(text, add('L1.DO.1', { file: 'd.md' })).text).toBe(`${text}${lines('    do:', '        L1.DO.1:', '        - file: d.md')}`);
  });

  it('keeps a CRLF file CRLF', () => {
    const text = 'svmc: 1\r\nevidence:\r\n  plan:\r\n    L1.PL.1:\r\n      - file: a.md\r\n';
    const { text: edited } = editYaml(text, add('L1.DO.1', { file: 'd.md', summary: 'two\nlines' }));
    expect(edited).toBe(`${text}  do:\r\n    L1.DO.1:\r\n      - file: d.md\r\n        summary: |-\r\n          two\r\n          lines\r\n`);
  });

  it('adds the map to a file with only comments, or with no line break at its end', () => {
    expect(editYaml('# nothing yet\n', add('L1.PL.1', { file: 'a.md' })).text).toBe(lines('# nothing yet', 'evidence:', '  plan:', '    L1.PL.1:', '      - file: a.md'));
    expect(editYaml('svmc: 1', add('L1.PL.1', { file: 'a.md' })).text).toBe(lines('svmc: 1', 'evidence:', '  plan:', '    L1.PL.1:', '      - file: a.md'));
  });
});

describe('editYaml sets a scalar', () => {
  const PEOPLE = lines('representatives:', '  lead:               # the lead', '    name: Ana', '    email: ana@example.org   # work', '  senior:', '    name: Ben', '    publicKey: RWQold   # old key', '# end');
  const key = (role: string, value = 'RWQnew+/='): SetEdit => ({ path: ['representatives', role, 'publicKey'], set: value });

  it('adds a missing key after the last one of its map', () => {
    expect(editYaml(PEOPLE, key('lead')).text).toBe(PEOPLE.replace('# work\n', '# work\n    publicKey: RWQnew+/=\n'));
  });

  it('replaces a value, keeping its comment', () => {
    expect(editYaml(PEOPLE, key('senior')).text).toBe(PEOPLE.replace('RWQold', 'RWQnew+/='));
  });

  it('fills an empty value', () => {
    expect(editYaml(lines('representatives:', '  lead:', '    publicKey:   # later', '    name: Ana'), key('lead')).text).toBe(lines('representatives:', '  lead:', '    publicKey: RWQnew+/=   # later', '    name: Ana'));
  });

  it('quotes a value that needs it', () => {
    expect(editYaml(PEOPLE, key('senior', 'a: b')).text).toBe(PEOPLE.replace('RWQold', '"a: b"'));
  });
});

describe('editYaml, when the text cannot take a splice', () => {
  it('prints the document anew for a flow map on the way, and says so', () => {
    const { text, reprinted } = editYaml(lines('evidence: {plan: {L1.PL.1: [{file: a.md}]}}  # all in one'), add('L1.PL.1', { file: 'b.md' }));
    expect(text).toBe(lines('evidence: { plan: { L1.PL.1: [ { file: a.md }, { file: b.md } ] } } # all in one'));
    expect(reprinted).toBe(true);
  });

  it('refuses an edit that would also change an alias of the list', () => {
    const text = lines('evidence:', '  plan:', '    L1.PL.1: &shared', '      - file: a.md', '    L1.PL.2: *shared');
    expect(() => editYaml(text, add('L1.PL.1', { file: 'b.md' }))).toThrow(UsageError);
  });

  it('refuses a text that does not read cleanly', () => {
    expect(() => editYaml(lines('a: [', 'b: 1'), add('L1.PL.1', { file: 'b.md' }))).toThrow(/cannot be edited until it reads cleanly/);
    const bomb = lines('a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]');
    expect(() => editYaml(bomb, add('L1.PL.1', { file: 'b.md' }))).toThrow(/cannot be edited until it reads cleanly/);
  });

  it('refuses a value in the way, saying which', () => {
    expect(() => editYaml(lines('evidence:', '  plan:', '    L1.PL.1: a.md'), add('L1.PL.1', { file: 'b.md' }))).toThrow(/"L1.PL.1" in svmc.yaml holds something other than a list/);
    expect(() => editYaml(lines('evidence: [a.md]'), add('L1.PL.1', { file: 'b.md' }))).toThrow(/"evidence" in svmc.yaml holds something other than a map/);
    expect(() => editYaml(lines('- a', '- b'), add('L1.PL.1', { file: 'b.md' }))).toThrow(/not a map of keys/);
  });
});
