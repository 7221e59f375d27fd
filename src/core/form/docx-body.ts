/**
 * word/document.xml written as text. The docx library builds an object for every element and
 * serialises them all: for a form of 10,000 evidence items (60,000 table cells) that took 28 s and
 * 955 MB, on every pack and every verify. The library still writes the package around it (styles,
 * relationships, content types); the body's few kinds of element are written here.
 */

export interface RunStyle {
  bold?: boolean;
  mono?: boolean;
  /** Half-points. */
  size?: number;
}

export interface ParagraphStyle {
  /** A paragraph style of the package: Title, Heading1, Heading3. */
  style?: string;
  pageBreakBefore?: boolean;
}

export interface Cell {
  value: string;
  mono?: boolean;
}

import { escapeText } from '../../report/xml.js';

const FONT = 'Calibri';
const MONO = 'Consolas';

function run(text: string, { bold = false, mono = false, size = 20 }: RunStyle): string {
  const font = mono ? MONO : FONT;
  const weight = bold ? '<w:b/><w:bCs/>' : '<w:b w:val="false"/><w:bCs w:val="false"/>';
  return `<w:r><w:rPr><w:rFonts w:ascii="${font}" w:cs="${font}" w:eastAsia="${font}" w:hAnsi="${font}"/>${weight}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr><w:t xml:space="preserve">${escapeText(text)}</w:t></w:r>`;
}

/** A paragraph of one run; a styled one (a title or heading) takes its spacing from the style. */
export function paragraph(text: string, runStyle: RunStyle = {}, { style, pageBreakBefore = false }: ParagraphStyle = {}): string {
  const properties = style ? `<w:pStyle w:val="${style}"/>${pageBreakBefore ? '<w:pageBreakBefore/>' : ''}` : '<w:spacing w:after="80"/>';
  return `<w:p><w:pPr>${properties}</w:pPr>${run(text, runStyle)}</w:p>`;
}

const BORDER = 'w:val="single" w:color="auto" w:sz="4"';
const BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${BORDER}/>`).join('');

/** A full-width table with a header row that repeats on every page. */
export function table(headers: string[], rows: Cell[][]): string {
  const cell = (value: string, bold: boolean, mono = false): string => `<w:tc>${paragraph(value, { bold, mono, size: mono ? 16 : 18 })}</w:tc>`;
  const grid = headers.map(() => '<w:gridCol w:w="100"/>').join('');
  const head = `<w:tr><w:trPr><w:tblHeader/></w:trPr>${headers.map((header) => cell(header, true)).join('')}</w:tr>`;
  const body = rows.map((row) => `<w:tr>${row.map((c) => cell(c.value, false, c.mono)).join('')}</w:tr>`).join('');
  return `<w:tbl><w:tblPr><w:tblW w:type="pct" w:w="100%"/><w:tblBorders>${BORDERS}</w:tblBorders></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${head}${body}</w:tbl>`;
}

/** The whole of word/document.xml: the body's elements, then an A4 page with 1-inch margins. */
export function documentXml(body: string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<w:document xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
    ...body,
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/><w:pgNumType/><w:docGrid w:linePitch="360"/></w:sectPr>',
    '</w:body></w:document>',
  ].join('');
}
