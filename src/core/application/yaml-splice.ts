import { isCollection, isMap, isNode, isPair, isScalar, isSeq, type Document, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { keyText } from './locate.js';
import type { AppendEdit, YamlEdit } from './yaml-edit.js';
import { layoutOf, renderBeneath, renderFlowItem, renderItems, renderPair, renderScalar, type Layout } from './yaml-render.js';
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
 * The text with the edit spliced in at the nodes' offsets, leaving every other line as it was;
 * undefined for a layout it does not handle (flow maps on the way, keys not at a line's start).
 */
export function spliceEdit(text: string, doc: Document, edit: YamlEdit): string | undefined {
  const context = { text, edit, layout: layoutOf(text, doc) };
  const splices = doc.contents === null ? [insertLines(text, text.length, renderPair(edit.path, edit, 0, context.layout))] : walk(context, doc.contents);
  return splices && applySplices(text, splices);
}

function walk(context: Context, root: unknown): Splice[] | undefined {
  const { path } = context.edit;
  let map = root;
  for (let index = 0; index < path.length; index++) {
    if (!isMap(map) || map.flow) return undefined;
    const pair = map.items.find((p) => keyText(p.key) === path[index]);
    if (!pair) return insertPair(context, map, index, map === root);
    if (!isScalar(pair.key) || !pair.key.range || !isNode(pair.value)) return undefined;
    const rest = path.slice(index + 1);
    if (rest.length === 0) return 'set' in context.edit ? setValue(context, pair.key, pair.value) : append(context, pair.key, pair.value);
    if (isEmpty(pair.value)) return fillEmpty(context, pair.key, pair.value, rest);
    map = pair.value;
  }
  return undefined;
}

/** A new key in a block map: before the first key that comes later in the order, or after the last. */
function insertPair(context: Context, map: YAMLMap, index: number, isRoot: boolean): Splice[] | undefined {
  const { text, edit, layout } = context;
  const keys = map.items.map((p) => (isScalar(p.key) ? p.key.range?.[0] : undefined));
  if (keys.some((at) => at === undefined || !startsLine(text, at))) return undefined;
  const column = columnOf(text, keys[0]!);
  const order = edit.order?.[index] ?? [];
  const rank = order.indexOf(edit.path[index]!);
  const later = rank < 0 ? -1 : map.items.findIndex((p) => order.indexOf(keyText(p.key) ?? '') > rank);
  const lines = renderPair(edit.path.slice(index), edit, column, layout);
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
  if (text.slice(start, end).includes('\n')) return undefined;
  const scalar = renderScalar(edit.set, columnOf(text, key.range![0]), layout);
  if (start < end) return [{ at: start, end, text: scalar }];
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

function isEmpty(value: Node): boolean {
  if (isScalar(value)) return value.value === null || value.value === '';
  return isCollection(value) && value.flow === true && value.items.length === 0;
}

