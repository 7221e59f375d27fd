import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { ROLES, ROLE_TITLES } from '../domain.js';
import { formatPercent, formatPounds } from '../fee/money.js';
import { isoDate, isoTime, levelLabel } from '../pdf/format.js';
import type { SummaryInput } from '../pdf/types.js';
import { type FormCriterion, formModel, signoffFor } from './model.js';
import { stampZipDates } from './zip-dates.js';

const FONT = 'Calibri';
const MONO = 'Consolas';

const text = (value: string, options: { bold?: boolean; mono?: boolean; size?: number } = {}): TextRun =>
  new TextRun({ text: value, bold: options.bold ?? false, font: options.mono ? MONO : FONT, size: options.size ?? 20 });

const para = (value: string, options: { bold?: boolean; mono?: boolean; size?: number } = {}): Paragraph => new Paragraph({ children: [text(value, options)], spacing: { after: 80 } });

function grid(headers: string[], rows: { value: string; mono?: boolean }[][]): Table {
  const cell = (value: string, bold: boolean, mono = false): TableCell => new TableCell({ children: [para(value, { bold, mono, size: mono ? 16 : 18 })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((header) => cell(header, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((c) => cell(c.value, false, c.mono)) })),
    ],
  });
}

function criterionBlock(entry: FormCriterion): (Paragraph | Table)[] {
  const { criterion } = entry;
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_3, children: [text(`${criterion.id} ${criterion.title} (${entry.met ? 'met' : 'missing'})`, { bold: true, size: 22 })] }),
    para(criterion.description, { size: 18 }),
    para('How the applicant meets it', { bold: true }),
    para(entry.statement ?? 'No statement is given.'),
    ...(entry.findings.length ? entry.findings.map((f) => para(`${f.severity === 'error' ? 'Error' : 'Note'} (${f.code}): ${f.message}`, { size: 18 })) : []),
    entry.evidence.length
      ? grid(
          ['File', 'Summary', 'Where in the file', 'Date', 'Area', 'SHA-256'],
          entry.evidence.map((item) => [
            { value: item.file, mono: true },
            { value: item.summary ?? '' },
            { value: item.locator ?? '' },
            { value: item.date ?? '' },
            { value: item.area ?? '' },
            { value: item.sha256 ?? '—', mono: true },
          ]),
        )
      : para('No evidence is mapped to this criterion.', { bold: true }),
  ];
}

/** docProps/core.xml written here: the library's own stamps the time of writing. */
function coreProperties(title: string, author: string, date: Date): string {
  const xml = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const when = Number.isNaN(date.getTime()) ? '1980-01-01T00:00:00Z' : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xml(title)}</dc:title><dc:creator>${xml(author)}</dc:creator><dc:language>en-GB</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;
}

/** The criteria-and-evidence form as a Word document, from the same input as the PDF; the same input gives the same bytes. */
export async function renderFormDocx(input: SummaryInput): Promise<Buffer> {
  const model = formModel(input);
  const { data } = input;
  const title = `Social Value Management Certificate — ${data.applicant.organisation} — ${levelLabel(data)}`;
  const fee = input.fee
    ? `${formatPounds(input.fee.netPence)} net${input.fee.discountPence > 0 ? ` after a discount of ${formatPounds(input.fee.discountPence)}` : ''} + ${formatPounds(input.fee.vatPence)} VAT (${formatPercent(input.fee.vatRate)}) = ${formatPounds(input.fee.grossPence)}`
    : 'not known';
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [text('Criteria and evidence form', { bold: true, size: 36 })] }),
    para(`${data.applicant.organisation} · ${levelLabel(data)} · pack ${input.packId} · ${isoDate(input.date)}`),
  ];
  if (model.blockers) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text('Draft: not for submission', { bold: true, size: 28 })] }));
    children.push(para(model.blockers.length ? `${model.blockers.length} errors stand between this draft and a submission:` : 'The application has no errors.'));
    for (const finding of model.blockers) children.push(para(`${finding.code}: ${finding.message}`, { size: 18 }));
  }
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text('Prerequisites', { bold: true, size: 28 })] }));
  children.push(grid(['Item', 'Recorded'], [...model.prerequisites.map((item) => [{ value: item.label }, { value: item.hash ? `${item.value} (SHA-256 ${item.hash})` : item.value, mono: item.path === true }]), [{ value: 'Fee' }, { value: fee }]]));
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text('Representatives', { bold: true, size: 28 })] }));
  children.push(
    grid(
      ['Role', 'Name', 'Job title', 'Email', 'Sign-off'],
      ROLES.map((role) => {
        const person = model.representatives.find((r) => r.role === role);
        const signoff = signoffFor(input, role);
        return [{ value: ROLE_TITLES[role] }, { value: person?.name ?? '' }, { value: person?.jobTitle ?? '—' }, { value: person?.email ?? '—' }, { value: `${signoff.status}${signoff.signedAt ? ` ${isoTime(signoff.signedAt)}` : ''}` }];
      }),
    ),
  );
  if (model.spread) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text('Evidence by area and occasion', { bold: true, size: 28 })] }));
    const spread = model.spread;
    children.push(grid(['Occasion', ...spread.areas], spread.occasions.map((occasion, index) => [{ value: occasion }, ...(spread.cells[index] ?? []).map((ids) => ({ value: ids.join(', ') }))])));
  }
  for (const stage of model.stages) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [text(stage.title, { bold: true, size: 28 })] }));
    if (stage.criteria.length === 0) children.push(para('The catalogue has no criteria for this stage at this level.'));
    for (const entry of stage.criteria) children.push(...criterionBlock(entry));
  }
  const doc = new Document({ title, creator: data.applicant.organisation, sections: [{ children }] });
  const bytes = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreProperties(title, data.applicant.organisation, input.date) }]);
  return stampZipDates(bytes, Number.isNaN(input.date.getTime()) ? new Date(0) : input.date);
}
