import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { svmc, tempDir } from './helpers/cli.js';
import { python } from './pack-fixtures.js';
import { toolAvailable } from './helpers/tools.js';

/** Builds a zip with Python's zipfile from [name, content, unix mode?, flag bits?] rows. */
const BUILD = `
import json, sys, zipfile, warnings
warnings.simplefilter('ignore')
target, rows = sys.argv[1], json.loads(sys.argv[2])
with zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED) as z:
    for name, content, mode, flags in rows:
        info = zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.create_system = 3
        info.external_attr = (mode or 0o100644) << 16
        data = content.encode() if isinstance(content, str) else b'\\0' * content
        z.writestr(info, data)
        if flags:
            info.flag_bits |= flags
`;

function hostile(rows: [string, string | number, number?, number?][]): { zip: string; run: string } {
  const root = tempDir('svmc-hostile-');
  const run = join(root, 'run', 'here');
  mkdirSync(run, { recursive: true });
  const zip = join(root, 'hostile.zip');
  const made = python(BUILD, zip, JSON.stringify(rows.map(([n, c, m, f]) => [n, c, m ?? 0, f ?? 0])));
  if (made.code !== 0) throw new Error(made.stderr);
  return { zip, run };
}

const BAG = 'pack';
const base: [string, string][] = [
  [`${BAG}/bagit.txt`, 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n'],
  [`${BAG}/data/evidence/a.txt`, 'evidence'],
];

describe('verify on a hostile zip', () => {
  const cases: [string, [string, string | number, number?, number?][], string][] = [
    ['zip-slip', [...base, [`${BAG}/../../escaped.txt`, 'x']], `${BAG}/../../escaped.txt`],
    ['an absolute name', [...base, ['/tmp/svmc-absolute-escape.txt', 'x']], '/tmp/svmc-absolute-escape.txt'],
    ['a drive letter', [...base, ['C:/evil.txt', 'x']], 'C:/evil.txt'],
    ['a backslash', [...base, [`${BAG}\\..\\evil.txt`, 'x']], `${BAG}\\..\\evil.txt`],
    ['a duplicate name', [...base, [`${BAG}/data/evidence/a.txt`, 'other']], `${BAG}/data/evidence/a.txt`],
    ['a symlink entry', [...base, [`${BAG}/data/link`, '/etc/passwd', 0o120777]], `${BAG}/data/link`],
    ['an encrypted entry', [...base, [`${BAG}/data/secret.txt`, 'x', 0, 1]], `${BAG}/data/secret.txt`],
    // An entry that inflates to the size it declares is read (streamed and hashed, never kept): here it is named as an unlisted file.
    ['200 MB of zeros that no manifest lists', [...base, [`${BAG}/data/zeros.bin`, 200 * 1024 * 1024]], 'data/zeros.bin'],
    ['two top-level folders', [...base, ['other/file.txt', 'x']], '(zip)'],
  ];

  it.each(cases)('rejects %s, naming the entry, and writes nothing anywhere', (_, rows, named) => {
    const { zip, run } = hostile(rows);
    const result = svmc(['verify', zip, '--format', 'json'], { cwd: run });
    expect(result.code, result.stderr).toBe(1);
    const report = (JSON.parse(result.stdout) as { packs: { valid: boolean; findings: { file: string }[] }[] }).packs[0]!;
    expect(report.valid).toBe(false);
    expect(report.findings.map((p) => p.file)).toContain(named);
    expect(readdirSync(run)).toEqual([]);
    expect(readdirSync(join(run, '..', '..')).sort()).toEqual(['hostile.zip', 'run']);
    expect(existsSync('/tmp/svmc-absolute-escape.txt')).toBe(false);
  });

  it('reads a well-formed but incomplete bag and says what is missing', () => {
    const { zip } = hostile(base);
    const report = (JSON.parse(svmc(['verify', zip, '--format', 'json']).stdout) as { packs: { findings: { file: string; code: string }[] }[] }).packs[0]!;
    expect(report.findings.map((p) => [p.file, p.code])).toEqual(
      expect.arrayContaining([['manifest-sha256.txt', 'BAG_INVALID'], ['data/evidence/a.txt', 'FILE_EXTRA'], ['data/svmc.yaml', 'NOT_A_PACK']]),
    );
  });

  it.runIf(toolAvailable('mkfifo'))('refuses a FIFO in words instead of waiting for a writer', () => {
    const fifo = join(tempDir(), 'pack.zip');
    execFileSync('mkfifo', [fifo]);
    const run = svmc(['verify', fifo]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/pack.zip is not a regular file/);
  });
});
