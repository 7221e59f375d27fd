import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { InvalidInputError } from '../errors.js';
import type { RegisterFormat } from './columns.js';

/** A row of the register as read: its number in the file (the header is row 1) and its cells by column name. */
export interface ReadRow {
  row: number;
  cells: Record<string, string>;
}

/** A cell as text: Excel may hold a typed date, a number, rich text or a formula's result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

/** Excel's day number (days since 1899-12-30) as YYYY-MM-DD. */
function excelDay(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000).toISOString().slice(0, 10);
}

function rowsOf(table: string[][], name: string): { header: string[]; rows: ReadRow[] } {
  const [header, ...body] = table;
  if (!header) throw new InvalidInputError(`${name} is empty: it needs a header row naming its columns`);
  const names = header.map((cell) => cell.trim().toLowerCase());
  const rows = body
    .map((cells, index) => ({ row: index + 2, cells: Object.fromEntries(names.map((column, at) => [column, (cells[at] ?? '').trim()])) }))
    .filter((row) => Object.values(row.cells).some((cell) => cell !== ''));
  return { header: names, rows };
}

/** The register's rows from CSV (RFC 4180, with or without a byte order mark) or the first sheet of an XLSX workbook. */
export async function readRegister(bytes: Buffer, format: RegisterFormat, name: string): Promise<{ header: string[]; rows: ReadRow[] }> {
  if (format === 'csv') {
    let table: string[][];
    try {
      table = parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: false });
    } catch (error) {
      throw new InvalidInputError(`${name} is not valid CSV: ${(error as Error).message}`);
    }
    return rowsOf(table, name);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new InvalidInputError(`${name} is not an Excel workbook (.xlsx) that can be read`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new InvalidInputError(`${name} has no worksheet`);
  const table: string[][] = [];
  let dateColumn = -1;
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    if (number === 1) dateColumn = values.findIndex((value) => cellText(value).trim().toLowerCase() === 'date');
    // A date typed into a text-formatted cell is stored as Excel's day number.
    table[number - 1] = values.map((value, column) => (column === dateColumn && typeof value === 'number' ? excelDay(value) : cellText(value)));
  });
  for (let index = 0; index < table.length; index++) table[index] ??= [];
  return rowsOf(table, name);
}
