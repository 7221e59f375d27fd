/** Parsers for BagIt's tag files (RFC 8493), tolerant in form, strict in content. */

export interface ManifestLine {
  line: number;
  sha256: string;
  path: string;
}

/** `<checksum> <whitespace> <path>` lines; paths percent-decoded (%0D %0A %25). */
export function parseBagManifest(text: string): { lines: ManifestLine[]; malformed: number[] } {
  const lines: ManifestLine[] = [];
  const malformed: number[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line === '' && index === text.split('\n').length - 1) return;
    const match = /^([0-9a-fA-F]{64})[ \t]+(\S.*)$/.exec(line);
    if (!match) {
      malformed.push(index + 1);
      return;
    }
    const path = match[2]!.replace(/%(0D|0A|25)/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    lines.push({ line: index + 1, sha256: match[1]!.toLowerCase(), path });
  });
  return { lines, malformed };
}

/** `Label: value` lines with indented continuation lines (RFC 8493 §2.2.2). */
export function parseBagInfo(text: string): { fields: [string, string][]; malformed: number[] } {
  const fields: [string, string][] = [];
  const malformed: number[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const last = fields.at(-1);
    if (/^[ \t]/.test(line) && last) {
      last[1] = `${last[1]} ${line.trim()}`;
      return;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      malformed.push(index + 1);
      return;
    }
    fields.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  });
  return { fields, malformed };
}
