const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Characters XML 1.0 cannot carry at all, even as references; they are dropped.
const FORBIDDEN = new RegExp(`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|${LONE_SURROGATE.source}`, 'g');

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE_ESCAPES: Record<string, string> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  "'": '&apos;',
  // Parsers normalise raw whitespace in attributes to spaces; references survive.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

export function escapeText(value: string): string {
  return value.replace(FORBIDDEN, '').replace(/[&<>]|\r/g, (c) => TEXT_ESCAPES[c] ?? '&#13;');
}

export function escapeAttribute(value: string): string {
  return value.replace(FORBIDDEN, '').replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

/** An element's start tag with its attributes, undefined ones left out. */
export function startTag(
  name: string,
  attributes: Record<string, string | number | undefined>,
  close = false,
): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`)
    .join('');
  return `<${name}${attrs}${close ? '/>' : '>'}`;
}
