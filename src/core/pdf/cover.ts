import type { SummaryInput } from './types.js';
import { completeness, completenessChart } from './chart.js';
import { fieldGrid, sectionTitle, type Field } from './blocks.js';
import type { Flow } from './flow.js';
import { formatPercent, formatPounds, isoDate, levelLabel, sizeName } from './format.js';
import { ascent, paragraph } from './text-block.js';
import { COLOURS, CONTENT_WIDTH, LEADING, PAGE, SIZES } from './theme.js';
import { wrapText } from './wrap.js';

const BAND = 150;

function band(flow: Flow, input: SummaryInput): void {
  const { page, fonts } = flow;
  page.drawRectangle({ x: 0, y: PAGE.height - BAND, width: PAGE.width, height: BAND, color: COLOURS.brand });
  page.drawRectangle({ x: 0, y: PAGE.height - BAND, width: PAGE.width, height: 4, color: COLOURS.brandDark });
  const x = PAGE.margin;
  fonts.draw(page, 'SOCIAL VALUE MANAGEMENT CERTIFICATE', { x, y: PAGE.height - 58, size: 9, style: 'bold', color: COLOURS.brandLight });
  fonts.draw(page, 'Criteria and evidence summary', { x, y: PAGE.height - 90, size: 24, style: 'bold', color: COLOURS.white });
  fonts.draw(page, levelLabel(input.data), { x, y: PAGE.height - 116, size: 13, style: 'regular', color: COLOURS.brandLight });
  flow.y = PAGE.height - BAND - 34;
}

function applicant(flow: Flow, input: SummaryInput): void {
  const { applicant } = input.data;
  flow.fonts.draw(flow.page, 'APPLICANT', { x: PAGE.margin, y: flow.y - ascent(SIZES.small), size: SIZES.small, style: 'bold', color: COLOURS.muted });
  flow.y -= SIZES.small * LEADING + 2;
  paragraph(flow, applicant.organisation, { size: SIZES.h1, style: 'bold', color: COLOURS.ink, after: 2 });
  if (applicant.scope === 'programme' && applicant.programme) {
    paragraph(flow, `Programme: ${applicant.programme}`, { size: 12, color: COLOURS.text, after: 2 });
  }
  flow.y -= 16;
}

function details(flow: Flow, input: SummaryInput): void {
  const { applicant, application } = input.data;
  const membership = applicant.membership;
  const catalogue = input.result.catalogue;
  const fields: Field[] = [
    { label: 'Level', value: levelLabel(input.data) },
    { label: 'Application', value: application.renewal ? 'Renewal of level 3' : 'New award' },
    { label: 'Scope', value: applicant.scope === 'programme' ? 'A programme of the organisation' : 'The whole organisation' },
    { label: 'Membership network', value: membership?.network ?? '—' },
    { label: 'Membership number', value: membership?.number ?? '—' },
    { label: 'Membership size', value: membership ? sizeName(membership.size) : '—' },
    { label: 'Pack', value: input.packId, whole: true },
    { label: 'Pack date', value: isoDate(input.date) },
    { label: 'Criteria catalogue', value: catalogue ? `${catalogue.id} (${catalogue.version})` : (input.data.catalogue ?? '—'), whole: true },
  ];
  fieldGrid(flow, fields);
  flow.y -= 8;
}

/** Net + VAT = gross in a shaded box on the left; the overall count on the right. */
function feeAndTotals(flow: Flow, input: SummaryInput): void {
  const { page, fonts } = flow;
  const boxWidth = CONTENT_WIDTH * 0.56;
  const fee = input.fee;
  const lines: Array<[string, string, boolean]> = fee
    ? [
        ['Application fee (net of VAT)', formatPounds(fee.netPence), false],
        ...(fee.discountPence > 0 ? [['  of which membership discount', `−${formatPounds(fee.discountPence)}`, false] as [string, string, boolean]] : []),
        [`VAT at ${formatPercent(fee.vatRate)}`, formatPounds(fee.vatPence), false],
        ['Total payable', formatPounds(fee.grossPence), true],
      ]
    : [['Fee', 'not known: no membership size in svmc.yaml', false]];
  const row = 16;
  const height = 30 + lines.length * row;
  flow.ensure(height + 10);
  const top = flow.y;
  page.drawRectangle({ x: PAGE.margin, y: top - height, width: boxWidth, height, color: COLOURS.fill });
  fonts.draw(page, 'FEE (GBP)', { x: PAGE.margin + 12, y: top - 18, size: SIZES.small, style: 'bold', color: COLOURS.muted });
  lines.forEach(([label, value, total], index) => {
    const y = top - 36 - index * row;
    const size = total ? 10.5 : SIZES.body + 0.5;
    const style = total ? 'bold' : 'regular';
    if (total) page.drawLine({ start: { x: PAGE.margin + 12, y: y + row - 4 }, end: { x: PAGE.margin + boxWidth - 12, y: y + row - 4 }, thickness: 0.6, color: COLOURS.rule });
    fonts.draw(page, label, { x: PAGE.margin + 12, y, size, style, color: COLOURS.ink });
    const width = fonts.width(value, style, size);
    fonts.draw(page, value, { x: PAGE.margin + boxWidth - 12 - width, y, size, style, color: COLOURS.ink });
  });
  const { met, required } = input.result.summary.criteria;
  const x = PAGE.margin + boxWidth + 24;
  fonts.draw(page, 'CRITERIA MET', { x, y: top - 18, size: SIZES.small, style: 'bold', color: COLOURS.muted });
  const done = required > 0 && met >= required;
  fonts.draw(page, `${met} / ${required}`, { x, y: top - 52, size: 28, style: 'bold', color: done ? COLOURS.met : COLOURS.brand });
  const note = done ? 'Every required criterion has evidence.' : `${required - met} required criteria still need evidence.`;
  wrapText(note, CONTENT_WIDTH - boxWidth - 24, { fonts, style: 'regular', size: SIZES.body }).forEach((line, index) => {
    fonts.draw(page, line, { x, y: top - 72 - index * SIZES.body * LEADING, size: SIZES.body, style: 'regular', color: COLOURS.text });
  });
  flow.y = top - height - 26;
}

export function drawCover(flow: Flow, input: SummaryInput): void {
  flow.newPage();
  band(flow, input);
  applicant(flow, input);
  details(flow, input);
  feeAndTotals(flow, input);
  sectionTitle(flow, 'Completeness by stage', 120);
  completenessChart(flow, completeness(input.result));
  about(flow);
}

/** What the summary is and how an assessor checks it, at the foot of the cover. */
function about(flow: Flow): void {
  const text =
    'This summary is generated from svmc.yaml and the evidence manifest of the pack. Each evidence file is listed under its ' +
    'criterion with the first 12 hex digits of its SHA-256; the full hashes are in manifest-sha256.txt. The pack is a BagIt ' +
    'bag: check it with svmc verify, or with any BagIt validator and minisign.';
  const height = wrapText(text, CONTENT_WIDTH - 24, { fonts: flow.fonts, style: 'regular', size: SIZES.small + 0.5 }).length * (SIZES.small + 0.5) * LEADING + 30;
  if (!flow.fits(height + 10)) return;
  const top = PAGE.bottom + 10 + height;
  flow.page.drawLine({ start: { x: PAGE.margin, y: top }, end: { x: PAGE.margin + CONTENT_WIDTH, y: top }, thickness: 0.6, color: COLOURS.rule });
  flow.fonts.draw(flow.page, 'ABOUT THIS SUMMARY', { x: PAGE.margin, y: top - 16, size: SIZES.small, style: 'bold', color: COLOURS.muted });
  flow.y = top - 22;
  paragraph(flow, text, { size: SIZES.small + 0.5, color: COLOURS.muted });
}
