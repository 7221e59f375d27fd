import { Document, isMap, isNode, isSeq, stringify, visit } from 'yaml';
import type { YamlEdit, YamlScalar } from './yaml-edit.js';
import { columnOf, lineBreakOf } from './yaml-text.js';

/** How a file indents, learnt from what it already holds, so new lines look like their neighbours. */
export interface Layout {
  lineBreak: string;
  /** A nested map's keys, right of its parent key. */
  mapIndent: number;
  /** A list's dashes, right of the key that holds it (0 for `key:\n- item`). */
  listIndent: number;
  /** An item's content, right of its dash. */
  itemIndent: number;
}

export function layoutOf(text: string, doc: Document): Layout {
  const layout: Layout = { lineBreak: lineBreakOf(text), mapIndent: 2, listIndent: 2, itemIndent: 2 };
  let seenMap = false;
  let seenList = false;
  visit(doc, {
    Pair(_, pair) {
      const key = start(pair.key);
      const value = pair.value;
      if (key === undefined || (!isMap(value) && !isSeq(value)) || value.flow || value.items.length === 0) return;
      const dash = value.range![0];
      const indent = columnOf(text, dash) - columnOf(text, key);
      if (isMap(value) && !seenMap && indent > 0) [layout.mapIndent, seenMap] = [indent, true];
      const item = start(value.items[0]);
      if (isSeq(value) && !seenList && isMap(value.items[0]) && item !== undefined && indent >= 0 && !text.slice(dash, item).includes('\n')) {
        [layout.listIndent, layout.itemIndent, seenList] = [indent, item - dash, true];
      }
    },
  });
  return layout;
}

/** `key:` at `column` with the rest of the edit's path beneath it, ending with a line break. */
export function renderPair(keys: readonly string[], edit: YamlEdit, column: number, layout: Layout): string {
  const [key, ...rest] = keys;
  const head = `${' '.repeat(column)}${oneLine(key!)}:`;
  if (rest.length === 0 && 'set' in edit) return `${head} ${renderScalar(edit.set, column, layout)}${layout.lineBreak}`;
  return head + layout.lineBreak + renderBeneath(rest, edit, column, layout);
}

/** The lines beneath a key at `column` that hold the rest of the edit's path. */
export function renderBeneath(rest: readonly string[], edit: YamlEdit, column: number, layout: Layout): string {
  if (rest.length > 0) return renderPair(rest, edit, column + layout.mapIndent, layout);
  if (!('append' in edit)) throw new Error('only a list is written beneath a new key');
  const dash = column + layout.listIndent;
  return renderItems(edit.append, dash, dash + layout.itemIndent, layout);
}

export function renderItems(items: readonly object[], dash: number, content: number, layout: Layout): string {
  return items
    .map((item) => {
      const [first, ...rest] = stringify(item, { lineWidth: 0 }).trimEnd().split('\n');
      const lines = [`${' '.repeat(dash)}-${' '.repeat(content - dash - 1)}${first}`, ...rest.map((line) => indented(line, content))];
      return lines.join(layout.lineBreak) + layout.lineBreak;
    })
    .join('');
}

/** A scalar as the library writes it (quoted where it must be), the lines of a block scalar indented past its key at `column`. */
export function renderScalar(value: YamlScalar, column: number, layout: Layout): string {
  const [first, ...rest] = stringify(value, { lineWidth: 0 }).trimEnd().split('\n');
  return [first, ...rest.map((line) => indented(line, column + layout.mapIndent))].join(layout.lineBreak);
}

/** An item as a flow map, `{ file: a, summary: "b, c" }`, quoted as flow context needs. */
export function renderFlowItem(item: object): string {
  return new Document(item).toString({ lineWidth: 0, collectionStyle: 'flow' }).trimEnd();
}

export function renderKey(key: string): string {
  return oneLine(key);
}

function oneLine(key: string): string {
  return stringify(key, { lineWidth: 0 }).trimEnd();
}

function indented(line: string, column: number): string {
  return line === '' ? '' : ' '.repeat(column) + line;
}

function start(node: unknown): number | undefined {
  return isNode(node) ? node.range?.[0] : undefined;
}
