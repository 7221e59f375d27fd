import { decodeTagText, tagLines } from './tag-text.js';

/** The BagIt versions whose rules svmc knows: the drafts 0.93 to 0.97, and RFC 8493's 1.0. */
const VERSIONS = ['0.93', '0.94', '0.95', '0.96', '0.97', '1.0'];

interface Declaration {
  version: string;
  /** Tag-File-Character-Encoding: the encoding of every other tag file. */
  encoding: string;
}

export interface DeclarationReading {
  /** What the bag declares, read leniently enough to check the rest of the bag by it; absent when unreadable. */
  declaration?: Declaration;
  /** Why bagit.txt breaks RFC 8493 §2.1.1, each in words. */
  problems: string[];
}

const STRICT = [/^BagIt-Version:[ \t](\d+\.\d+)$/, /^Tag-File-Character-Encoding:[ \t](\S+)$/] as const;
const LENIENT = [/^\s*BagIt-Version\s*:\s*(\S+)\s*$/i, /^\s*Tag-File-Character-Encoding\s*:\s*(\S+)\s*$/i] as const;
const LABELS = ['BagIt-Version', 'Tag-File-Character-Encoding'] as const;

/** bagit.txt: UTF-8 without a byte-order mark, exactly two lines `BagIt-Version: M.N` and `Tag-File-Character-Encoding: ENCODING`. */
export function readDeclaration(bytes: Buffer): DeclarationReading {
  const problems: string[] = [];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) problems.push('it starts with a byte-order mark, which bagit.txt must not have');
  const decoded = decodeTagText(bytes, 'UTF-8');
  if ('problem' in decoded) return { problems: [...problems, 'it is not valid UTF-8'] };
  const lines = tagLines(decoded.text);
  if (lines.length !== 2) problems.push(`it has ${lines.length} lines, not exactly the two "BagIt-Version: M.N" and "Tag-File-Character-Encoding: ENCODING"`);
  const values = LABELS.map((label, index) => {
    const line = lines[index] ?? '';
    const strict = STRICT[index]!.exec(line);
    if (strict) return strict[1];
    const lenient = lines.map((text) => LENIENT[index]!.exec(text)).find((match) => match !== null);
    if (lenient) problems.push(`line ${index + 1} should read exactly "${label}: ${lenient[1]}"`);
    else problems.push(`it has no "${label}:" line`);
    return lenient?.[1];
  });
  const [version, encoding] = values;
  if (version === undefined || encoding === undefined) return { problems };
  if (!VERSIONS.includes(version)) problems.push(`BagIt-Version ${version} is not one svmc knows (${VERSIONS.join(', ')})`);
  return { declaration: { version, encoding }, problems };
}

/** True for 1.0 and later, whose rules are stricter than the drafts'. */
export const isVersion1 = (version: string): boolean => Number(version.split('.')[0]) >= 1;

/** 0.97 made tag manifests binding; earlier drafts' are not checked (as bagit-python does not). */
export const checksTagManifests = (version: string): boolean => isVersion1(version) || Number(version.split('.')[1]) >= 97;

/** The metadata file: `package-info.txt` up to 0.95, `bag-info.txt` after. */
export const infoFileOf = (version: string): string => (!isVersion1(version) && Number(version.split('.')[1]) <= 95 ? 'package-info.txt' : 'bag-info.txt');
