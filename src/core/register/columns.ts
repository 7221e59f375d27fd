/** The evidence register's columns, in order: one row per evidence item. */
export const REGISTER_COLUMNS = ['stage', 'criterion', 'file', 'summary', 'date', 'area', 'locator', 'size', 'sha256', 'statement'] as const;

type RegisterColumn = (typeof REGISTER_COLUMNS)[number];

export type RegisterRow = Record<RegisterColumn, string>;

/** The fields of an item that the register can change. */
export const ITEM_FIELDS = ['summary', 'date', 'area', 'locator'] as const;

export type RegisterFormat = 'csv' | 'xlsx';

/** The format a file name asks for, by its ending. */
export function registerFormat(name: string): RegisterFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return undefined;
}
