import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApplicationData } from '../src/core/application/types.js';
import { realpathSync } from 'node:fs';
import { ApplicationFolder } from '../src/core/application/folder.js';
import { referencedFiles } from '../src/core/application/referenced-files.js';
import { FileFacts } from '../src/core/cache/file-facts.js';
import { digestFile } from '../src/core/fs/file-digest.js';
import { hashFile } from '../src/core/fs/hash-file.js';
import type { ParallelHasher } from '../src/core/fs/parallel-hash.js';
import { buildManifest as buildFrom, type Manifest } from '../src/core/manifest/build-manifest.js';
import { diffManifests, manifestLine, parseManifest, sortManifestPaths } from '../src/core/manifest/format.js';
import { tempDir } from './helpers/cli.js';

function application(files: string[], terms?: string): ApplicationData {
  return {
    svmc: 1,
    applicant: { organisation: 'Org', scope: 'organisation' },
    application: { level: 1, ...(terms ? { termsAndConditions: terms } : {}) },
    evidence: { plan: { 'L1.PL.1': files.map((file) => ({ file })) } },
  };
}

function folder(files: Record<string, string>): string {
  const dir = tempDir('svmc-manifest-');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** The manifest of `dir` for `data`, through the folder's one door, its file facts kept as a command keeps them. */
async function buildManifest(dir: string, data: ApplicationData, options: { createCacheDir?: boolean; hasher?: ParallelHasher } = {}): Promise<Manifest> {
  const folder = new ApplicationFolder(realpathSync(dir));
  const manifest = await buildFrom(folder, referencedFiles(data), { hasher: options.hasher });
  await folder.saveFacts(options.createCacheDir ?? false);
  return manifest;
}

/** Sets a file's times to an hour ago, so the cache may trust it (fresh files are always re-hashed). */
function age(dir: string, path: string): void {
  const past = new Date(Date.now() - 3600_000);
  utimesSync(join(dir, path), past, past);
}

describe('manifest lines', () => {
  it('writes `<sha256>  data/<path>` with LF, and percent-encodes CR, LF and % as BagIt requires', () => {
    const sha = 'a'.repeat(64);
    expect(manifestLine('evidence/x y.pdf', sha)).toBe(`${sha}  data/evidence/x y.pdf\n`);
    expect(manifestLine('e/100%\nb', sha)).toBe(`${sha}  data/e/100%25%0Ab\n`);
    expect([...parseManifest(manifestLine('e/100%\nb', sha)).keys()]).toEqual(['e/100%\nb']);
  });

  it('sorts by UTF-8 bytes, not by locale', () => {
    expect(sortManifestPaths(['b', 'a', 'B', 'é', 'z', 'Z/a', 'Z-a'])).toEqual(['B', 'Z-a', 'Z/a', 'a', 'b', 'z', 'é']);
  });

  it('diffs two manifests into changed, added and removed', () => {
    const line = (path: string, c: string): string => manifestLine(path, c.repeat(64));
    const before = line('a', '1') + line('b', '2') + line('c', '3');
    const after = line('a', '1') + line('b', '9') + line('d', '4');
    expect(diffManifests(before, after)).toEqual({ changed: ['b'], added: ['d'], removed: ['c'] });
  });
});

describe('buildManifest', () => {
  it('covers svmc.yaml and each referenced file once, sorted, with sha256sum hashes', async () => {
    const dir = folder({
      'svmc.yaml': 'svmc: 1\n',
      'evidence/b.pdf': 'bee',
      'evidence/A.pdf': 'ay',
      'evidence/é.md': 'accent',
      'terms.pdf': 'terms',
    });
    const data = application(['evidence/b.pdf', './evidence/A.pdf', 'evidence/b.pdf', 'evidence/é.md'], 'terms.pdf');
    const manifest = await buildManifest(dir, data);
    expect(manifest.entries.map((e) => e.path)).toEqual(['evidence/A.pdf', 'evidence/b.pdf', 'evidence/é.md', 'svmc.yaml', 'terms.pdf']);
    const expected = manifest.entries
      .map((e) => `${execFileSync('sha256sum', [join(dir, e.path)], { encoding: 'utf8' }).slice(0, 64)}  data/${e.path}\n`)
      .join('');
    expect(manifest.text).toBe(expected);
    expect(manifest.entries[0]).toMatchObject({ size: 2 });
  });

  it('hashes large files on the workers and the others itself, falling back to itself when a worker gives no hash', async () => {
    const dir = folder({ 'svmc.yaml': 'svmc: 1\n', 'evidence/small.pdf': 'small', 'evidence/film.mp4': 'f'.repeat(5 << 20) });
    const data = application(['evidence/small.pdf', 'evidence/film.mp4']);
    const sent: string[] = [];
    const hasher = (answer: boolean): ParallelHasher => ({
      idle: true,
      hashFile: (path) => {
        sent.push(path.slice(path.lastIndexOf('/') + 1));
        return Promise.resolve(answer ? digestFile(path) : undefined);
      },
      hashRange: () => undefined,
      close: () => Promise.resolve(),
    });
    const byWorker = await buildManifest(dir, data, { hasher: hasher(true) });
    expect(sent).toEqual(['film.mp4']);
    const byItself = await buildManifest(dir, data, { hasher: hasher(false) });
    expect(sent).toEqual(['film.mp4', 'film.mp4']);
    const film = `${execFileSync('sha256sum', [join(dir, 'evidence/film.mp4')], { encoding: 'utf8' }).slice(0, 64)}  data/evidence/film.mp4\n`;
    expect(byWorker.text).toContain(film);
    expect(byItself.text).toBe(byWorker.text);
  });

  it('takes the hash of each file from its scan for secrets, equal to sha256sum whether read in one read or in chunks', async () => {
    const sizes = { 'one.txt': 40, 'head.bin': 64 * 1024, 'past-head.bin': 64 * 1024 + 1, 'chunks.bin': 3 * 1024 * 1024 + 7 };
    const dir = folder(Object.fromEntries(Object.entries(sizes).map(([path, size]) => [path, 'svmc '.repeat(size).slice(0, size)])));
    const files = new ApplicationFolder(realpathSync(dir));
    for (const path of Object.keys(sizes)) expect(files.inspect(path)).toEqual({ kind: 'ok' });
    // Changed after the scan: its hashes stand, as nothing reads a file twice in one run.
    for (const path of Object.keys(sizes)) writeFileSync(join(dir, path), 'changed');
    for (const [path, size] of Object.entries(sizes)) {
      const expected = execFileSync('sha256sum', { input: 'svmc '.repeat(size).slice(0, size), encoding: 'utf8' }).slice(0, 64);
      expect(await files.sha256(path), path).toBe(expected);
    }
  });

  it('leaves out missing, unsafe and escaping references', async () => {
    const outside = folder({ 'secret.txt': 'outside' });
    const dir = folder({ 'svmc.yaml': 'x', 'evidence/ok.pdf': 'ok', 'evidence/sub/x': 'dir member' });
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'evidence/link-out.pdf'));
    symlinkSync(join(dir, 'evidence/ok.pdf'), join(dir, 'evidence/link-in.pdf'));
    const refs = ['evidence/ok.pdf', 'evidence/missing.pdf', '../x', '/etc/passwd', 'evidence\\ok.pdf',
      'file:///etc/passwd', 'evidence/link-out.pdf', 'evidence/link-in.pdf', 'evidence/sub', 'C:/x'];
    const manifest = await buildManifest(dir, application(refs));
    expect(manifest.entries.map((e) => e.path)).toEqual(['evidence/link-in.pdf', 'evidence/ok.pdf', 'svmc.yaml']);
  });

  it('does not re-hash an unchanged file, and re-hashes a changed one', async () => {
    const dir = folder({ 'svmc.yaml': 'x', 'a.pdf': 'one', 'b.pdf': 'two' });
    mkdirSync(join(dir, '.svmc'));
    for (const path of ['svmc.yaml', 'a.pdf', 'b.pdf']) age(dir, path);
    const data = application(['a.pdf', 'b.pdf']);
    const first = await buildManifest(dir, data);
    // Plant a false hash: if the cache is trusted, it comes back unchanged.
    const cache = await FileFacts.load(dir);
    cache.recordSha256('a.pdf', lstatSync(join(dir, 'a.pdf')), 'f'.repeat(64), Date.now());
    await cache.save(dir);
    const second = await buildManifest(dir, data);
    expect(second.entries.find((e) => e.path === 'a.pdf')?.sha256).toBe('f'.repeat(64));
    writeFileSync(join(dir, 'a.pdf'), 'ONE');
    age(dir, 'a.pdf');
    const third = await buildManifest(dir, data);
    expect(third.text).not.toBe(first.text);
    expect(third.entries.find((e) => e.path === 'a.pdf')?.sha256).toBe(await hashFile(join(dir, 'a.pdf')));
  });

  it('rebuilds a corrupt cache silently and works when the cache cannot be written', async () => {
    const dir = folder({ 'svmc.yaml': 'x', 'a.pdf': 'one', '.svmc/file-facts.bin': 'svmc-cache facts 1 svmc 0\nnot a cache' });
    for (const path of ['svmc.yaml', 'a.pdf']) age(dir, path);
    const fine = await buildManifest(dir, application(['a.pdf']));
    expect(fine.entries).toHaveLength(2);
    const reread = await FileFacts.load(dir);
    expect(reread.sha256('a.pdf', lstatSync(join(dir, 'a.pdf')))).toBe(fine.entries.find((e) => e.path === 'a.pdf')?.sha256);
    const blocked = folder({ 'svmc.yaml': 'x', '.svmc': 'a file where the cache folder should be' });
    expect((await buildManifest(blocked, application([]), { createCacheDir: true })).entries).toHaveLength(1);
  });

  it('adds no .svmc folder unless asked to', async () => {
    const dir = folder({ 'svmc.yaml': 'x' });
    await buildManifest(dir, application([]));
    expect(() => readFileSync(join(dir, '.svmc/file-facts.bin'))).toThrow();
    await buildManifest(dir, application([]), { createCacheDir: true });
    expect(readFileSync(join(dir, '.svmc/.gitignore'), 'utf8')).toBe('*\n');
  });

  it('never keeps what was read from a file changed moments before (coarse clocks)', async () => {
    const dir = folder({ 'svmc.yaml': 'x', 'a.pdf': 'one', '.svmc/.gitignore': '*\n' });
    const stamp = lstatSync(join(dir, 'a.pdf'));
    const cache = await FileFacts.load(dir);
    cache.recordSha256('a.pdf', stamp, 'a'.repeat(64), stamp.mtimeMs + 500);
    cache.recordSecret('a.pdf', stamp, undefined, stamp.mtimeMs + 500);
    expect([cache.sha256('a.pdf', stamp), cache.secret('a.pdf', stamp)]).toEqual([undefined, undefined]);
    cache.recordSha256('a.pdf', stamp, 'a'.repeat(64), stamp.mtimeMs + 2500);
    cache.recordSecret('a.pdf', stamp, 'a PEM private key', stamp.mtimeMs + 2500);
    await cache.save(dir);
    const reread = await FileFacts.load(dir);
    expect([reread.sha256('a.pdf', stamp), reread.secret('a.pdf', stamp)]).toEqual(['a'.repeat(64), 'a PEM private key']);
    expect(reread.sha256('a.pdf', { ...stamp, ctimeMs: stamp.ctimeMs + 1 })).toBeUndefined();
    expect(reread.secret('a.pdf', { ...stamp, size: stamp.size + 1 })).toBeUndefined();
  });

  it('keeps the file facts in one cache file', async () => {
    const dir = folder({ 'svmc.yaml': 'x', 'a.pdf': 'one', '.svmc/.keep': '' });
    for (const path of ['svmc.yaml', 'a.pdf']) age(dir, path);
    await buildManifest(dir, application(['a.pdf']));
    expect(readFileSync(join(dir, '.svmc/file-facts.bin')).length).toBeGreaterThan(0);
  });

  it('lists references without trusting the shape of svmc.yaml', () => {
    const odd = { evidence: { plan: { 'L1.PL.1': [null, 3, { file: 7 }, { file: 'a' }] }, do: 'x' } } as unknown as ApplicationData;
    expect(referencedFiles(odd).sort()).toEqual(['a', 'self-assessment.yaml', 'svmc.yaml']);
    expect(referencedFiles(undefined).sort()).toEqual(['self-assessment.yaml', 'svmc.yaml']);
  });
});
