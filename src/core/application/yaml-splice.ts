import { isCollection, isMap, isNode, isPair, isScalar, isSeq, type Document, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { keyText } from './locate.js';
import type { AppendEdit, YamlEdit } from './yaml-edit.js';
import { layoutOf, renderBeneath, renderFlowItem, renderItems, renderKey, renderPair, renderScalar, type Layout } from './yaml-render.js';
import {
  afterNestedComments,
  applySplices,
  beforeHeading,
  columnOf,
  insertLines,
  lineStart,
  nextLine,
  startsLine,
  type Splice,
} from './yaml-text.js';

interface Context {
  text: string;
  edit: YamlEdit;
  layout: Layout;
}

/**
 * The text with the edits spliced in at the nodes' offsets, leaving every other line as it was;
 * undefined for a layout it does not handle (flow maps on the way, keys not at a line's start) or
 * for edits whose changes would overlap.
 */
export function spliceEdits(text: string, doc: Document, edits: readonly YamlEdit[]): string | undefined {
  const layout = layoutOf(text, doc);
  const splices: Splice[] = [];
  for (const edit of edits) {
    const context = { text, edit, layout };
    const made = doc.contents === null ? (edits.length === 1 ? [insertLines(text, text.length, renderPair(keysOf(edit), edit, 0, layout))] : undefined) : walk(context, doc.contents);
    if (!made) return undefined;
    splices.push(...made);
  }
  return overlap(splices) ? undefined : applySplices(text, splices);
}

/** Two splices that replace or remove text where another one works. */
function overlap(splices: readonly Splice[]): boolean {
  const ranges = splices.filter((s) => s.end !== undefined && s.end > s.at).sort((a, b) => a.at - b.at);
  for (let i = 1; i < ranges.length; i++) if (ranges[i]!.at < ranges[i - 1]!.end!) return true;
  return splices.some((s) => ranges.some((r) => r !== s && s.at > r.at && s.at < r.end!));
}

/** The keys a new pair is written with: new keys are always names; an index names an item that exists. */
function keysOf(edit: YamlEdit, from = 0): string[] {
  return edit.path.slice(from).map(String);
}

function walk(context: Context, root: unknown): Splice[] | undefined {
  const { path } = context.edit;
  let node = root;
  for (let index = 0; index < path.length; index++) {
    const key = path[index]!;
    const rest = path.slice(index + 1);
    if (typeof key === 'number') {
      if (!isSeq(node) || node.flow) return undefined;
      const item = node.items[key];
      if (!isNode(item) || !item.range) return undefined;
      if (rest.length === 0) return 'remove' in context.edit ? removeNode(context.text, item, true) : undefined;
      node = item;
      continue;
    }
    if (!isMap(node) || node.flow) return undefined;
    const pair = node.items.find((p) => keyText(p.key) === key);
    if (!pair) return 'remove' in context.edit || 'nest' in context.edit || rest.some((k) => typeof k === 'number') ? undefined : insertPair(context, node, index, node === root);
    if (!isScalar(pair.key) || !pair.key.range || !isNode(pair.value)) return undefined;
    if (rest.length === 0) return finish(context, pair.key, pair.value);
    if (isEmpty(pair.value)) return rest.some((k) => typeof k === 'number') || 'nest' in context.edit || 'remove' in context.edit ? undefined : fillEmpty(context, pair.key, pair.value, keysOf(context.edit, index + 1));
    node = pair.value;
  }
  return undefined;
}

function finish(context: Context, key: Scalar, value: Node): Splice[] | undefined {
  const { edit } = context;
  if ('set' in edit) return setValue(context, key, value);
  if ('nest' in edit) return nest(context, key, value);
  if ('remove' in edit) return removeNode(context.text, key, false, value);
  return append(context, key, value);
}

/**
 * `key:` over a block list gains the map's scalars and `under:` above the list's first dash. The
 * list's own lines move right only when its dashes stand left of where the new keys go.
 */
function nest(context: Context, key: Scalar, value: Node): Splice[] | undefined {
  const { text, edit, layout } = context;
  if (!('nest' in edit) || !isSeq(value) || value.flow || !value.range) return undefined;
  const dash = value.range[0];
  if (!startsLine(text, dash) || lineStart(text, dash) <= key.range![0]) return undefined;
  const keyColumn = columnOf(text, key.range![0]);
  const column = keyColumn + layout.mapIndent;
  const pad = ' '.repeat(column);
  const lines = [
    ...Object.entries(edit.nest.before).map(([name, scalar]) => `${pad}${renderKey(name)}: ${renderScalar(scalar, column, layout)}`),
    `${pad}${renderKey(edit.nest.under)}:`,
  ];
  const from = lineStart(text, dash);
  const splices: Splice[] = [{ at: from, text: lines.join(layout.lineBreak) + layout.lineBreak }];
  const shift = column - columnOf(text, dash);
  if (shift <= 0) return splices;
  const end = nextLine(text, contentEnd(value));
  for (let at = from; at < end; at = nextLine(text, at + 1)) {
    if (text.slice(at, nextLine(text, at + 1)).trim() !== '') splices.push({ at, text: ' '.repeat(shift) });
  }
  return splices;
}

/**
 * The lines of a list item, or of a key with its value, taken out. An item that shares its line
 * with anything before it, or a value on the key's line followed by more on that line, is left
 * to the reprint.
 */
function removeNode(text: string, start: Node, item: boolean, value?: Node): Splice[] | undefined {
  const begin = item ? text.lastIndexOf('-', start.range![0]) : start.range![0];
  if (begin < 0 || !startsLine(text, begin)) return undefined;
  const last = value ?? start;
  const from = lineStart(text, begin);
  const end = afterNestedComments(text, nextLine(text, contentEnd(last)), columnOf(text, begin));
  return [{ at: from, end, text: '' }];
}

/** A new key in a block map: before the first key that comes later in the order, or after the last. */
function insertPair(context: Context, map: YAMLMap, index: number, isRoot: boolean): Splice[] | undefined {
  const { text, edit, layout } = context;
  const keys = map.items.map((p) => (isScalar(p.key) ? p.key.range?.[0] : undefined));
  if (keys.some((at, i) => at === undefined || !(startsLine(text, at) || (i === 0 && afterDash(text, at))))) return undefined;
  const column = columnOf(text, keys[0]!);
  const order = edit.order?.[index] ?? [];
  const rank = order.indexOf(String(edit.path[index]));
  let later = rank < 0 ? -1 : map.items.findIndex((p) => order.indexOf(keyText(p.key) ?? '') > rank);
  // Nothing goes between a list item's dash and its first key: the new key comes last instead.
  if (later === 0 && afterDash(text, keys[0]!)) later = -1;
  const lines = renderPair(keysOf(edit, index), edit, column, layout);
  if (later < 0) return [insertLines(text, afterNestedComments(text, nextLine(text, contentEnd(map)), column), lines)];
  const keyLine = lineStart(text, keys[later]!);
  // The comments above the document's first key head the whole file, not that key.
  return [insertLines(text, isRoot && later === 0 ? keyLine : beforeHeading(text, keyLine, column), lines)];
}

function append(context: Context, key: Scalar, value: Node): Splice[] | undefined {
  const { text, edit, layout } = context;
  const { append: items } = edit as AppendEdit;
  if (isEmpty(value)) return fillEmpty(context, key, value, []);
  if (!isSeq(value)) return undefined;
  if (value.flow) return appendToFlow(text, value, items);
  const dash = value.range![0];
  const first = value.items[0];
  if (!isNode(first) || !first.range || text.slice(dash, first.range[0]).includes('\n')) return undefined;
  const [dashColumn, itemColumn] = [columnOf(text, dash), columnOf(text, first.range[0])];
  const at = afterNestedComments(text, nextLine(text, contentEnd(value)), dashColumn);
  return [insertLines(text, at, renderItems(items, dashColumn, itemColumn, layout))];
}

/** `[ {file: a} ]` gains `, {file: b}` before its bracket. */
function appendToFlow(text: string, list: YAMLSeq, items: AppendEdit['append']): Splice[] | undefined {
  const close = list.range![1] - 1;
  if (text[close] !== ']') return undefined;
  let at = close;
  while (at > 0 && /\s/.test(text[at - 1]!)) at--;
  const separator = text[at - 1] === ',' ? ' ' : ', ';
  return [{ at, text: separator + items.map(renderFlowItem).join(', ') }];
}

/** `key:`, `key: ~` or `key: {}` takes the block that the rest of the path needs. */
function fillEmpty(context: Context, key: Scalar, value: Node, rest: readonly string[]): Splice[] | undefined {
  const { text, edit, layout } = context;
  const [start, end] = value.range!;
  const colon = afterColon(text, start);
  if (colon === undefined) return undefined;
  const lines = renderBeneath(rest, edit, columnOf(text, key.range![0]), layout);
  // An empty value's offsets are those of what follows it, a comment perhaps, which stays.
  const token = start < end ? [{ at: colon, end, text: '' }] : [];
  return [...token, insertLines(text, nextLine(text, end), lines)];
}

function setValue(context: Context, key: Scalar, value: Node): Splice[] | undefined {
  const { text, edit, layout } = context;
  if (!('set' in edit) || !(isScalar(value) || (isCollection(value) && value.flow))) return undefined;
  const [start, end] = value.range!;
  // A block scalar's text runs to the line break after its last line.
  const block = isScalar(value) && (value.type === 'BLOCK_LITERAL' || value.type === 'BLOCK_FOLDED');
  if (!block && text.slice(start, end).includes('\n')) return undefined;
  const scalar = renderScalar(edit.set, columnOf(text, key.range![0]), layout);
  if (start < end) return [{ at: start, end, text: block && text[end - 1] === '\n' ? scalar + layout.lineBreak : scalar }];
  const colon = afterColon(text, start);
  return colon === undefined ? undefined : [{ at: colon, text: ` ${scalar}` }];
}

/** Where the `:` before a value ends, when only spaces stand between them (no tag, no anchor). */
function afterColon(text: string, valueStart: number): number | undefined {
  let at = valueStart;
  while (at > 0 && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  return text[at - 1] === ':' ? at : undefined;
}

/** Where a node's own text ends: a block collection's range runs on over the comments after it. */
function contentEnd(node: Node): number {
  if (isCollection(node) && !node.flow) {
    const last = node.items.at(-1);
    const tail = isPair(last) ? (last.value ?? last.key) : last;
    if (isNode(tail)) return contentEnd(tail);
  }
  return node.range![1];
}

/** The first key of a list item: only a dash and spaces before it on its line. */
function afterDash(text: string, offset: number): boolean {
  return /^\s*-\s+$/.test(text.slice(lineStart(text, offset), offset));
}

function isEmpty(value: Node): boolean {
  if (isScalar(value)) return value.value === null || value.value === '';
  return isCollection(value) && value.flow === true && value.items.length === 0;
}

