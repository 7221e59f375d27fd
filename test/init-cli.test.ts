import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { shippedValidator } from '../src/core/schema/ajv.js';
import { svmc, tempDir } from './helpers/cli.js';
import { atTerminal } from './helpers/pty.js';
import { toolAvailable } from './helpers/tools.js';

const ORG = "Zoë's Café — Łódź";
const PEOPLE = ['--lead-name', 'Ana Lead', '--lead-email', 'ana@example.org', '--senior-name', 'Ben Senior', '--senior-email', 'ben@example.org'];

/** Every file under `dir` with its bytes and modification time, to prove nothing changed. */
function snapshot(dir: string, prefix = ''): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) Object.assign(result, snapshot(dir, path));
    else result[path] = `${statSync(join(dir, path)).mtimeMs}:${readFileSync(join(dir, path), 'base64')}`;
  }
  return result;
}

function applicationOf(dir: string): Record<string, Record<string, unknown>> {
  const data = parse(readFileSync(join(dir, 'svmc.yaml'), 'utf8'), { uniqueKeys: true }) as Record<string, Record<string, unknown>>;
  const validate = shippedValidator('application.schema.json');
  expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  return data;
}

describe('svmc init with flags', () => {
  it('writes the folder, and refuses to run again over it', () => {
    const cwd = tempDir();
    const args = ['init', 'demo', '--yes', '--org', ORG, '--level', '2', '--size', 'medium', ...PEOPLE];
    const first = svmc(args, { cwd });
    expect(first.code, first.stderr).toBe(0);
    const dir = join(cwd, 'demo');
    const data = applicationOf(dir);
    expect(data.applicant).toMatchObject({ organisation: ORG, scope: 'organisation', membership: { size: 'medium' } });
    expect(data.application).toMatchObject({ level: 2, previousAwards: [] });
    expect(data.representatives).toEqual({ lead: { name: 'Ana Lead', email: 'ana@example.org' }, senior: { name: 'Ben Senior', email: 'ben@example.org' } });
    for (const stage of ['creating-capacity', 'plan', 'do', 'assess', 'revise']) expect(existsSync(join(dir, 'evidence', stage))).toBe(true);
    expect(existsSync(join(dir, 'signoffs'))).toBe(true);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toMatch(/\.svmc\//);
    const drafts = readdirSync(join(dir, 'drafts'));
    expect(drafts.length).toBeGreaterThan(0);
    const draftText = drafts.map((name) => readFileSync(join(dir, 'drafts', name), 'utf8')).join('\n');
    expect(draftText).not.toMatch(/\{\{(organisation|level|year)\}\}/);
    expect(readFileSync(join(dir, 'svmc.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=svmc\.schema\.json\n/);
    expect(JSON.parse(readFileSync(join(dir, 'svmc.schema.json'), 'utf8')).title).toBeDefined();

    const before = snapshot(dir);
    const second = svmc(args, { cwd });
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/already holds an application/);
    expect(second.stderr).toMatch(/new folder/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('names every missing required flag', () => {
    const cwd = tempDir();
    const result = svmc(['init', 'x', '--yes', '--level', '1'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--org/);
    expect(result.stderr).toMatch(/--size/);
    expect(result.stderr).not.toMatch(/--level/);
    expect(existsSync(join(cwd, 'x'))).toBe(false);
    // no TTY is the same as --yes
    expect(svmc(['init', 'x'], { cwd }).code).toBe(2);
  });

  it.each([
    [['--previous-award', '1:June 2025:REF'], /LEVEL:DATE:REF/],
    [['--previous-award', '5:2025-06-01'], /LEVEL:DATE:REF/],
    [['--size', 'huge'], /small, medium, large, very-large/],
    [['--level', '0'], /1, 2, 3/],
    [['--lead-email', 'not-an-email', '--lead-name', 'A'], /email/],
    [['--lead-name', 'A'], /--lead-email/],
    [['--scope', 'programme'], /--programme/],
    [['--templates', 'no-such-folder'], /no-such-folder/],
  ])('exits 2 and writes nothing for %j', (extra, message) => {
    const cwd = tempDir();
    const result = svmc(['init', 'x', '--yes', '--org', 'A', '--level', '2', '--size', 'small', ...extra], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('records previous awards, a programme, house templates and a GitHub workflow', () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'house/sub'), { recursive: true });
    writeFileSync(join(cwd, 'house/sub/letter.md'), 'Dear {{organisation}}, level {{level}}');
    const result = svmc(
      ['init', 'app', '--yes', '--org', 'Acme', '--scope', 'programme', '--programme', 'Youth Futures', '--level', '3', '--size', 'large',
        '--previous-award', '1:2023-01-10:L1-REF', '--previous-award', '2:2025-01-10', '--templates', 'house', '--ci', 'github'],
      { cwd },
    );
    expect(result.code, result.stderr).toBe(0);
    const data = applicationOf(join(cwd, 'app'));
    expect(data.application?.previousAwards).toEqual([
      { level: 1, awarded: '2023-01-10', reference: 'L1-REF' },
      { level: 2, awarded: '2025-01-10' },
    ]);
    expect(data.applicant).toMatchObject({ scope: 'programme', programme: 'Youth Futures' });
    expect(readFileSync(join(cwd, 'app/drafts/sub/letter.md'), 'utf8')).toBe('Dear Acme, level 3');
    expect(readFileSync(join(cwd, 'app/.github/workflows/svmc.yml'), 'utf8')).toMatch(/svmc check .* --format github/);
    expect(result.stdout).toMatch(/no git repository around it/);
  });

  it('writes into a non-empty folder only with --force, and into an empty or .git-only one without', () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'full'));
    writeFileSync(join(cwd, 'full/notes.txt'), 'keep me');
    const args = ['--yes', '--org', 'A', '--level', '1', '--size', 'small'];
    expect(svmc(['init', 'full', ...args], { cwd }).code).toBe(2);
    expect(existsSync(join(cwd, 'full/svmc.yaml'))).toBe(false);
    expect(svmc(['init', 'full', ...args, '--force'], { cwd }).code).toBe(0);
    expect(readFileSync(join(cwd, 'full/notes.txt'), 'utf8')).toBe('keep me');
    applicationOf(join(cwd, 'full'));
    mkdirSync(join(cwd, 'repo/.git'), { recursive: true });
    expect(svmc(['init', 'repo', ...args], { cwd }).code).toBe(0);
    mkdirSync(join(cwd, 'empty'));
    expect(svmc(['init', ...args], { cwd: join(cwd, 'empty') }).code).toBe(0);
    applicationOf(join(cwd, 'empty'));
  });
});

const DOWN = '\u001b[B';

describe.runIf(toolAvailable('python3'))('svmc init in a terminal', () => {
  it('asks for what the flags did not give, re-asks on a bad answer, and writes the answers', () => {
    const cwd = tempDir();
    const terms = join(tempDir(), 'terms.pdf');
    writeFileSync(terms, 'signed');
    const result = atTerminal(cwd, ['init', 'app', '--size', 'medium'], [
      ['Organisation name', `${ORG}\r`],
      ['What does the certificate cover', `${DOWN}\r`],
      ['Programme or project name', 'Youth Futures\r'],
      ['Level applied for', `${DOWN}${DOWN}\r`],
      ['renewal', 'y\r'],
      ['Membership network', 'Social Value UK\r'],
      ['Membership number', '\r'],
      ['Lead: name', 'Ana Lead\r'],
      ['Lead: email', 'bad\r'],
      ['an email address', '\u007f\u007f\u007fana@example.org\r'],
      ['Senior Leader: name', 'Ben Senior\r'],
      ['Senior Leader: email', 'ben@example.org\r'],
      ['Date of your level 3 award', '2025-13-01\r'],
      ['a date written YYYY-MM-DD', '\u007f\u007f\u007f\u007f\u007f\u007f\u007f\u007f\u007f\u007f2025-06-01\r'],
      ['Reference of the level 3 award', 'SVMC-L3-0042\r'],
      ['preparation call', '2026-02-30\r'],
      ['a date written YYYY-MM-DD', '\u007f\u007f\u007f\u007f\u007f\u007f\u007f\u007f\u007f\u007f2026-02-10\r'],
      ['Terms & Conditions', `${terms}.missing\r`],
      ['there is no such file', `${'\u007f'.repeat(8)}\r`],
    ]);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/Created an application/);
    expect(result.output).not.toMatch(/Membership size/);
    const data = applicationOf(join(cwd, 'app'));
    expect(data.applicant).toEqual({
      organisation: ORG,
      scope: 'programme',
      programme: 'Youth Futures',
      membership: { network: 'Social Value UK', size: 'medium' },
    });
    expect(data.application).toEqual({
      level: 3,
      renewal: true,
      preparationCall: '2026-02-10',
      termsAndConditions: 'evidence/terms.pdf',
      previousAwards: [{ level: 3, awarded: '2025-06-01', reference: 'SVMC-L3-0042' }],
    });
    expect(readFileSync(join(cwd, 'app', 'evidence', 'terms.pdf'), 'utf8')).toBe('signed');
    expect(data.representatives).toEqual({ lead: { name: 'Ana Lead', email: 'ana@example.org' }, senior: { name: 'Ben Senior', email: 'ben@example.org' } });
  });

  it('asks nothing with --yes', () => {
    const cwd = tempDir();
    const result = atTerminal(cwd, ['init', 'app', '--yes', '--org', 'A', '--level', '1', '--size', 'small'], []);
    expect(result.code, result.output).toBe(0);
    expect(result.output).not.toMatch(/\?/);
  });

  it('exits 130 on Ctrl-C, quietly, writing nothing', () => {
    const cwd = tempDir();
    const result = atTerminal(cwd, ['init', 'app'], [
      ['Organisation name', 'Acme\r'],
      ['What does the certificate cover', '\u0003'],
    ]);
    expect(result.code).toBe(130);
    expect(result.output).not.toMatch(/Error|at .*\.js/);
    expect(readdirSync(cwd)).toEqual([]);
  });
});
