/** A change of text: `[at, end)` replaced by `text`. */
export interface Splice {
  at: number;
  end?: number;
  text: string;
}

/** Makes the splices, each at an offset of the original text. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  let result = text;
  // From the end, so every offset still holds; of splices at one offset the last given goes in first, so they keep their order.
  const ordered = splices.map((splice, index) => ({ splice, index })).sort((a, b) => b.splice.at - a.splice.at || b.index - a.index);
  for (const { splice } of ordered) {
    result = result.slice(0, splice.at) + splice.text + result.slice(splice.end ?? splice.at);
  }
  return result;
}

/** Lines added at `at`, after a line break if the text ends without one there. */
export function insertLines(text: string, at: number, lines: string): Splice {
  const open = at === text.length && at > 0 && !text.endsWith('\n');
  return { at, text: open ? lineBreakOf(text) + lines : lines };
}

/** The file's own line break, so a CRLF file stays CRLF. */
export function lineBreakOf(text: string): string {
  const end = text.indexOf('\n');
  return end > 0 && text[end - 1] === '\r' ? '\r\n' : '\n';
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** `offset` if a line starts there, else the start of the next line (or the end of the text). */
export function nextLine(text: string, offset: number): number {
  if (offset === 0 || text[offset - 1] === '\n') return offset;
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end + 1;
}

/** True when only spaces stand before `offset` on its line. */
export function startsLine(text: string, offset: number): boolean {
  return text.slice(lineStart(text, offset), offset).trim() === '';
}

/**
 * From a line start, past the blank lines and the comments indented deeper than `column` that
 * follow: comments that belong to what ends there (a note, an item commented out).
 */
export function afterNestedComments(text: string, from: number, column: number): number {
  let end = from;
  for (let at = from; at < text.length; ) {
    const next = nextLine(text, at + 1);
    const line = text.slice(at, next).trimEnd();
    const body = line.trimStart();
    if (body.startsWith('#') && line.length - body.length > column) end = next;
    else if (body !== '') break;
    at = next;
  }
  return end;
}

/** From a line start, back over the comment lines at `column` just above it: that key's heading. */
export function beforeHeading(text: string, from: number, column: number): number {
  let at = from;
  while (at > 0) {
    const previous = lineStart(text, at - 1);
    const line = text.slice(previous, at).trimEnd();
    const body = line.trimStart();
    if (!body.startsWith('#') || line.length - body.length !== column) break;
    at = previous;
  }
  return at;
}
