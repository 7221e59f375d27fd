import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { editYaml, type YamlEdit } from '../src/core/application/yaml-edit.js';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;
const ORDER = [[], ['creating-capacity', 'plan', 'do', 'assess', 'revise'], ['L1.PL.1', 'L1.PL.2', 'L1.PL.3'], ['statement', 'evidence']];
const ITEM_ORDER = [[], [], [], [], ['file', 'summary', 'date', 'area', 'locator']];

const LISTED = lines(
  'svmc: 1   # kept',
  'evidence:',
  '  plan:',
  '    L1.PL.1:      # the map',
  '      - file: a.md',
  '        summary: first',
  '      # between items',
  '      - file: b.md',
  '    L1.PL.3:',
  '    - file: c.md',
  '# the end',
);

/** Lines of `after` that `before` does not have, and lines of `before` gone from `after`, in order. */
function difference(before: string, after: string): { added: string[]; removed: string[] } {
  const old = before.split('\n');
  const now = after.split('\n');
  return { added: now.filter((line) => !old.includes(line)), removed: old.filter((line) => !now.includes(line)) };
}

describe('a criterion written as a list becomes {statement, evidence}', () => {
  it('by adding two lines above its first dash, and no other change', () => {
    const edit: YamlEdit = { path: ['evidence', 'plan', 'L1.PL.1'], nest: { before: { statement: 'We meet it: so.' }, under: 'evidence' }, order: ORDER };
    const { text, reprinted } = editYaml(LISTED, edit);
    expect(reprinted).toBe(false);
    expect(text).toBe(LISTED.replace('      - file: a.md', '      statement: "We meet it: so."\n      evidence:\n      - file: a.md'));
    expect(parse(text).evidence.plan['L1.PL.1'].evidence).toHaveLength(2);
  });

  it('moving the list right only where its dashes stand at the key', () => {
    const edit: YamlEdit = { path: ['evidence', 'plan', 'L1.PL.3'], nest: { before: { statement: 'Two\nlines' }, under: 'evidence' }, order: ORDER };
    const { text, reprinted } = editYaml(LISTED, edit);
    expect(reprinted).toBe(false);
    expect(difference(LISTED, text)).toEqual({ added: ['      statement: |-', '        Two', '        lines', '      evidence:', '      - file: c.md'], removed: ['    - file: c.md'] });
    expect(parse(text).evidence.plan['L1.PL.3']).toEqual({ statement: 'Two\nlines', evidence: [{ file: 'c.md' }] });
  });

  it('replaces a block statement in place', () => {
    const before = lines('evidence:', '  plan:', '    L1.PL.1:', '      statement: |-', '        old', '        text', '      evidence:', '        - file: a.md');
    const { text, reprinted } = editYaml(before, { path: ['evidence', 'plan', 'L1.PL.1', 'statement'], set: 'new', order: ORDER });
    expect(reprinted).toBe(false);
    expect(text).toBe(lines('evidence:', '  plan:', '    L1.PL.1:', '      statement: new', '      evidence:', '        - file: a.md'));
  });
});

describe('edits of items in a list', () => {
  it('change a scalar of an item, and add a key after an item’s last one', () => {
    const edits: YamlEdit[] = [
      { path: ['evidence', 'plan', 'L1.PL.1', 0, 'summary'], set: 'better', order: ITEM_ORDER },
      { path: ['evidence', 'plan', 'L1.PL.1', 1, 'locator'], set: 'p. 4, §2.1', order: ITEM_ORDER },
      { path: ['evidence', 'plan', 'L1.PL.3', 0, 'date'], set: '2026-03-04', order: ITEM_ORDER },
    ];
    const { text, reprinted } = editYaml(LISTED, edits);
    expect(reprinted).toBe(false);
    expect(difference(LISTED, text)).toEqual({ added: ['        summary: better', '        locator: p. 4, §2.1', '      date: 2026-03-04'], removed: ['        summary: first'] });
  });

  it('remove an item by its index before the edit, with its lines', () => {
    const edits: YamlEdit[] = [
      { path: ['evidence', 'plan', 'L1.PL.1', 0], remove: true },
      { path: ['evidence', 'plan', 'L1.PL.1', 0, 'summary'], set: 'changed first' },
    ];
    const { text, reprinted } = editYaml(LISTED, edits);
    expect(reprinted).toBe(false);
    expect(parse(text).evidence.plan['L1.PL.1']).toEqual([{ file: 'b.md' }]);
    expect(difference(LISTED, text)).toEqual({ added: [], removed: ['      - file: a.md', '        summary: first'] });
    expect(text).toContain('      # between items');
  });

  it('remove a criterion key with its list', () => {
    const { text } = editYaml(LISTED, { path: ['evidence', 'plan', 'L1.PL.3'], remove: true });
    expect(text).toBe(LISTED.replace('    L1.PL.3:\n    - file: c.md\n', ''));
  });

  it('two edits that each create the same stage are made one after the other', () => {
    const edits: YamlEdit[] = [
      { path: ['evidence', 'do', 'L1.DO.1'], append: [{ file: 'd.md' }], order: ORDER },
      { path: ['evidence', 'do', 'L1.DO.2'], append: [{ file: 'e.md' }], order: ORDER },
    ];
    const { text } = editYaml(LISTED, edits);
    expect(parse(text).evidence.do).toEqual({ 'L1.DO.1': [{ file: 'd.md' }], 'L1.DO.2': [{ file: 'e.md' }] });
    expect(text).toContain('svmc: 1   # kept');
  });
});
