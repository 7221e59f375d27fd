import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, copyOf, svmc, tempDir } from './helpers/cli.js';
import { toolAvailable } from './helpers/tools.js';

const INIT = ['--yes', '--org', 'Acme', '--level', '1', '--size', 'small'];

function initialised(): string {
  const cwd = tempDir();
  expect(svmc(['init', 'app', ...INIT], { cwd }).code).toBe(0);
  return join(cwd, 'app');
}

describe('init never destroys', () => {
  it('refuses an existing application even with --force, and changes nothing', () => {
    const dir = copyOf('examples/level-2');
    mkdirSync(join(dir, 'drafts'), { recursive: true });
    writeFileSync(join(dir, 'drafts/action-plan.md'), 'my own plan');
    const before = readFileSync(join(dir, 'svmc.yaml'), 'utf8');
    const run = svmc(['init', dir, ...INIT, '--force']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/already holds an application/);
    expect(run.stderr).not.toMatch(/pass --force/);
    expect(readFileSync(join(dir, 'svmc.yaml'), 'utf8')).toBe(before);
    expect(readFileSync(join(dir, 'drafts/action-plan.md'), 'utf8')).toBe('my own plan');
  });

  it('with --force beside other files, adds what is missing and keeps every existing file', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'drafts'));
    writeFileSync(join(dir, 'drafts/action-plan.md'), 'edited');
    writeFileSync(join(dir, '.gitignore'), 'mine\n');
    const run = svmc(['init', dir, ...INIT, '--force']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/kept 2 existing files.*\.gitignore.*drafts\/action-plan\.md/);
    expect(readFileSync(join(dir, 'drafts/action-plan.md'), 'utf8')).toBe('edited');
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('mine\n');
    expect(existsSync(join(dir, 'svmc.yaml'))).toBe(true);
  });
});

describe('outputs are written through, never replaced behind the user', () => {
  it('pack refuses --out onto svmc.yaml, an evidence file, a sign-off or anywhere in the folder', () => {
    const dir = copyOf('examples/level-1');
    const yaml = readFileSync(join(dir, 'svmc.yaml'));
    const evidence = readFileSync(join(dir, 'evidence/terms-signed.pdf'));
    mkdirSync(join(dir, 'signoffs'), { recursive: true });
    writeFileSync(join(dir, 'signoffs/lead.minisig'), 'a sign-off');
    for (const out of ['svmc.yaml', 'evidence/terms-signed.pdf', 'signoffs/lead.minisig', 'level-1.zip']) {
      const run = svmc(['pack', dir, '--draft', '--out', join(dir, out)]);
      expect(run.code, out).toBe(2);
      expect(run.stderr).toMatch(/inside the application folder/);
    }
    expect(readFileSync(join(dir, 'svmc.yaml'))).toEqual(yaml);
    expect(readFileSync(join(dir, 'evidence/terms-signed.pdf'))).toEqual(evidence);
    expect(readFileSync(join(dir, 'signoffs/lead.minisig'), 'utf8')).toBe('a sign-off');
    expect(existsSync(join(dir, 'level-1.zip'))).toBe(false);
  });

  it('check refuses --output onto a file of the application, and writes a report beside them', () => {
    const dir = initialised();
    const before = readFileSync(join(dir, 'svmc.yaml'), 'utf8');
    for (const output of ['svmc.yaml', 'evidence/plan/report.json', 'drafts/action-plan.md']) {
      const run = svmc(['check', '--output', output], { cwd: dir });
      expect(run.code, output).toBe(2);
      expect(run.stderr).toMatch(/cannot write the report/);
    }
    expect(readFileSync(join(dir, 'svmc.yaml'), 'utf8')).toBe(before);
    expect(svmc(['check', '--format', 'json', '--output', 'report.json'], { cwd: dir }).code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).schemaVersion).toBe(1);
  });

  it('follows a symbolic link to its target and keeps the link, unless it leads into the application', () => {
    const dir = initialised();
    const outside = tempDir();
    symlinkSync(join(outside, 'real.json'), join(outside, 'link.json'));
    expect(svmc(['check', dir, '--format', 'json', '--output', join(outside, 'link.json')]).code).toBe(1);
    expect(lstatSync(join(outside, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(outside, 'link.json'))).toBe(join(outside, 'real.json'));
    expect(JSON.parse(readFileSync(join(outside, 'real.json'), 'utf8')).schemaVersion).toBe(1);

    const before = readFileSync(join(dir, 'svmc.yaml'), 'utf8');
    symlinkSync(join(dir, 'svmc.yaml'), join(outside, 'sneaky.json'));
    const run = svmc(['check', dir, '--output', join(outside, 'sneaky.json')]);
    expect(run.code).toBe(2);
    expect(readFileSync(join(dir, 'svmc.yaml'), 'utf8')).toBe(before);
  });

  it('refuses a report onto the folder’s own dotfiles and its own catalogue, through a link or not', () => {
    const dir = initialised();
    writeFileSync(join(dir, '.gitignore'), 'mine\n');
    const outside = tempDir();
    symlinkSync(join(dir, '.gitignore'), join(outside, 'report.txt'));
    const run = svmc(['check', dir, '--output', join(outside, 'report.txt')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write the report/);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('mine\n');

    const custom = copyOf('test/fixtures/check-custom-catalogue');
    const catalogue = readFileSync(join(custom, 'house/catalogue.json'), 'utf8');
    symlinkSync(join(custom, 'house/catalogue.json'), join(outside, 'catalogue-report.txt'));
    const own = svmc(['check', custom, '--output', join(outside, 'catalogue-report.txt')]);
    expect(own.code, own.stderr).toBe(2);
    expect(readFileSync(join(custom, 'house/catalogue.json'), 'utf8')).toBe(catalogue);
  });

  it('a replaced pack keeps the mode its file had', () => {
    const dir = copyOf('examples/level-1');
    const out = join(tempDir(), 'pack.zip');
    writeFileSync(out, 'old');
    chmodSync(out, 0o600);
    expect(svmc(['pack', dir, '--draft', '--out', out]).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('writes "-" to standard output, and a pack too', () => {
    const dir = initialised();
    const cwd = tempDir();
    const run = svmc(['check', dir, '--format', 'json', '--output', '-'], { cwd });
    expect(JSON.parse(run.stdout).schemaVersion).toBe(1);
    expect(existsSync(join(cwd, '-'))).toBe(false);
    const pack = svmc(['pack', dir, '--draft', '--out', '-'], { encoding: 'buffer' } as never);
    expect(Buffer.from(pack.stdout as unknown as Buffer).subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
    expect(pack.stderr.toString()).toMatch(/Packed DRAFT \(unsigned, not for submission\) standard output/);
  });

  it('writes into a device, and says the disk is full when it is, leaving the device as it was', () => {
    const dir = initialised();
    expect(svmc(['check', dir, '--output', '/dev/null']).code).toBe(1);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    const full = svmc(['check', dir, '--output', '/dev/full']);
    expect(full.code).toBe(2);
    expect(full.stderr).toMatch(/^svmc: cannot write \/dev\/full: the disk is full/);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it.runIf(toolAvailable('mkfifo'))('writes into a FIFO for the program reading it', async () => {
    const dir = initialised();
    const fifo = join(tempDir(), 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let received = '';
    reader.stdout.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const done = new Promise((resolve) => reader.on('exit', resolve));
    const child = spawn(process.execPath, [BIN, 'check', dir, '--format', 'json', '--output', fifo], { env: { ...process.env, CI: '' } });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    await done;
    expect(code).toBe(1);
    expect(JSON.parse(received).schemaVersion).toBe(1);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('names a missing folder in plain words, without a system code', () => {
    const dir = initialised();
    const run = svmc(['check', dir, '--output', join(tempDir(), 'no/such/report.txt')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/the folder .*no\/such does not exist/);
    expect(run.stderr).not.toMatch(/ENOENT/);
  });
});
