/**
 * Word-wraps `text` to `width` columns, the first line after `first` and the others after `rest`.
 * Lines break only between words; a word longer than a line gets a line of its own.
 */
export function wrapWords(text: string, width: number, first = '', rest = first): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line === '') line = first + word;
    else if (columns(line) + 1 + columns(word) <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = rest + word;
    }
  }
  lines.push(line === '' ? first.trimEnd() : line);
  return lines;
}

/** Columns a string takes in a terminal: colour codes take none. */
function columns(text: string): number {
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
}
