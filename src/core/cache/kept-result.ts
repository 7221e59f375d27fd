import type { ApplicationResult } from '../check/types.js';
import { u32 } from './file-facts-format.js';
import { readCacheSync, writeCache } from './cache-folder.js';
import { STAMP_FIELDS, stampsNow, type Inputs } from './recorded-inputs.js';

export type KeptResult = Omit<ApplicationResult, 'dir'>;

/** When a kept result holds: from the time of its check until `until` (a verdict's change, such as an award's expiry), or for good when null. */
export interface Validity {
  from: number;
  until: number | null;
}

interface Header extends Validity {
  /** svmc.yaml's identity (see Application.key). */
  key: string;
  /** Whether a file can be read depends on who reads it. */
  uid: number;
  paths: number;
  result: KeptResult;
}

/**
 * The last check's result, kept with the stamp of everything it read (recorded as it read it):
 * while svmc.yaml is the same text in the same file and every recorded path stamps the same, the
 * result is too, and a check of ten thousand files costs one lstat each.
 */
export function keptResult(root: string, key: string, now: Date): KeptResult | undefined {
  const body = readCacheSync(root, 'result');
  const kept = body && decode(body);
  if (!kept || kept.header.key !== key || kept.header.uid !== uid()) return undefined;
  const { from, until } = kept.header;
  if (now.getTime() < from || (until !== null && now.getTime() >= until)) return undefined;
  return bytesOf(stampsNow(root, kept.paths)).equals(body.subarray(kept.stampsAt)) ? kept.header.result : undefined;
}

/** Keeps `result` for the next check, with what it read; best effort. */
export async function keepResult(root: string, key: string, inputs: Inputs, validity: Validity, result: KeptResult): Promise<void> {
  await writeCache(root, 'result', () => {
    const header: Header = { key, uid: uid(), ...validity, paths: inputs.paths.length, result };
    const headerBytes = Buffer.from(JSON.stringify(header));
    const paths = Buffer.from(inputs.paths.map((path) => `${path}\0`).join(''));
    return Buffer.concat([u32(headerBytes.length), headerBytes, u32(paths.length), paths, bytesOf(inputs.stamps)]);
  });
}

function decode(bytes: Buffer): { header: Header; paths: string[]; stampsAt: number } | undefined {
  try {
    let at = 0;
    const headerLength = bytes.readUInt32LE(at);
    const header = JSON.parse(bytes.toString('utf8', at + 4, at + 4 + headerLength)) as Header;
    at += 4 + headerLength;
    const pathsLength = bytes.readUInt32LE(at);
    const paths = pathsLength === 0 ? [] : bytes.toString('utf8', at + 4, at + 4 + pathsLength - 1).split('\0');
    at += 4 + pathsLength;
    if (paths.length !== header.paths || bytes.length !== at + header.paths * STAMP_FIELDS * 8) return undefined;
    return { header, paths, stampsAt: at };
  } catch {
    return undefined;
  }
}

function bytesOf(stamps: Float64Array): Buffer {
  return Buffer.from(stamps.buffer, stamps.byteOffset, stamps.byteLength);
}

function uid(): number {
  return process.getuid?.() ?? -1;
}
