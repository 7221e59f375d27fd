import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import { BAG_FILES } from '../bag/layout.js';
import { UsageError } from '../errors.js';
import type { Finding } from '../findings.js';
import { readChunks } from '../fs/read-chunks.js';
import { isInside } from '../fs/inside.js';
import { asUsageError } from '../fs/system-errors.js';
import { parseManifest } from '../manifest/format.js';
import { verifyPack } from '../verify/verify-pack.js';
import { readCentralDirectory, type ZipEntry } from '../zip/central-directory.js';
import { METHOD_STORED } from '../zip/format.js';
import { locateEntry } from '../zip/local-headers.js';

/**
 * Reading a draft pack to sign it away from the folder. This one module knows how: verify's
 * verdict for the pack's integrity, the zip reader for its entries.
 */

/** A draft whose content is not intact: the pack's findings say what is wrong. */
export class DamagedDraftError extends Error {
  override name = 'DamagedDraftError';
  constructor(
    message: string,
    readonly findings: Finding[],
  ) {
    super(message);
  }
}

export interface DraftPack {
  path: string;
  /** manifest-sha256.txt, byte for byte: what a sign-off of the draft covers. */
  manifestText: string;
  /** bag-info.txt's labels and values. */
  info: Record<string, string>;
  /** A private folder holding the draft's payload (svmc.yaml and its evidence), to be checked as the application it is. */
  folder: string;
  /** Removes the private folder. */
  close(): Promise<void>;
}

/**
 * Verifies a draft pack's integrity, then lays its payload out in a private temporary folder.
 * Throws UsageError when it is not a readable draft, DamagedDraftError when its content is not intact.
 */
export async function openDraftPack(path: string): Promise<DraftPack> {
  const verdict = await verifyPack(path);
  // A draft is "not valid" for being a draft; any other error means it is damaged (warnings and notes do not).
  const damage = verdict.findings.filter((f) => f.severity === 'error' && f.code !== 'PACK_DRAFT');
  if (damage.length > 0) throw new DamagedDraftError(`${path} is damaged or was altered: ask for a new draft`, damage);
  if (!verdict.bag.draft) {
    throw new UsageError(`${path} is a signed pack, not a draft: it has both sign-offs already. Sign a draft made with "svmc pack --draft"`);
  }
  const bag = verdict.bag.name;
  if (bag === undefined) throw new DamagedDraftError(`${path} holds no bag folder`, []);
  const folder = await mkdtemp(join(tmpdir(), 'svmc-draft-'));
  const close = (): Promise<void> => rm(folder, { recursive: true, force: true });
  try {
    const manifest = verdict.contents.get(BAG_FILES.manifest);
    if (!manifest) throw new DamagedDraftError(`${path} has no ${BAG_FILES.manifest}`, []);
    const manifestText = manifest.toString('utf8');
    await extractPayload(path, bag, folder, manifestText);
    return { path, manifestText, info: verdict.bag.info, folder, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Writes every payload file under `folder`, each checked against the manifest (as verified) as it streams. */
async function extractPayload(path: string, bag: string, folder: string, manifestText: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw asUsageError(error, `cannot read ${path}`);
  }
  try {
    const { entries } = await readCentralDirectory(handle, (await handle.stat()).size);
    const inBag = new Map(entries.filter((e) => !e.name.endsWith('/')).map((e) => [e.name.slice(bag.length + 1), e]));
    const expected = parseManifest(manifestText);
    for (const [name, entry] of inBag) {
      if (!name.startsWith('data/')) continue;
      const relative = name.slice('data/'.length);
      const target = resolve(folder, ...relative.split('/'));
      const sha256 = expected.get(relative);
      if (!isInside(folder, target) || sha256 === undefined) throw new DamagedDraftError(`${path}: ${name} is not a file of its manifest`, []);
      await mkdir(dirname(target), { recursive: true });
      if ((await extractEntry(handle, entry, target)) !== sha256) {
        throw new DamagedDraftError(`${path}: ${name} changed while it was read`, []);
      }
    }
  } finally {
    await handle.close();
  }
}

async function start(handle: FileHandle, entry: ZipEntry): Promise<number> {
  const located = await locateEntry(handle, entry);
  if ('problem' in located) throw new DamagedDraftError(`${entry.name}: ${located.problem}`, []);
  return located.dataStart;
}

/** Streams an entry into a new file (never over an existing one), inflating it; returns its SHA-256. */
async function extractEntry(handle: FileHandle, entry: ZipEntry, target: string): Promise<string> {
  const hash = createHash('sha256');
  let size = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > entry.size) return done(new DamagedDraftError(`${entry.name} inflates past its declared size`, []));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const from = await start(handle, entry);
  const raw = Readable.from(readChunks(handle, from, from + entry.compressedSize));
  const stages = entry.method === METHOD_STORED ? [raw, count] : [raw, createInflateRaw(), count];
  try {
    await pipeline([...stages, createWriteStream(target, { flags: 'wx', mode: 0o600 })]);
  } catch (error) {
    if (error instanceof DamagedDraftError) throw error;
    throw asUsageError(error, `cannot lay out ${entry.name} to check it`);
  }
  if (size !== entry.size) throw new DamagedDraftError(`${entry.name} holds ${size} bytes, not the ${entry.size} declared`, []);
  return hash.digest('hex');
}
