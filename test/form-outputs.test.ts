import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyOf, svmc, tempDir } from './helpers/cli.js';
import { toolAvailable } from './helpers/tools.js';

const hasPoppler = toolAvailable('pdftotext') && toolAvailable('pdfinfo');
const hasUnzip = toolAvailable('unzip');
const hasOffice = toolAvailable('soffice');
const hasQpdf = toolAvailable('qpdf');

interface Item {
  file: string;
  locator?: string;
}

/** Every evidence path, locator and statement the level-3 example's svmc.yaml holds. */
function exampleContent(app: string): { paths: string[]; locators: string[]; statements: string[]; call: string } {
  const data = parse(readFileSync(join(app, 'svmc.yaml'), 'utf8'));
  const paths = new Set<string>();
  const locators = new Set<string>();
  const statements: string[] = [];
  for (const stage of Object.values(data.evidence as Record<string, Record<string, unknown>>)) {
    for (const value of Object.values(stage)) {
      const entry: { statement?: string; evidence?: Item[] } = Array.isArray(value) ? { evidence: value } : (value as { statement?: string; evidence?: Item[] });
      if (entry.statement) statements.push(entry.statement);
      for (const item of entry.evidence ?? []) {
        paths.add(item.file.replace(/^\.\//, ''));
        if (item.locator) locators.add(item.locator);
      }
    }
  }
  return { paths: [...paths], locators: [...locators], statements, call: String(data.application.preparationCall) };
}

/** Text with every run of white space made one space, so a wrapped statement reads as one line. */
const flat = (text: string): string => text.replace(/\s+/g, ' ');

describe.skipIf(!hasUnzip)('the level-3 pack as the assessor reads it', () => {
  let bag: string;
  let content: ReturnType<typeof exampleContent>;
  beforeAll(() => {
    const app = copyOf('examples/level-3');
    content = exampleContent(app);
    const out = tempDir();
    const zip = join(out, 'pack.zip');
    const packed = svmc(['pack', app, '--draft', '--out', zip, '--date', '2026-12-01']);
    expect(packed.code, packed.stderr).toBe(0);
    expect(spawnSync('unzip', ['-q', zip, '-d', out]).status).toBe(0);
    const name = readdirSync(out).find((entry) => entry.startsWith('svmc-'));
    bag = join(out, name!);
  });

  it('carries statements and locators in the example', () => {
    expect(content.statements.length).toBeGreaterThan(10);
    expect(content.locators.length).toBeGreaterThan(10);
  });

  it.skipIf(!hasPoppler)('PDF: every evidence path whole, the preparation call date, statements and locators, tagged', () => {
    const text = spawnSync('pdftotext', [join(bag, 'summary.pdf'), '-'], { encoding: 'utf8' }).stdout;
    const lines = text.split('\n').map((line) => line.trim());
    for (const path of content.paths) expect(lines.some((line) => line.includes(path)), path).toBe(true);
    expect(text).toContain(content.call);
    for (const statement of content.statements) expect(flat(text)).toContain(flat(statement));
    // A locator may wrap in its narrow column, and pdftotext reads a table row by row across cells.
    const words = new Set(flat(text).split(' '));
    for (const locator of content.locators) for (const word of locator.split(' ')) expect(words, locator).toContain(word);
    const info = spawnSync('pdfinfo', [join(bag, 'summary.pdf')], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    const pdf = readFileSync(join(bag, 'summary.pdf'), 'latin1');
    expect(pdf).toContain('<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li>');
  });

  it.skipIf(!hasQpdf)('PDF: a structure tree of headings, tables and cells, marked content, a language', () => {
    const qdf = spawnSync('qpdf', ['--qdf', '--object-streams=disable', join(bag, 'summary.pdf'), '-'], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 }).stdout;
    for (const key of ['/StructTreeRoot', '/ParentTree', '/MarkInfo', '/Lang (en-GB)', '/S /H1', '/S /H3', '/S /Table', '/S /TH', '/S /TD', '/S /Figure', '/Alt', '/Type /Metadata']) expect(qdf, key).toContain(key);
    expect(qdf).toMatch(/\/Marked true/);
    expect(qdf).toContain('/Artifact BMC');
  });

  it('index.html: statements, hashes and relative links that lead to the payload', () => {
    const html = readFileSync(join(bag, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    for (const statement of content.statements) expect(html).toContain(statement.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
    const links = [...html.matchAll(/href="([^"]+)"/g)].map((match) => decodeURIComponent(match[1]!));
    expect(links.length).toBeGreaterThanOrEqual(content.paths.length);
    for (const link of links) expect(readFileSync(join(bag, link)).length, link).toBeGreaterThan(0);
    const manifest = readFileSync(join(bag, 'manifest-sha256.txt'), 'utf8');
    for (const line of manifest.trim().split('\n')) {
      const [hash, path] = line.split('  ');
      if (content.paths.includes(path!.replace(/^data\//, ''))) expect(html).toContain(hash);
    }
    expect(readFileSync(join(bag, 'tagmanifest-sha256.txt'), 'utf8')).toMatch(/ {2}index\.html\n[\s\S]* {2}criteria-and-evidence-form\.docx\n|criteria-and-evidence-form\.docx\n[\s\S]*index\.html\n/);
  });

  it('DOCX: its XML holds the statements, paths and locators', () => {
    const xml = spawnSync('unzip', ['-p', join(bag, 'criteria-and-evidence-form.docx'), 'word/document.xml'], { encoding: 'utf8' }).stdout;
    for (const path of content.paths) expect(xml).toContain(path);
    for (const locator of content.locators) expect(xml).toContain(locator.replace(/&/g, '&amp;'));
    expect(xml).toContain(content.call);
    const core = spawnSync('unzip', ['-p', join(bag, 'criteria-and-evidence-form.docx'), 'docProps/core.xml'], { encoding: 'utf8' }).stdout;
    expect(core).toContain('2026-12-01T00:00:00Z');
  });

  it.skipIf(!hasOffice || !hasPoppler)('DOCX: LibreOffice opens it and shows the statements and the preparation call', () => {
    const out = tempDir();
    const converted = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${out}/profile`, '--convert-to', 'pdf', '--outdir', out, join(bag, 'criteria-and-evidence-form.docx')], { encoding: 'utf8', timeout: 180_000 });
    expect(converted.status, converted.stderr).toBe(0);
    const text = flat(spawnSync('pdftotext', [join(out, 'criteria-and-evidence-form.pdf'), '-'], { encoding: 'utf8' }).stdout);
    expect(text).toContain('Criteria and evidence form');
    expect(text).toContain(content.call);
    for (const statement of content.statements) expect(text).toContain(flat(statement));
  });
});

describe('packing twice gives the same bytes, the Word form included', () => {
  it('two packs of the same folder and date are identical', () => {
    const app = copyOf('examples/level-3');
    const out = tempDir();
    const first = svmc(['pack', app, '--draft', '--out', join(out, 'a.zip'), '--date', '2026-12-01']);
    const second = svmc(['pack', app, '--draft', '--out', join(out, 'b.zip'), '--date', '2026-12-01']);
    expect(first.code + second.code).toBe(0);
    expect(readFileSync(join(out, 'a.zip')).equals(readFileSync(join(out, 'b.zip')))).toBe(true);
  });
});

describe('svmc form', () => {
  it('writes the form as DOCX, PDF or HTML by the name given', () => {
    const app = copyOf('examples/level-3');
    const out = tempDir();
    for (const name of ['form.docx', 'form.pdf', 'form.html']) {
      const result = svmc(['form', app, '--out', join(out, name), '--date', '2026-12-01']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`form.`);
    }
    expect(readFileSync(join(out, 'form.docx')).subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(join(out, 'form.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(join(out, 'form.html'), 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('refuses a name it cannot tell the kind of, and the application own files', () => {
    const app = copyOf('examples/level-3');
    const odd = svmc(['form', app, '--out', join(tempDir(), 'form.txt')]);
    expect(odd.code).toBe(2);
    expect(odd.stderr).toContain('name a file ending in .docx, .pdf or .html');
    const before = readFileSync(join(app, 'svmc.yaml'));
    const own = svmc(['form', app, '--out', join(app, 'svmc.yaml')]);
    expect(own.code).toBe(2);
    expect(own.stderr).not.toContain('    at ');
    expect(readFileSync(join(app, 'svmc.yaml')).equals(before)).toBe(true);
  });
});
