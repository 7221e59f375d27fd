import { centralHeader, finalLocalHeader, type WrittenEntry } from './headers.js';
import type { ZipEntry } from './central-directory.js';
import { isFolderEntry } from './entry-checks.js';
import type { LocatedEntry } from './local-headers.js';

/**
 * svmc writes every header in one canonical form (see ZipWriter), so any changed byte of a header
 * (a flag, a version, a file mode, a date, a local copy of a CRC or size) shows as a difference
 * from the header rebuilt from the entry. Returns why the headers are not svmc's, or undefined.
 */
function headerProblem(entry: ZipEntry, local: Buffer): string | undefined {
  const dos = { time: entry.time, date: entry.date };
  const written = (zip64: boolean): WrittenEntry => ({
    name: entry.name,
    method: entry.method,
    crc: entry.crc,
    size: entry.size,
    compressedSize: entry.compressedSize,
    offset: entry.offset,
    zip64,
  });
  // ZIP64 local fields come with entries near 4 GiB, or on every entry when forced (tests).
  const forms = [
    { zip64: false, force: false },
    { zip64: true, force: false },
    { zip64: true, force: true },
  ];
  const central = forms.find(({ zip64, force }) => centralHeader(written(zip64), dos, force).equals(entry.central));
  if (!central) return 'its central directory header differs';
  if (!finalLocalHeader(written(central.zip64), dos).equals(local)) return 'its local header differs';
  return undefined;
}

/** Every entry of a pack carries the pack's date: entries whose date differs from the most common one. */
function entriesWithOddDates(entries: ZipEntry[]): ZipEntry[] {
  const counts = new Map<number, number>();
  for (const e of entries) counts.set(e.date * 65536 + e.time, (counts.get(e.date * 65536 + e.time) ?? 0) + 1);
  const common = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return entries.filter((e) => e.date * 65536 + e.time !== common);
}

/**
 * Why the zip is not the one svmc wrote, though its records are sound: folder entries, data
 * descriptors, headers in another form, dates that differ. Undefined for svmc's own zip. This is
 * the evidence behind "re-packed by another tool": not a failure, as the verdict rests on the content.
 */
export function repackEvidence(located: LocatedEntry[]): string | undefined {
  const entries = located.map(({ entry }) => entry);
  const folders = entries.filter(isFolderEntry).length;
  if (folders > 0) return `it holds ${folders} folder entries, which svmc never writes`;
  const described = located.filter((entry) => entry.descriptor).length;
  if (described > 0) return `${described} entries carry data descriptors, which svmc never writes`;
  const changed = located.flatMap(({ entry, local }) => {
    const problem = headerProblem(entry, local);
    return problem ? [`${entry.name}: ${problem}`] : [];
  });
  if (changed.length > 0) return `the headers of ${changed.length} of ${entries.length} entries are not in svmc's form (first: ${changed[0]})`;
  const odd = entriesWithOddDates(entries);
  if (odd.length > 0) return `${odd.length} entries carry another date than the rest (first: ${odd[0]?.name})`;
  return undefined;
}
