import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The tools the README names beside svmc: none is needed to prepare, check, sign or pack. */
const OPTIONAL_TOOLS = [
  { name: 'git', purpose: 'keeps the application folder in a repository; svmc ci github looks for its root' },
  { name: 'minisign', purpose: 'verifies a sign-off by hand, without svmc' },
  { name: 'unzip', purpose: 'unpacks a pack as an assessor would' },
  { name: 'bsdtar', purpose: 'lists and unpacks a pack (Debian: libarchive-tools)' },
  { name: 'qpdf', purpose: "checks the pack's PDF summary" },
  { name: 'pdftotext', purpose: "reads the pack's PDF summary as text (Debian: poppler-utils)" },
  { name: 'pre-commit', purpose: 'runs svmc check as a git hook' },
] as const;

export interface ToolPresence {
  name: string;
  purpose: string;
  /** Where it was found on PATH; undefined when it is not there. */
  path?: string;
}

/** Looks each tool up on PATH, as the shell would, without running it. */
export function findTools(path = process.env.PATH ?? ''): ToolPresence[] {
  const dirs = path.split(delimiter).filter((dir) => dir !== '');
  return OPTIONAL_TOOLS.map(({ name, purpose }) => {
    const found = dirs.map((dir) => join(dir, name)).find(isExecutableFile);
    return found === undefined ? { name, purpose } : { name, purpose, path: found };
  });
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
