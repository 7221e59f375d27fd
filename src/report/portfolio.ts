import { stringify } from 'csv-stringify/sync';
import { LEVEL_NAMES } from '../core/domain.js';
import { EXPIRING_WITHIN_DAYS, type Portfolio, type PortfolioRow, type SignoffState } from '../core/portfolio/portfolio.js';
import { plain, type Paint, type Style } from './paint.js';
import { plural } from './words.js';

const SIGNOFF_WORDS: Record<SignoffState, string> = {
  signed: 'signed',
  partial: '1 of 2',
  none: 'none',
  stale: 'stale',
  invalid: 'invalid',
  unknown: 'unknown',
};

const levelWords = (row: PortfolioRow): string =>
  row.level === undefined ? 'unknown' : `${row.level} ${LEVEL_NAMES[row.level]}${row.renewal ? ', renewal' : ''}`;

const daysWords = (row: PortfolioRow): string => (row.award === undefined ? '' : row.award.daysLeft <= 0 ? 'expired' : String(row.award.daysLeft));

interface Column {
  title: string;
  cell: (row: PortfolioRow) => string;
  style?: (row: PortfolioRow) => Style | undefined;
}

const COLUMNS: Column[] = [
  { title: 'organisation', cell: (row) => row.organisation ?? '(unknown)' },
  { title: 'level', cell: levelWords },
  { title: 'criteria', cell: (row) => `${row.criteria.met}/${row.criteria.required}` },
  { title: 'errors', cell: (row) => String(row.errors), style: (row) => (row.errors > 0 ? 'red' : undefined) },
  { title: 'warnings', cell: (row) => String(row.warnings), style: (row) => (row.warnings > 0 ? 'yellow' : undefined) },
  { title: 'sign-offs', cell: (row) => SIGNOFF_WORDS[row.signoffs.state], style: (row) => (row.signoffs.state === 'signed' ? 'green' : undefined) },
  { title: 'award', cell: (row) => (row.award ? `level ${row.award.level}` : 'none') },
  { title: 'expires', cell: (row) => row.award?.expires ?? '' },
  {
    title: 'days left',
    cell: daysWords,
    style: (row) => (row.attention === 'award-expired' ? 'red' : row.attention === 'award-expiring' ? 'yellow' : undefined),
  },
  { title: 'folder', cell: (row) => row.dir },
];

/** One line per client under a header, what needs attention first, then the folders not checked. */
export function renderPortfolioText(portfolio: Portfolio, paint: Paint = plain): string {
  const { clients } = portfolio;
  const widths = COLUMNS.map((column) => Math.max(column.title.length, ...clients.map((row) => column.cell(row).length)));
  const line = (cells: string[]) => cells.join('  ').trimEnd();
  const lines = [
    paint('bold', `${plural(clients.length, 'application')} on ${portfolio.today}, what needs attention first`),
    '',
    paint('bold', line(COLUMNS.map((column, i) => column.title.padEnd(widths[i]!)))),
  ];
  for (const row of clients) {
    lines.push(
      line(
        COLUMNS.map((column, i) => {
          const style = column.style?.(row);
          const cell = column.cell(row).padEnd(widths[i]!);
          return style ? paint(style, cell) : cell;
        }),
      ),
    );
  }
  lines.push(
    '',
    paint(
      'dim',
      `Order: awards expired or expiring within ${EXPIRING_WITHIN_DAYS} days (soonest first), then applications with errors, then those waiting for sign-offs, then those ready to pack.`,
    ),
  );
  for (const skipped of portfolio.notChecked) lines.push(`${paint('yellow', 'warning:')} ${skipped.message} (FOLDER_NOT_CHECKED)`);
  lines.push(paint('dim', '"svmc status DIR" shows the criteria and next steps of one application.'));
  return lines.join('\n');
}

/** The portfolio as `schemas/portfolio.schema.json` describes it. */
export function renderPortfolioJson(portfolio: Portfolio, toolVersion: string): string {
  const report = {
    schemaVersion: 1,
    tool: { name: 'svmc', version: toolVersion },
    today: portfolio.today,
    clients: portfolio.clients.map((row) => ({
      dir: row.dir,
      ...(row.organisation === undefined ? {} : { organisation: row.organisation }),
      ...(row.level === undefined ? {} : { level: row.level }),
      renewal: row.renewal,
      criteria: row.criteria,
      errors: row.errors,
      warnings: row.warnings,
      signoffs: row.signoffs,
      award: row.award ? { ...row.award, expired: row.award.daysLeft <= 0 } : null,
      attention: row.attention,
    })),
    notChecked: portfolio.notChecked.map((skipped) => ({ dir: skipped.dir, code: 'FOLDER_NOT_CHECKED', message: skipped.message })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

const PORTFOLIO_CSV_COLUMNS = [
  'folder',
  'organisation',
  'level',
  'renewal',
  'criteria_met',
  'criteria_required',
  'errors',
  'warnings',
  'signoffs',
  'signed',
  'award_level',
  'award_reference',
  'awarded',
  'expires',
  'days_left',
  'attention',
] as const;

/** CSV per RFC 4180 (CRLF), a header and one record per client; the folders not checked are for stderr. */
export function renderPortfolioCsv(portfolio: Portfolio): string {
  const records = portfolio.clients.map((row) => [
    row.dir,
    row.organisation ?? '',
    row.level ?? '',
    row.renewal,
    row.criteria.met,
    row.criteria.required,
    row.errors,
    row.warnings,
    row.signoffs.state,
    row.signoffs.signed,
    row.award?.level ?? '',
    row.award?.reference ?? '',
    row.award?.awarded ?? '',
    row.award?.expires ?? '',
    row.award?.daysLeft ?? '',
    row.attention,
  ]);
  return stringify([[...PORTFOLIO_CSV_COLUMNS], ...records], { record_delimiter: '\r\n', cast: { boolean: (value) => String(value) } });
}
