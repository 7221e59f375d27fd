import { Document, Packer } from 'docx';
import { ROLES, ROLE_TITLES } from '../domain.js';
import { formatPercent, formatPounds } from '../fee/money.js';
import { isoDate, isoTime, levelLabel } from '../pdf/format.js';
import type { SummaryInput } from '../pdf/types.js';
import { documentXml, paragraph, table } from './docx-body.js';
import { type FormCriterion, formModel, signoffFor } from './model.js';
import { zipInMemory } from '../zip/memory-zip.js';

const heading = (text: string, style: string, size: number, pageBreakBefore = false): string => paragraph(text, { bold: true, size }, { style, pageBreakBefore });

function criterionBlock(entry: FormCriterion): string[] {
  const { criterion } = entry;
  return [
    heading(`${criterion.id} ${criterion.title} (${entry.met ? 'met' : 'missing'})`, 'Heading3', 22),
    paragraph(criterion.description, { size: 18 }),
    paragraph('How the applicant meets it', { bold: true }),
    paragraph(entry.statement ?? 'No statement is given.'),
    ...entry.findings.map((f) => paragraph(`${f.severity === 'error' ? 'Error' : 'Note'} (${f.code}): ${f.message}`, { size: 18 })),
    entry.evidence.length
      ? table(
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
      : paragraph('No evidence is mapped to this criterion.', { bold: true }),
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
  const children: string[] = [
    heading('Criteria and evidence form', 'Title', 36),
    paragraph(`${data.applicant.organisation} · ${levelLabel(data)} · pack ${input.packId} · ${isoDate(input.date)}`),
  ];
  if (model.blockers) {
    children.push(heading('Draft: not for submission', 'Heading1', 28));
    children.push(paragraph(model.blockers.length ? `${model.blockers.length} errors stand between this draft and a submission:` : 'The application has no errors.'));
    for (const finding of model.blockers) children.push(paragraph(`${finding.code}: ${finding.message}`, { size: 18 }));
  }
  children.push(heading('Prerequisites', 'Heading1', 28));
  children.push(table(['Item', 'Recorded'], [...model.prerequisites.map((item) => [{ value: item.label }, { value: item.hash ? `${item.value} (SHA-256 ${item.hash})` : item.value, mono: item.path === true }]), [{ value: 'Fee' }, { value: fee }]]));
  children.push(heading('Representatives', 'Heading1', 28));
  children.push(
    table(
      ['Role', 'Name', 'Job title', 'Email', 'Sign-off'],
      ROLES.map((role) => {
        const person = model.representatives.find((r) => r.role === role);
        const signoff = signoffFor(input, role);
        return [{ value: ROLE_TITLES[role] }, { value: person?.name ?? '' }, { value: person?.jobTitle ?? '—' }, { value: person?.email ?? '—' }, { value: `${signoff.status}${signoff.signedAt ? ` ${isoTime(signoff.signedAt)}` : ''}` }];
      }),
    ),
  );
  if (model.spread) {
    children.push(heading('Evidence by area and occasion', 'Heading1', 28));
    const spread = model.spread;
    children.push(table(['Occasion', ...spread.areas], spread.occasions.map((occasion, index) => [{ value: occasion }, ...(spread.cells[index] ?? []).map((ids) => ({ value: ids.join(', ') }))])));
  }
  for (const stage of model.stages) {
    children.push(heading(stage.title, 'Heading1', 28, true));
    if (stage.criteria.length === 0) children.push(paragraph('The catalogue has no criteria for this stage at this level.'));
    for (const entry of stage.criteria) children.push(...criterionBlock(entry));
  }
  // The library writes the package (styles, relationships, content types); the body is written as text.
  const doc = new Document({ title, creator: data.applicant.organisation, sections: [{ children: [] }] });
  const parts = await packageParts(doc, [
    { path: 'word/document.xml', data: documentXml(children) },
    { path: 'docProps/core.xml', data: coreProperties(title, data.applicant.organisation, input.date) },
  ]);
  return zipInMemory(parts, input.date);
}

/** What the library's packer compiles before it zips; its `compiler` is private, and pinned with the library's version. */
interface PackerInternals {
  compiler: {
    compile(file: Document, prettify: boolean, overrides: { path: string; data: string }[]): {
      files: Record<string, { dir: boolean; async(type: 'uint8array'): Promise<Uint8Array> }>;
    };
  };
}

/**
 * The package's files in the library's order, to be zipped here: its own zip deflates in
 * JavaScript, which took 120-170 ms of every pack and verify where zlib takes 50-70 ms.
 */
async function packageParts(doc: Document, overrides: { path: string; data: string }[]): Promise<{ name: string; data: Uint8Array }[]> {
  const zip = (Packer as unknown as PackerInternals).compiler.compile(doc, false, overrides);
  const files = Object.entries(zip.files).filter(([, file]) => !file.dir);
  return Promise.all(files.map(async ([name, file]) => ({ name, data: await file.async('uint8array') })));
}
