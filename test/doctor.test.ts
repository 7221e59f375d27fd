import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOf, ROOT, svmc, tempDir } from './helpers/cli.js';
import { VERSION } from './helpers/npm.js';

const LINE = '# yaml-language-server: $schema=svmc.schema.json';

function application(): string {
  const cwd = tempDir('svmc-doctor-');
  expect(svmc(['init', 'app', '--yes', '--org', 'Acme', '--level', '1', '--size', 'small'], { cwd }).code).toBe(0);
  return join(cwd, 'app');
}

/** A PATH holding only a stand-in for qpdf, so which tools are found is known. */
function pathWithQpdf(): string {
  const bin = tempDir('svmc-path-');
  writeFileSync(join(bin, 'qpdf'), '#!/bin/sh\n');
  chmodSync(join(bin, 'qpdf'), 0o755);
  writeFileSync(join(bin, 'minisign'), 'not executable\n');
  return bin;
}

const replaceFirstLine = (app: string, line: string) => {
  const text = readFileSync(join(app, 'svmc.yaml'), 'utf8');
  writeFileSync(join(app, 'svmc.yaml'), `${line}\n${text.slice(text.indexOf('\n') + 1)}`);
};

describe('svmc doctor', () => {
  it('names svmc, Node.js, the $schema line of a new application and each optional tool', () => {
    const app = application();
    const bin = pathWithQpdf();
    const result = svmc(['doctor', app], { env: { PATH: bin } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^svmc ${VERSION.replaceAll('.', '\\.')}, installed at /`));
    expect(result.stdout).toContain(`Node.js ${process.versions.node} at ${process.execPath}\n`);
    expect(result.stdout).toContain("names svmc.schema.json, svmc's current schema, beside it");
    expect(result.stdout).toMatch(new RegExp(`^  qpdf +${join(bin, 'qpdf')}: `, 'm'));
    for (const tool of ['git', 'minisign', 'unzip', 'bsdtar', 'pdftotext', 'pre-commit']) expect(result.stdout).toMatch(new RegExp(`^  ${tool} +not found: `, 'm'));
  });

  it('exits 1 for a copy from another svmc, and --fix brings it up to date without touching svmc.yaml', () => {
    const app = application();
    const current = readFileSync(join(app, 'svmc.schema.json'), 'utf8');
    const yaml = readFileSync(join(app, 'svmc.yaml'), 'utf8');
    writeFileSync(join(app, 'svmc.schema.json'), current.replace(/"title": "[^"]*"/, '"title": "older"'));
    const outdated = svmc(['doctor', '--dir', app]);
    expect(outdated.code).toBe(1);
    expect(outdated.stdout).toContain('a copy from another svmc: run "svmc doctor --fix" to bring it up to date');
    // A copy from another version with the same schema is current: only the schema counts.
    writeFileSync(join(app, 'svmc.schema.json'), current.replace(/svmc \d+\.\d+\.\d+'s/, "svmc 0.0.1's"));
    expect(readFileSync(join(app, 'svmc.schema.json'), 'utf8')).toContain("svmc 0.0.1's");
    expect(svmc(['doctor', app]).code).toBe(0);
    writeFileSync(join(app, 'svmc.schema.json'), current.replace(/"title": "[^"]*"/, '"title": "older"'));
    const fixed = svmc(['doctor', app, '--fix']);
    expect(fixed.code, fixed.stdout).toBe(0);
    expect(fixed.stderr).toContain('brought up to date');
    expect(readFileSync(join(app, 'svmc.schema.json'), 'utf8')).toBe(current);
    expect(readFileSync(join(app, 'svmc.yaml'), 'utf8')).toBe(yaml);
  });

  it.each([
    ['a path to nothing', '# yaml-language-server: $schema=../schemas/application.schema.json', /which does not exist/],
    ['the address older versions wrote', '# yaml-language-server: $schema=https://unpkg.com/svmc@0.1.0/schemas/application.schema.json', /where svmc has never been published/],
  ])('exits 1 for %s and says which line to write', (_, line, message) => {
    const app = application();
    replaceFirstLine(app, line);
    const result = svmc(['doctor', app]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(message);
    expect(result.stdout).toContain(`svmc.schema.json is ready beside svmc.yaml: make the first line "${LINE}"`);
  });

  it('writes a missing copy with --fix, and leaves a file of that name it did not write alone', () => {
    const app = application();
    const current = readFileSync(join(app, 'svmc.schema.json'), 'utf8');
    writeFileSync(join(app, 'svmc.schema.json'), '{"title": "mine"}\n');
    const refused = svmc(['doctor', app, '--fix']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/is not a schema copy that svmc wrote, so it was left as it is/);
    expect(readFileSync(join(app, 'svmc.schema.json'), 'utf8')).toBe('{"title": "mine"}\n');

    rmSync(join(app, 'svmc.schema.json'));
    const missing = svmc(['doctor', app]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('names svmc.schema.json, which does not exist: run "svmc doctor --fix" to write it');
    const written = svmc(['doctor', app, '--fix']);
    expect(written.code, written.stdout).toBe(0);
    expect(written.stderr).toContain('wrote');
    expect(readFileSync(join(app, 'svmc.schema.json'), 'utf8')).toBe(current);
  });

  it('accepts the shipped examples, whose line names the installed schema', () => {
    const result = svmc(['doctor', 'examples/level-2'], { cwd: ROOT });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/names \.\.\/\.\.\/schemas\/application\.schema\.json, which exists/);
  });

  it('reports as JSON, and a folder without svmc.yaml is not a failure', () => {
    const empty = tempDir();
    const result = svmc(['doctor', '--format', 'json'], { cwd: empty, env: { PATH: pathWithQpdf() } });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { schemaVersion: number; ok: boolean; svmc: { version: string }; node: { supported: boolean }; schema: { status: string }; tools: { name: string; present: boolean }[] };
    expect(report).toMatchObject({ schemaVersion: 1, ok: true, svmc: { version: VERSION }, node: { supported: true }, schema: { status: 'no-application' } });
    expect(report.tools.filter((tool) => tool.present).map((tool) => tool.name)).toEqual(['qpdf']);
  });

  it.each([[['doctor', 'nowhere']], [['doctor', '--format', 'xml']], [['doctor', 'a', 'b']]])('exits 2 for %j', (args) => {
    const result = svmc(args, { cwd: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('points a copied example at its own schema copy once --fix has written it', () => {
    const app = copyOf('examples/level-1');
    const broken = svmc(['doctor', app]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('run "svmc doctor --fix" to write svmc.schema.json beside svmc.yaml');
    expect(svmc(['doctor', app, '--fix']).code).toBe(1);
    replaceFirstLine(app, LINE);
    expect(svmc(['doctor', app]).code).toBe(0);
  });
});
