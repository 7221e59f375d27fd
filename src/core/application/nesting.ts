/** Far deeper than any application; deep enough nesting would otherwise exhaust the parser's stack slowly. */
const MAX_FLOW_DEPTH = 1000;
const MAX_INDENT = 2000;

/** Where the text first nests absurdly deep (flow brackets, or indentation and dashes), if it does. */
export function excessiveNesting(text: string): { line: number; col: number } | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let leading = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line += 1;
      lineStart = i + 1;
      leading = true;
      continue;
    }
    if (leading && c !== 32 && c !== 9 && c !== 45) leading = false;
    if (leading && i - lineStart > MAX_INDENT) return { line, col: i - lineStart + 1 };
    if (c === 91 || c === 123) {
      depth += 1;
      if (depth > MAX_FLOW_DEPTH) return { line, col: i - lineStart + 1 };
    } else if ((c === 93 || c === 125) && depth > 0) {
      depth -= 1;
    }
  }
  return undefined;
}
