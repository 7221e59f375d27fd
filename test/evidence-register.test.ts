import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { copyOf, svmc, tempDir } from './helpers/cli.js';
import { toolAvailable } from './helpers/tools.js';

const hasOffice = toolAvailable('soffice');

function exported(app: string, name: string): string {
  const file = join(tempDir(), name);
  const result = svmc(['evidence', 'export', app, '--out', file]);
  expect(result.code, result.stderr).toBe(0);
  return file;
}

const csvRows = (file: string): string[][] => parseCsv(readFileSync(file), { bom: true });

function writeCsv(file: string, rows: string[][]): void {
  writeFileSync(file, `\uFEFF${stringify(rows, { record_delimiter: '\r\n' })}`);
}

describe('svmc evidence export', () => {
  it('writes one row per item, with size, SHA-256 and the statement, as CSV with a BOM and CRLF', () => {
    const app = copyOf('examples/level-3');
    const file = exported(app, 'register.csv');
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    expect(bytes.toString('utf8')).toContain('\r\n');
    const [header, ...rows] = csvRows(file);
    expect(header).toEqual(['stage', 'criterion', 'file', 'summary', 'date', 'area', 'locator', 'size', 'sha256', 'statement']);
    expect(rows.length).toBe(27);
    const first = rows[0]!;
    const content = readFileSync(join(app, first[2]!));
    expect(first[7]).toBe(String(content.length));
    expect(first[8]).toBe(spawnSync('sha256sum', [join(app, first[2]!)], { encoding: 'utf8' }).stdout.split(' ')[0]);
    expect(first[9]!.length).toBeGreaterThan(20);
  });

  it.skipIf(!hasOffice)('writes an XLSX that LibreOffice reads back to the same table', () => {
    const app = copyOf('examples/level-3');
    const xlsx = exported(app, 'register.xlsx');
    const csv = exported(app, 'register.csv');
    const out = tempDir();
    const converted = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${out}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', out, xlsx], { encoding: 'utf8', timeout: 180_000 });
    expect(converted.status, converted.stderr).toBe(0);
    expect(csvRows(join(out, 'register.csv'))).toEqual(csvRows(csv));
  });
});

describe('svmc evidence import', () => {
  it('changes nothing, byte for byte, when the register comes back unedited (CSV and XLSX)', () => {
    const app = copyOf('examples/level-3');
    const before = readFileSync(join(app, 'svmc.yaml'));
    for (const name of ['register.csv', 'register.xlsx']) {
      const result = svmc(['evidence', 'import', exported(app, name), app]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('nothing to change');
      expect(readFileSync(join(app, 'svmc.yaml')).equals(before)).toBe(true);
    }
  });

  it('changes exactly what was edited: a summary, a cleared locator, a new item, a statement, and keeps comments', () => {
    const app = copyOf('examples/level-3');
    const before = readFileSync(join(app, 'svmc.yaml'), 'utf8');
    const file = exported(app, 'register.csv');
    const rows = csvRows(file);
    const oldSummary = rows[1]![3]!;
    rows[1]![3] = 'Edited summary';
    const oldLocator = rows[2]![6]!;
    rows[2]![6] = '';
    rows.push(['plan', 'L3.PL.1', 'evidence/plan/new-file.md', 'A new one', '2026-05-01', 'Governance', 'p. 2', '', '', '']);
    const criterion = rows[4]![1]!;
    const oldStatement = rows[4]![9]!;
    for (const row of rows) if (row[1] === criterion) row[9] = 'A new statement, written in the spreadsheet.';
    writeCsv(file, rows);
    const refused = svmc(['evidence', 'import', file, app]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--yes');
    expect(readFileSync(join(app, 'svmc.yaml'), 'utf8')).toBe(before);
    const result = svmc(['evidence', 'import', file, app, '--yes']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('+ L3.PL.1 evidence/plan/new-file.md');
    expect(result.stdout).toContain(`~ ${criterion} statement`);
    const after = readFileSync(join(app, 'svmc.yaml'), 'utf8');
    const expected = before
      .replace(`summary: ${oldSummary}`, 'summary: Edited summary')
      .replace(new RegExp(`\\n +locator: ${oldLocator}\\n`), '\n')
      .replace(`statement: ${oldStatement}`, 'statement: A new statement, written in the spreadsheet.');
    const block = ['        - file: evidence/plan/new-file.md', '          summary: A new one', '          date: 2026-05-01', '          area: Governance', '          locator: p. 2', ''].join('\n');
    expect(after).toContain(block);
    expect(after.replace(block, '')).toBe(expected);
    expect(after.split('\n').filter((line) => line.trimStart().startsWith('#'))).toEqual(before.split('\n').filter((line) => line.trimStart().startsWith('#')));
    expect(svmc(['evidence', 'import', file, app]).stdout).toContain('nothing to change');
  });

  it('reads an XLSX edited with a typed date cell', async () => {
    const app = copyOf('examples/level-3');
    const file = exported(app, 'register.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    const oldDate = String(sheet.getCell('E2').value);
    sheet.getCell('E2').value = new Date(Date.UTC(2026, 0, 21));
    await workbook.xlsx.writeFile(file);
    const result = svmc(['evidence', 'import', file, app, '--yes']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`date: "${oldDate}" → "2026-01-21"`);
    expect(readFileSync(join(app, 'svmc.yaml'), 'utf8')).toContain('date: 2026-01-21');
  });

  it('removes items the register no longer lists only with --prune', () => {
    const app = copyOf('examples/level-3');
    const file = exported(app, 'register.csv');
    const rows = csvRows(file);
    const gone = rows.splice(3, 1)[0]!;
    writeCsv(file, rows);
    const kept = svmc(['evidence', 'import', file, app, '--yes']);
    expect(kept.stdout).toContain('nothing to change');
    const pruned = svmc(['evidence', 'import', file, app, '--yes', '--prune']);
    expect(pruned.code, pruned.stderr).toBe(0);
    expect(pruned.stdout).toContain(`- ${gone[1]} ${gone[2]}`);
    const back = csvRows(exported(app, 'again.csv'));
    expect(back.length).toBe(rows.length);
  });

  it('reports every bad row by its number and writes nothing', () => {
    const app = copyOf('examples/level-3');
    const before = readFileSync(join(app, 'svmc.yaml'));
    const file = exported(app, 'register.csv');
    const rows = csvRows(file);
    rows[2]![1] = 'L3.XX.9';
    rows[3]![4] = '2026-02-30';
    rows[4]![2] = '../outside.pdf';
    rows[5]![0] = 'plan';
    const other = rows.findIndex((row, index) => index > 7 && row[1] === rows[7]![1] && row[9] !== '');
    rows[other]![9] = 'Another statement';
    writeCsv(file, rows);
    const result = svmc(['evidence', 'import', file, app, '--yes']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/row 3: unknown criterion L3\.XX\.9/);
    expect(result.stderr).toMatch(/row 4: the date 2026-02-30 is not a real date/);
    expect(result.stderr).toMatch(/row 5: the file \.\.\/outside\.pdf climbs out/);
    expect(result.stderr).toMatch(/row 6: L3\.\S+ is in stage \S+, not plan/);
    expect(result.stderr).toMatch(new RegExp(`row ${other + 1}: its statement for \\S+ differs from the one in row \\d+`));
    expect(result.stderr).toContain('5 rows cannot be imported; svmc.yaml is unchanged');
    expect(result.stderr).not.toContain('    at ');
    expect(readFileSync(join(app, 'svmc.yaml')).equals(before)).toBe(true);
  });

  it('says what is wrong with a file that is not a register', () => {
    const app = copyOf('examples/level-3');
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.csv'), 'a,b\n1,2\n');
    writeFileSync(join(dir, 'fake.xlsx'), 'not a workbook');
    const noColumns = svmc(['evidence', 'import', join(dir, 'notes.csv'), app, '--yes']);
    expect(noColumns.code).toBe(1);
    expect(noColumns.stderr).toContain('has no "criterion" column');
    const fake = svmc(['evidence', 'import', join(dir, 'fake.xlsx'), app, '--yes']);
    expect(fake.code).toBe(1);
    expect(fake.stderr).toContain('is not an Excel workbook');
    const odd = svmc(['evidence', 'import', join(dir, 'notes.txt'), app]);
    expect(odd.code).toBe(2);
  });
});
