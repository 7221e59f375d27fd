import { isVersion1 } from './declaration.js';
import { tagLines } from './tag-text.js';

export interface InfoReading {
  /** Labels and values in file order; a label may repeat. */
  fields: [string, string][];
  problems: { line: number; message: string }[];
}

/**
 * bag-info.txt (package-info.txt before 0.96): `Label: value` lines, long values continued on
 * lines that start with a space or a tab (RFC 8493 §2.2.2). From 1.0 the label must not start or
 * end with whitespace and one space or tab follows the colon; the drafts allow any whitespace
 * around the colon.
 */
export function readBagInfo(text: string, version: string): InfoReading {
  const reading: InfoReading = { fields: [], problems: [] };
  const strict = isVersion1(version);
  for (const [index, line] of tagLines(text).entries()) {
    const problem = (message: string): void => void reading.problems.push({ line: index + 1, message });
    if (line.trim() === '') continue;
    const last = reading.fields.at(-1);
    if (/^[ \t]/.test(line)) {
      if (last) last[1] = `${last[1]} ${line.trim()}`.trim();
      else problem('starts with whitespace, but continues no element');
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      problem('is not "Label: value"');
      continue;
    }
    const label = line.slice(0, colon);
    const rest = line.slice(colon + 1);
    if (strict && label !== label.trim()) {
      problem(`its label "${label}" ends with whitespace before the colon`);
      continue;
    }
    if (strict && rest !== '' && !/^[ \t]/.test(rest)) {
      problem(`has no space after the colon of ${label}`);
      continue;
    }
    reading.fields.push([label.trim(), rest.trim()]);
  }
  return reading;
}

/** The values of `label`, matched without regard to case (labels are case-insensitive). */
export function infoValues(fields: readonly [string, string][], label: string): string[] {
  const wanted = label.toLowerCase();
  return fields.filter(([name]) => name.toLowerCase() === wanted).map(([, value]) => value);
}
