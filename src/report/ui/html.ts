/** Text already written as HTML: interpolated into `html` as it is. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Part = Html | string | number | boolean | undefined | null | readonly Part[];

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function written(part: Part): string {
  if (part === undefined || part === null || part === false) return '';
  if (part instanceof Html) return part.text;
  if (Array.isArray(part)) return part.map(written).join('');
  return escapeHtml(String(part));
}

/** HTML with every interpolated value escaped, except `Html` (nested templates) and lists of them. */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  return new Html(strings.reduce((all, string, index) => all + string + (index < parts.length ? written(parts[index]!) : ''), ''));
}

/** An id made only of letters, digits and dashes, for anchors such as `c-L2.PL.1`. */
export function anchor(...parts: (string | number)[]): string {
  return parts.map((part) => String(part).replace(/[^A-Za-z0-9-]+/g, '-')).join('-');
}
