import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { criterionEntries, evidenceRefs, text } from '../application/evidence-refs.js';
import type { Application } from '../application/open.js';
import { normalisePath } from '../application/paths.js';
import { buildManifest } from '../manifest/build-manifest.js';
import { REGISTER_COLUMNS, type RegisterFormat, type RegisterRow } from './columns.js';

/** One row per evidence item in svmc.yaml's order, with the file's size and SHA-256 when it is there. */
export async function registerRows(app: Application): Promise<RegisterRow[]> {
  const document = await app.document();
  const data = document.data;
  const manifest = await buildManifest(app.folder, document.referenced);
  const files = new Map(manifest.entries.map((entry) => [entry.path, entry]));
  const statements = new Map(criterionEntries(data).map(({ stage, criterion, entry }) => [`${stage}/${criterion}`, entry.statement ?? '']));
  return evidenceRefs(data).map((ref) => {
    const file = files.get(normalisePath(ref.item.file));
    return {
      stage: ref.stage,
      criterion: ref.criterion,
      file: ref.item.file,
      summary: text(ref.item.summary) ?? '',
      date: text(ref.item.date) ?? '',
      area: text(ref.item.area) ?? '',
      locator: text(ref.item.locator) ?? '',
      size: file ? String(file.size) : '',
      sha256: file?.sha256 ?? '',
      statement: statements.get(`${ref.stage}/${ref.criterion}`) ?? '',
    };
  });
}

/** The register as a file: CSV per RFC 4180 with a byte order mark (so Excel reads UTF-8), or an XLSX workbook of text cells. */
export async function registerFile(rows: RegisterRow[], format: RegisterFormat): Promise<Uint8Array> {
  const table = [[...REGISTER_COLUMNS], ...rows.map((row) => REGISTER_COLUMNS.map((column) => row[column]))];
  if (format === 'csv') return Buffer.from(`\uFEFF${stringify(table, { record_delimiter: '\r\n' })}`);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'svmc';
  const sheet = workbook.addWorksheet('Evidence register');
  for (const values of table) {
    const row = sheet.addRow(values);
    row.eachCell((cell) => {
      cell.numFmt = '@';
    });
  }
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  REGISTER_COLUMNS.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column === 'file' || column === 'statement' || column === 'summary' ? 48 : column === 'sha256' ? 66 : 14;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
