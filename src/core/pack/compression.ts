import { extname } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { METHOD_DEFLATED, METHOD_STORED } from '../zip/format.js';

/** Formats that are compressed already: deflating them again costs time and saves nothing. */
const COMPRESSED = new Set(
  (
    'pdf jpg jpeg png gif webp heic heif avif tif tiff mp4 m4v mov avi mkv webm m4a mp3 aac ogg oga opus flac wma wmv ' +
    'docx xlsx pptx docm xlsm pptm odt ods odp odg epub zip gz tgz bz2 xz zst 7z rar jar apk br lz lzma cab dmg'
  ).split(' '),
);

/** Text formats: deflated without a trial. */
const TEXT = new Set(
  'txt md markdown yaml yml csv tsv json xml html htm svg rtf tex log ini toml minisig pub css js'.split(' '),
);

/** How much of a file the trial compresses to see whether deflating it gains anything. */
export const TRIAL_BYTES = 64 * 1024;

/** A trial that saves less than this share is not worth the time deflating costs. */
const MIN_GAIN = 0.05;

/**
 * Stored for already-compressed formats, deflated for text, and for anything else deflated only
 * when `firstBlock` (the start of the file, at most TRIAL_BYTES) shrinks in a trial.
 */
export function chooseMethod(name: string, firstBlock: Uint8Array): number {
  const extension = extname(name).slice(1).toLowerCase();
  if (firstBlock.length === 0 || COMPRESSED.has(extension)) return METHOD_STORED;
  if (TEXT.has(extension)) return METHOD_DEFLATED;
  const trial = deflateRawSync(firstBlock.subarray(0, TRIAL_BYTES), { level: 6 });
  return trial.length <= firstBlock.length * (1 - MIN_GAIN) ? METHOD_DEFLATED : METHOD_STORED;
}
