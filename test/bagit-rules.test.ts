import { describe, expect, it } from 'vitest';
import type { FindingCode } from '../src/core/findings.js';
import { verifyPack } from '../src/core/verify/verify-pack.js';
import { hex, manifestOf, plainBag, writeBag, zipFolder, type BagFiles } from './helpers/bags.js';

const payload = { 'data/a.txt': 'alpha\n', 'data/sub/b.txt': 'beta\n' };
const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');
const utf16 = (text: string): Buffer => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
const declaration = (version: string, encoding = 'UTF-8'): string => `BagIt-Version: ${version}\nTag-File-Character-Encoding: ${encoding}\n`;

/** [rule, a bag that keeps it, a bag that breaks it, the code the broken one is reported with]. */
const RULES: [string, BagFiles, BagFiles, FindingCode][] = [
  ['bagit.txt has no byte-order mark', plainBag(payload), plainBag(payload, { 'bagit.txt': `\uFEFF${declaration('1.0')}` }), 'BAG_INVALID'],
  ['bagit.txt lines are "Name: value" with no space before the colon, any line ending', plainBag(payload, { 'bagit.txt': declaration('1.0').replace(/\n/g, '\r\n') }), plainBag(payload, { 'bagit.txt': 'BagIt-Version : 1.0\nTag-File-Character-Encoding : UTF-8\n' }), 'BAG_INVALID'],
  ['bagit.txt names a version svmc knows', plainBag(payload, { 'bagit.txt': declaration('0.97') }), plainBag(payload, { 'bagit.txt': declaration('7.3') }), 'BAG_INVALID'],
  ['bagit.txt is present', plainBag(payload), Object.fromEntries(Object.entries(plainBag(payload)).filter(([path]) => path !== 'bagit.txt')), 'BAG_INVALID'],
  ...(['sha512', 'sha1', 'md5'] as const).map((algorithm): [string, BagFiles, BagFiles, FindingCode] => [
    `a ${algorithm} payload manifest is checked in full`,
    plainBag(payload, { [`manifest-${algorithm}.txt`]: manifestOf(algorithm, payload) }),
    plainBag(payload, { [`manifest-${algorithm}.txt`]: manifestOf(algorithm, payload).replace(/^[0-9a-f]/gm, (c) => (c === '0' ? '1' : '0')) }),
    'FILE_CHANGED',
  ]),
  ['every payload file is listed in every payload manifest', plainBag(payload, { 'manifest-md5.txt': manifestOf('md5', payload) }), plainBag(payload, { 'manifest-md5.txt': manifestOf('md5', { 'data/a.txt': payload['data/a.txt'] }) }), 'BAG_INVALID'],
  ['a payload file no manifest lists is an error', plainBag(payload), plainBag(payload, { 'data/added.txt': 'added' }), 'FILE_EXTRA'],
  ['a listed payload file is present', plainBag(payload), plainBag({}, { 'manifest-sha256.txt': manifestOf('sha256', payload), 'data/a.txt': 'alpha\n' }), 'FILE_MISSING'],
  ['1.0: no path listed twice, even with the same hash', plainBag(payload), plainBag(payload, { 'manifest-sha256.txt': manifestOf('sha256', payload) + manifestOf('sha256', { 'data/a.txt': payload['data/a.txt'] }) }), 'BAG_INVALID'],
  [
    '0.97: a path twice with the same hash is only a warning, with another hash an error',
    plainBag(payload, { 'bagit.txt': declaration('0.97'), 'manifest-sha256.txt': manifestOf('sha256', payload) + manifestOf('sha256', { 'data/a.txt': payload['data/a.txt'] }) }),
    plainBag(payload, { 'bagit.txt': declaration('0.97'), 'manifest-sha256.txt': `${manifestOf('sha256', payload)}${hex('sha256', 'x')}  data/a.txt\n` }),
    'BAG_INVALID',
  ],
  ['md5sum-style lines (*path, ./path) are accepted', plainBag(payload, { 'manifest-sha256.txt': `${hex('sha256', 'alpha\n')} *data/a.txt\n${hex('sha256', 'beta\n')}  ./data/sub/b.txt\n` }), plainBag(payload, { 'manifest-sha256.txt': `${hex('sha256', 'alpha\n')}data/a.txt\n${hex('sha256', 'beta\n')}  data/sub/b.txt\n` }), 'BAG_INVALID'],
  ['percent-encoded % in a manifest path is decoded', plainBag({ 'data/100%.txt': 'x' }, { 'manifest-sha256.txt': `${hex('sha256', 'x')}  data/100%25.txt\n` }), plainBag({ 'data/100%.txt': 'x' }, { 'manifest-sha256.txt': `${hex('sha256', 'x')}  data/100%2525.txt\n` }), 'FILE_MISSING'],
  ['a manifest path may not climb out of the bag', plainBag(payload), plainBag(payload, { 'manifest-sha256.txt': `${manifestOf('sha256', payload)}${hex('sha256', 'x')}  data/../../outside.txt\n` }), 'BAG_INVALID'],
  ['a manifest path may not be absolute', plainBag(payload), plainBag(payload, { 'manifest-sha256.txt': `${manifestOf('sha256', payload)}${hex('sha256', 'x')}  /etc/passwd\n` }), 'BAG_INVALID'],
  ['a manifest path may not start with ~', plainBag(payload), plainBag(payload, { 'manifest-sha256.txt': `${manifestOf('sha256', payload)}${hex('sha256', 'x')}  ~/outside.txt\n` }), 'BAG_INVALID'],
  ['a tag manifest is checked', plainBag(payload, { 'tagmanifest-sha256.txt': `${hex('sha256', declaration('1.0'))}  bagit.txt\n` }), plainBag(payload, { 'tagmanifest-sha256.txt': `${hex('sha256', 'other')}  bagit.txt\n` }), 'FILE_CHANGED'],
  ['a second tag manifest lists the tag files, never another tag manifest', plainBag(payload, { 'tagmanifest-sha256.txt': `${hex('sha256', declaration('1.0'))}  bagit.txt\n`, 'tagmanifest-md5.txt': `${hex('md5', declaration('1.0'))}  bagit.txt\n` }), plainBag(payload, { 'tagmanifest-md5.txt': `${hex('md5', declaration('1.0'))}  bagit.txt\n${hex('md5', 'x')}  tagmanifest-sha256.txt\n`, 'tagmanifest-sha256.txt': `${hex('sha256', declaration('1.0'))}  bagit.txt\n` }), 'BAG_INVALID'],
  [
    'tag files are read in ISO-8859-1 when bagit.txt says so',
    plainBag({ 'data/café.txt': 'x' }, { 'bagit.txt': declaration('1.0', 'ISO-8859-1'), 'manifest-sha256.txt': latin1(`${hex('sha256', 'x')}  data/café.txt\n`), 'bag-info.txt': latin1('Source-Organization: Café Ltd\n') }),
    plainBag({ 'data/café.txt': 'x' }, { 'manifest-sha256.txt': latin1(`${hex('sha256', 'x')}  data/café.txt\n`) }),
    'BAG_INVALID',
  ],
  [
    'tag files are read in UTF-16 when bagit.txt says so',
    plainBag(payload, { 'bagit.txt': declaration('1.0', 'UTF-16'), 'manifest-sha256.txt': utf16(manifestOf('sha256', payload)) }),
    plainBag(payload, { 'manifest-sha256.txt': utf16(manifestOf('sha256', payload)) }),
    'BAG_INVALID',
  ],
  ['bag-info.txt lines are "Label: value", labels may repeat', plainBag(payload, { 'bag-info.txt': 'Contact-Name: A\nContact-Name: B\nExternal-Description: long\n  and continued\n' }), plainBag(payload, { 'bag-info.txt': 'Contact-Name A\n' }), 'BAG_INVALID'],
  ['Payload-Oxum matches the payload', plainBag(payload, { 'bag-info.txt': 'Payload-Oxum: 11.2\n' }), plainBag(payload, { 'bag-info.txt': 'Payload-Oxum: 12.2\n' }), 'BAG_INVALID'],
  [
    'a file fetch.txt lists must be present, else the bag is incomplete',
    plainBag(payload, { 'fetch.txt': 'https://example.org/a.txt 6 data/a.txt\n' }),
    plainBag({ 'data/sub/b.txt': 'beta\n' }, { 'manifest-sha256.txt': manifestOf('sha256', payload), 'fetch.txt': 'https://example.org/a.txt 6 data/a.txt\n' }),
    'BAG_INCOMPLETE',
  ],
  ['a fetch.txt path may not climb out of the bag', plainBag(payload, { 'fetch.txt': 'https://example.org/a.txt - data/a.txt\n' }), plainBag(payload, { 'fetch.txt': 'https://example.org/a.txt - ../../a.txt\n' }), 'BAG_INVALID'],
];

const verdict = async (path: string) => verifyPack(path, { bagitOnly: true });

describe('BagIt rules of RFC 8493, each kept and broken, as a folder and as a zip', () => {
  describe.each(RULES)('%s', (_, keeps, breaks, code) => {
    it.each(['folder', 'zip'])('keeps it: valid as a %s', async (container) => {
      const folder = writeBag(keeps);
      const result = await verdict(container === 'zip' ? zipFolder(folder) : folder);
      expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(result.valid).toBe(true);
    });
    it.each(['folder', 'zip'])('breaks it: not valid as a %s, with the right code', async (container) => {
      const folder = writeBag(breaks);
      const result = await verdict(container === 'zip' ? zipFolder(folder) : folder);
      expect(result.valid).toBe(false);
      expect(result.findings.map((f) => f.code)).toContain(code);
    });
  });

  it.each(['folder', 'zip'])('warns, without failing, of unlisted litter and names that collide on macOS or Windows (%s)', async (container) => {
    const folder = writeBag(plainBag({ 'data/Report.txt': 'r', 'data/report.txt': 'R', 'data/cafe\u0301.txt': 'c', 'data/caf\u00e9.txt': 'C' }, { 'data/.DS_Store': 'litter' }));
    const result = await verdict(container === 'zip' ? zipFolder(folder) : folder);
    expect(result.valid).toBe(true);
    expect(result.findings.map((f) => [f.code, f.severity])).toEqual(
      expect.arrayContaining([['BAG_LITTER', 'warning'], ['BAG_NAME_CLASH', 'warning']]),
    );
    expect(result.findings.filter((f) => f.code === 'BAG_NAME_CLASH')).toHaveLength(2);
  });

  it('with --strict, a warning makes the bag not valid', async () => {
    const folder = writeBag(plainBag(payload, { 'data/.DS_Store': 'litter' }));
    expect((await verifyPack(folder, { bagitOnly: true })).valid).toBe(true);
    expect((await verifyPack(folder, { bagitOnly: true, strict: true })).valid).toBe(false);
  });
});
