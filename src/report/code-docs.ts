import { FINDING_CODES, type FindingCode } from '../core/findings.js';

/** Markdown as plain text: code spans and escapes dropped, for places that show text only. */
export function plainText(markdown: string): string {
  return markdown.replace(/`([^`]*)`/g, '$1').replace(/\\(.)/g, '$1');
}

const CODES = Object.keys(FINDING_CODES) as FindingCode[];

/** The README's finding-code sections: a table of every code, then a section each with its description and help. */
export function renderCodesMarkdown(): string {
  const table = ['| code | severity | reported by | title |', '|---|---|---|---|'];
  const sections: string[] = [];
  for (const code of CODES) {
    const { severity, scope, title, description, help } = FINDING_CODES[code];
    table.push(`| [\`${code}\`](#${code.toLowerCase()}) | ${severity} | ${scope === 'check' ? '`check`' : '`pack`, `verify`'} | ${title} |`);
    sections.push(`### ${code}`, '', description, '', help, '');
  }
  return [...table, '', ...sections].join('\n');
}

/** `svmc check --help`'s list: each code and its title. */
export function renderCodesHelp(): string {
  const width = Math.max(...CODES.map((code) => code.length));
  return CODES.map((code) => `  ${code.padEnd(width)}  ${FINDING_CODES[code].title}`).join('\n');
}
