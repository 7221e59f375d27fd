import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { svmc, tempDir } from './helpers/cli.js';
import { toolAvailable } from './helpers/tools.js';
import { bagName, EPOCH, python, signedPack } from './pack-fixtures.js';

/** RFC 8493's rules for a complete and valid bag, checked with nothing but Python's standard library. */
const BAGIT_VALIDATOR = `
import hashlib, os, re, sys
bag = sys.argv[1]
def sha(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for block in iter(lambda: f.read(1 << 20), b''):
            h.update(block)
    return h.hexdigest()
def manifest(name):
    entries = {}
    for line in open(os.path.join(bag, name), 'rb').read().decode('utf-8').split('\\n'):
        if line == '':
            continue
        m = re.match(r'^([0-9a-f]{64})[ \\t]+(.+)$', line)
        assert m, 'malformed line in %s: %r' % (name, line)
        path = m.group(2).replace('%0D', '\\r').replace('%0A', '\\n').replace('%25', '%')
        assert path not in entries, 'listed twice: ' + path
        entries[path] = m.group(1)
    return entries
assert open(os.path.join(bag, 'bagit.txt'), 'rb').read() == b'BagIt-Version: 1.0\\nTag-File-Character-Encoding: UTF-8\\n'
files = []
for root, _, names in os.walk(bag):
    files += [os.path.relpath(os.path.join(root, n), bag).replace(os.sep, '/') for n in names]
payload = sorted(f for f in files if f.startswith('data/'))
listed = manifest('manifest-sha256.txt')
assert sorted(listed) == payload, 'payload and manifest differ'
for path, digest in listed.items():
    assert sha(os.path.join(bag, path)) == digest, 'hash mismatch: ' + path
info = {}
for line in open(os.path.join(bag, 'bag-info.txt'), encoding='utf-8').read().splitlines():
    label, value = line.split(':', 1)
    info[label.strip()] = value.strip()
octets = sum(os.path.getsize(os.path.join(bag, p)) for p in payload)
assert info['Payload-Oxum'] == '%d.%d' % (octets, len(payload)), 'Payload-Oxum'
tags = manifest('tagmanifest-sha256.txt')
for path, digest in tags.items():
    assert not path.startswith('data/') and sha(os.path.join(bag, path)) == digest, 'tag mismatch: ' + path
assert sorted(tags) == sorted(f for f in files if not f.startswith('data/') and f != 'tagmanifest-sha256.txt')
print('valid bag: %d payload files, %d octets' % (len(payload), octets))
`;

describe('a signed pack, checked by tools no one here wrote', () => {
  let pack: ReturnType<typeof signedPack>;
  let bag: string;
  let extracted: string;

  beforeAll(() => {
    pack = signedPack();
    extracted = tempDir('svmc-unzipped-');
    bag = join(extracted, bagName(pack.zip));
    const unzipped = python('import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', pack.zip, extracted);
    expect(unzipped.code).toBe(0);
  });

  it('holds one bag folder with the layout of the spec and nothing private', () => {
    expect(readdirSync(extracted)).toHaveLength(1);
    expect(bagName(pack.zip)).toMatch(/^svmc-riverside-community-trust-level-1-20260101$/);
    const names = python('import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', pack.zip)
      .stdout.trim()
      .split('\n')
      .map((name) => name.slice(name.indexOf('/') + 1));
    expect(names).toEqual([...names].sort());
    for (const name of ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'tagmanifest-sha256.txt', 'summary.pdf', 'data/svmc.yaml']) {
      expect(names).toContain(name);
    }
    for (const role of ['lead', 'senior']) expect(names).toEqual(expect.arrayContaining([`signatures/${role}.minisig`, `signatures/${role}.pub`]));
    expect(names.filter((n) => /\.key$|\.svmc\/|\.manifest$|^data\/signoffs\//.test(n))).toEqual([]);
    const info = readFileSync(join(bag, 'bag-info.txt'), 'utf8');
    for (const label of ['Source-Organization', 'Contact-Name', 'Contact-Email', 'Bagging-Date: 2026-01-01', 'External-Identifier', 'Payload-Oxum', 'SVMC-Level: 1', 'SVMC-Catalogue', 'SVMC-Fee']) {
      expect(info).toContain(label);
    }
    expect(readFileSync(join(bag, 'manifest-sha256.txt'))).toEqual(readFileSync(join(pack.dir, 'signoffs/lead.manifest')));
  });

  it.runIf(toolAvailable('unzip'))('passes unzip -t', () => {
    const tested = spawnSync('unzip', ['-t', pack.zip], { encoding: 'utf8' });
    expect(tested.status).toBe(0);
    expect(tested.stdout).toContain('No errors detected');
  });

  it.runIf(toolAvailable('bsdtar'))('is extracted by bsdtar (libarchive) into the same valid bag', () => {
    const elsewhere = tempDir('svmc-bsdtar-');
    const extractedByTar = spawnSync('bsdtar', ['-xf', pack.zip, '-C', elsewhere], { encoding: 'utf8' });
    expect(extractedByTar.status, extractedByTar.stderr).toBe(0);
    expect(readdirSync(elsewhere)).toEqual([bagName(pack.zip)]);
    expect(python(BAGIT_VALIDATOR, join(elsewhere, bagName(pack.zip))).stdout).toMatch(/^valid bag: 12 payload files/);
  });

  it('is a complete and valid BagIt bag by RFC 8493', () => {
    const checked = python(BAGIT_VALIDATOR, bag);
    expect(checked.stderr).toBe('');
    expect(checked.stdout).toMatch(/^valid bag: 12 payload files/);
  });

  it.runIf(toolAvailable('minisign'))('has both signatures accepted by stock minisign over manifest-sha256.txt', () => {
    for (const role of ['lead', 'senior']) {
      const args = ['-Vm', join(bag, 'manifest-sha256.txt'), '-x', join(bag, `signatures/${role}.minisig`), '-p', join(bag, `signatures/${role}.pub`)];
      const verified = spawnSync('minisign', args, { encoding: 'utf8' });
      expect(verified.status, verified.stderr).toBe(0);
      expect(verified.stdout).toContain(`role:${role}`);
    }
  });

  it.runIf(toolAvailable('qpdf'))('has a summary that qpdf accepts', () => {
    expect(spawnSync('qpdf', ['--check', join(bag, 'summary.pdf')]).status).toBe(0);
  });

  it('is byte for byte the same when packed again with the same SOURCE_DATE_EPOCH', () => {
    const again = join(tempDir('svmc-again-'), 'again.zip');
    expect(svmc(['pack', pack.dir, '--out', again], { env: { SOURCE_DATE_EPOCH: EPOCH } }).code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(pack.zip))).toBe(true);
    const byDate = join(tempDir('svmc-bydate-'), 'by-date.zip');
    expect(svmc(['pack', pack.dir, '--out', byDate, '--date', '2026-01-01'], { env: { TZ: 'Pacific/Auckland' } }).code).toBe(0);
    expect(readFileSync(byDate).equals(readFileSync(pack.zip))).toBe(true);
  });

  it('verifies as valid, with pinned keys too, and rejects a pinned key that signed neither', () => {
    const plain = svmc(['verify', pack.zip, '--format', 'json']);
    expect(plain.code, plain.stdout).toBe(0);
    const report = JSON.parse(plain.stdout).packs[0];
    expect(report).toMatchObject({ valid: true, findings: [], bag: { payloadFiles: 12, draft: false } });
    expect(report.signatures.map((s: { role: string; valid: boolean }) => [s.role, s.valid])).toEqual([['lead', true], ['senior', true]]);
    const pinned = svmc(['verify', pack.zip, '--trust', join(pack.keys, 'lead.pub'), '--trust', join(pack.keys, 'senior.pub')]);
    expect(pinned.code, pinned.stdout).toBe(0);
    expect(pinned.stdout).toMatch(/: valid: /);
    expect(pinned.stdout).toMatch(/pinned with .*lead\.pub, signed \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/);
    const stranger = join(tempDir('svmc-stranger-'), 'k');
    mkdirSync(stranger);
    expect(svmc(['keygen', '--no-passphrase', '--as', 'lead', '--out', join(stranger, 'other.key')]).code).toBe(0);
    const wrong = svmc(['verify', pack.zip, '--trust', join(stranger, 'other.pub'), '--format', 'json']);
    expect(wrong.code).toBe(1);
    const files = JSON.parse(wrong.stdout).packs[0].findings.map((p: { file: string }) => p.file);
    expect(files).toEqual(expect.arrayContaining(['signatures/lead.minisig', 'signatures/senior.minisig', join(stranger, 'other.pub')]));
  });
});
