import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFolder } from '../src/core/check/check-application.js';
import { unportableName } from '../src/core/application/paths.js';
import { copyOf, svmc, tempDir } from './helpers/cli.js';
import { toolAvailable } from './helpers/tools.js';
import { mapExtraEvidence, signedApplication } from './pack-fixtures.js';

const codes = async (dir: string, now?: Date): Promise<string[]> =>
  (await checkFolder(dir, { skipSignoffs: true, ...(now ? { now } : {}) })).findings.map((f) => f.code);

describe('names that cannot travel', () => {
  it.each([
    ['line\nbreak.md', /control character/],
    ['tab\there.md', /control character/],
    ['what?.md', /"\?"/],
    ['say "hi".md', /"""/],
    ['a:b.md', /":"/],
    ['CON.md', /reserves/],
    ['sub/lpt1', /reserves/],
    ['notes.', /ending in a dot/],
    ['notes ', /ending in a space/],
    ['folder./file.md', /ending in a dot/],
    ['folder /file.md', /ending in a space/],
    ['con/file.md', /reserves/],
    ['Aux.tar.gz', /reserves/],
    ['com¹.txt', /reserves/],
    ['next\u0085line.md', /control character/],
    ['pipe|d.md', /"\|"/],
  ])('%j is not portable', (name, reason) => {
    expect(unportableName(`evidence/${name}`)).toMatch(reason);
  });

  it.each(['plan.md', 'Zoë café — Łódź.pdf', 'minutes 2026-03.pdf', 'console.md', 'a.b.c', 'comx.md', 'lpt/file.md', 'icon.png', '.hidden'])('%j is portable', (name) => {
    expect(unportableName(`evidence/${name}`)).toBeUndefined();
  });

  it('finds names with a line break, names Windows forbids, and names equal but for case or normalisation', async () => {
    const dir = copyOf('examples/level-1');
    const names = ['evidence/line\nbreak.md', 'evidence/what?.md', 'evidence/Notes.md', 'evidence/notes.md', 'evidence/caf\u00e9.md', 'evidence/cafe\u0301.md'];
    for (const name of names) {
      writeFileSync(join(dir, name), 'evidence');
      mapExtraEvidence(dir, JSON.stringify(name));
    }
    const found = (await checkFolder(dir, { skipSignoffs: true })).findings.filter((f) => f.code === 'EVIDENCE_NAME_UNPORTABLE');
    expect(found).toHaveLength(4);
    expect(found.every((f) => f.location?.file === 'svmc.yaml' && f.location.line !== undefined)).toBe(true);
  });

  it('stops sign and pack, a draft included, before anything travels', () => {
    const { dir, keys } = signedApplication();
    writeFileSync(join(dir, 'evidence/CON.md'), 'evidence');
    mapExtraEvidence(dir, 'evidence/CON.md');
    const sign = svmc(['sign', '--as', 'lead', '--key', join(keys, 'lead.key'), '--dir', dir]);
    expect(sign.code).toBe(1);
    expect(sign.stderr).toMatch(/EVIDENCE_NAME_UNPORTABLE/);
    const draft = svmc(['pack', dir, '--draft', '--out', join(tempDir(), 'draft.zip')]);
    expect(draft.code).toBe(1);
    expect(draft.stderr).toMatch(/EVIDENCE_NAME_UNPORTABLE/);
  });
});

describe('the signed Terms & Conditions must be a readable file', () => {
  it('a folder named as the T&C file is a finding', async () => {
    const dir = copyOf('examples/level-1');
    const text = readFileSync(join(dir, 'svmc.yaml'), 'utf8');
    mkdirSync(join(dir, 'evidence/terms'));
    writeFileSync(join(dir, 'svmc.yaml'), text.replace(/termsAndConditions: \S+/, 'termsAndConditions: evidence/terms'));
    expect(await codes(dir)).toContain('PREREQUISITE_MISSING');
  });

  const asRoot = process.getuid?.() === 0;
  it.runIf(asRoot && toolAvailable('setpriv'))('an unreadable T&C file is a finding, for a user who cannot read it', () => {
    const dir = copyOf('examples/level-1');
    spawnSync('chmod', ['-R', 'a+rwX', join(dir, '..')]);
    const terms = /termsAndConditions: (\S+)/.exec(readFileSync(join(dir, 'svmc.yaml'), 'utf8'))![1]!;
    chmodSync(join(dir, terms), 0o000);
    const run = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, 'bin/svmc.js', 'check', dir, '--format', 'json'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', CI: '' },
    });
    const report = JSON.parse(run.stdout) as { applications: { findings: { code: string; message: string }[] }[] };
    const found = report.applications[0]!.findings.find((f) => f.code === 'PREREQUISITE_MISSING');
    expect(found?.message).toMatch(/cannot be read/);
  });
});

describe('dates after today', () => {
  it('an award or a preparation call dated in the future is a finding, and not once the day has come', async () => {
    const dir = copyOf('examples/level-2');
    const text = readFileSync(join(dir, 'svmc.yaml'), 'utf8');
    writeFileSync(join(dir, 'svmc.yaml'), text.replace(/preparationCall: \S+/, 'preparationCall: 2031-05-01').replace(/awarded: \S+/, 'awarded: 2031-04-01'));
    const before = await codes(dir, new Date('2031-03-01T12:00:00Z'));
    expect(before.filter((c) => c === 'DATE_IN_FUTURE')).toHaveLength(2);
    expect(await codes(dir, new Date('2031-05-01T00:00:00Z'))).not.toContain('DATE_IN_FUTURE');
  });
});

describe('a moved file', () => {
  it('says where a missing file went when its content is now under an unmapped name', () => {
    const { dir } = signedApplication();
    const text = readFileSync(join(dir, 'svmc.yaml'), 'utf8');
    const file = /file: (evidence\/\S+)/.exec(text)![1]!;
    mkdirSync(join(dir, 'evidence/moved'), { recursive: true });
    renameSync(join(dir, file), join(dir, 'evidence/moved/here.md'));
    copyFileSync(join(dir, 'evidence/moved/here.md'), join(dir, 'evidence/moved/copy-of-nothing.md'));
    writeFileSync(join(dir, 'evidence/moved/copy-of-nothing.md'), 'other content');
    const run = svmc(['check', dir, '--format', 'json']);
    const missing = (JSON.parse(run.stdout) as { applications: { findings: { code: string; message: string }[] }[] }).applications[0]!.findings.find(
      (f) => f.code === 'EVIDENCE_FILE_MISSING',
    );
    expect(missing?.message).toMatch(/moved to evidence\/moved\/here\.md\?/);
  });
});
