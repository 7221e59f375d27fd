import { bagPath, isPayloadPath } from './bag-paths.js';
import { tagLines } from './tag-text.js';

interface FetchItem {
  line: number;
  url: string;
  /** Relative to the bag. */
  path: string;
}

export interface FetchReading {
  items: FetchItem[];
  problems: { line: number; message: string }[];
  /** Lines naming a file outside data/: fetch.txt lists payload files, so these are passed over. */
  outside: { line: number; path: string }[];
}

/** fetch.txt (RFC 8493 §2.2.3): `<url> <length or -> <path>` per line. svmc never downloads anything. */
export function readFetchList(text: string, version: string): FetchReading {
  const reading: FetchReading = { items: [], problems: [], outside: [] };
  for (const [index, raw] of tagLines(text).entries()) {
    const line = index + 1;
    if (raw.trim() === '') continue;
    const problem = (message: string): void => void reading.problems.push({ line, message });
    const match = /^(\S+)[ \t]+(\S+)[ \t]+(.+)$/.exec(raw.trim());
    if (!match) {
      problem('is not "<url> <length> <path>"');
      continue;
    }
    const [, url, length, written] = match as unknown as [string, string, string, string];
    if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\/./.test(url) && !/^file:/i.test(url)) {
      problem(`gives ${url}, which is not a URL`);
      continue;
    }
    if (length !== '-' && !/^\d+$/.test(length)) {
      problem(`gives the length ${length}, which is neither a number of bytes nor "-"`);
      continue;
    }
    const plain = bagPath(written, version);
    if ('problem' in plain) {
      problem(`lists ${written}: ${plain.problem}`);
      continue;
    }
    if (!isPayloadPath(plain.path)) reading.outside.push({ line, path: plain.path });
    else reading.items.push({ line, url, path: plain.path });
  }
  return reading;
}
