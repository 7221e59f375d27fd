/** Tag files as text, in the encoding bagit.txt declares (RFC 8493 §2.1.1), split into lines. */

export type Decoded = { text: string; bom: boolean } | { problem: string };

/**
 * Decodes a tag file. UTF-8 and UTF-16 must be well formed; ISO-8859-1 is every byte as itself
 * (not the web's windows-1252); US-ASCII refuses bytes above 0x7F; other encodings are read by the
 * platform's decoder when it knows them. A leading byte-order mark is dropped and reported.
 */
export function decodeTagText(bytes: Buffer, encoding: string): Decoded {
  const name = encoding.trim().toLowerCase().replace(/_/g, '-');
  if (name === 'iso-8859-1' || name === 'latin1' || name === 'iso8859-1' || name === 'latin-1') return { text: bytes.toString('latin1'), bom: false };
  if (name === 'us-ascii' || name === 'ascii') {
    const high = bytes.findIndex((byte) => byte > 0x7f);
    return high < 0 ? { text: bytes.toString('latin1'), bom: false } : { problem: `byte ${high + 1} is not US-ASCII` };
  }
  if (name === 'utf-16' || name === 'utf16') return decodeUtf16(bytes);
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(name === 'utf8' ? 'utf-8' : name, { fatal: true, ignoreBOM: true });
  } catch {
    return { problem: `svmc cannot read the encoding ${encoding}` };
  }
  try {
    return withoutBom(decoder.decode(bytes));
  } catch {
    return { problem: `it is not valid ${encoding}` };
  }
}

/** UTF-16 without BE or LE in its name: the byte-order mark says which, big-endian without one (RFC 2781). */
function decodeUtf16(bytes: Buffer): Decoded {
  const little = bytes[0] === 0xff && bytes[1] === 0xfe;
  try {
    return withoutBom(new TextDecoder(little ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    return { problem: 'it is not valid UTF-16' };
  }
}

function withoutBom(text: string): Decoded {
  return text.startsWith('\uFEFF') ? { text: text.slice(1), bom: true } : { text, bom: false };
}

/** Lines ended by LF, CR or CRLF (RFC 8493 §2); a last line without an ending counts, an empty one after the last ending does not. */
export function tagLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
