import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { finding, type Finding } from '../findings.js';
import { UsageError } from '../errors.js';
import { FileReadError, readRegularFile } from '../fs/read-file.js';

/** Far above any real application (50,000 mapped files fit in about 5 MiB), far below what hurts. */
const MAX_APPLICATION_BYTES = 16 * 1024 * 1024;

/** `bom`: the file starts with a UTF-8 byte order mark, which the text leaves out and an edit keeps. */
export type TextResult = { text: string; bom?: boolean; finding?: undefined } | { text?: undefined; bom?: undefined; finding: Finding };

/** Reads svmc.yaml's text, or the finding that says why it is not usable text. */
export async function readApplication(dir: string): Promise<{ file: string; read: TextResult }> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) throw new UsageError(`folder ${dir} does not exist`);
  if (!info.isDirectory()) throw new UsageError(`${dir} is not a folder: name the application folder that holds svmc.yaml`);
  const file = resolve(join(dir, 'svmc.yaml'));
  return { file, read: await readApplicationText(file, dir) };
}

/** Reads svmc.yaml as UTF-8 text; content problems become findings, a missing or unreadable file a UsageError. */
async function readApplicationText(path: string, shownDir: string): Promise<TextResult> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path, MAX_APPLICATION_BYTES);
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    if (error.reason === 'missing') {
      throw new UsageError(`${shownDir} has no svmc.yaml: it is not an application folder (create one with "svmc init ${shownDir}")`);
    }
    if (error.reason === 'too-large') {
      return { finding: syntax(`svmc.yaml is more than the ${MAX_APPLICATION_BYTES / 1024 / 1024} MiB an application file may be: it is not an application file, or something wrote garbage into it`, 1, 1) };
    }
    throw new UsageError(error.message);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    const { line, col } = position(loose, loose.indexOf('\uFFFD'));
    return { finding: syntax(`svmc.yaml is not UTF-8 text (first bad byte at line ${line}, column ${col}): save it as UTF-8 in your editor`, line, col) };
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const { line, col } = position(text, nul);
    return { finding: syntax('svmc.yaml holds binary data (a NUL byte): it must be a YAML text file; restore it from version control or run "svmc init" again', line, col) };
  }
  return { text, ...(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? { bom: true } : {}) };
}

function syntax(message: string, line: number, col: number): Finding {
  return finding('YAML_SYNTAX', message, { location: { file: 'svmc.yaml', line, col } });
}

function position(text: string, offset: number): { line: number; col: number } {
  if (offset < 0) return { line: 1, col: 1 };
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}
