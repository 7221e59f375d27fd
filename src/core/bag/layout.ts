import { createHash } from 'node:crypto';

/** RFC 8493 §2.1.1, byte for byte. */
export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

/** The tag files of a submission pack, by the names the bag gives them. */
export const BAG_FILES = {
  declaration: 'bagit.txt',
  info: 'bag-info.txt',
  manifest: 'manifest-sha256.txt',
  tagManifest: 'tagmanifest-sha256.txt',
  summary: 'summary.pdf',
  form: 'criteria-and-evidence-form.docx',
  review: 'index.html',
} as const;

/** `<octets>.<files>` (RFC 8493 §2.2.2) */
export const payloadOxum = (bytes: number, files: number): string => `${bytes}.${files}`;

const sha256Hex = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** tagmanifest-sha256.txt over the given tag files (paths relative to the bag), in byte order. */
export function tagManifest(files: { name: string; bytes: Uint8Array }[]): string {
  return [...files]
    .sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)))
    .map((file) => `${sha256Hex(file.bytes)}  ${file.name}\n`)
    .join('');
}
