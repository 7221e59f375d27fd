import { STAGES, STAGE_TITLES, type Stage } from '../domain.js';
import { type FormCriterion, type FormModel, formModel } from '../form/model.js';
import { badge } from './blocks.js';
import { completeness } from './chart.js';
import type { Flow } from './flow.js';
import { shortHash } from './format.js';
import { table, type TableColumn } from './table.js';
import { ascent, paragraph } from './text-block.js';
import { COLOURS, CONTENT_WIDTH, LEADING, PAGE, SIZES } from './theme.js';
import type { SummaryInput } from './types.js';
import { wrapText } from './wrap.js';

/** Each item's path runs across the table above its cells, so that it is never cut short. */
const EVIDENCE_COLUMNS: TableColumn[] = [
  { header: 'File / Summary', width: CONTENT_WIDTH - 96 - 52 - 60 - 64 },
  { header: 'Where in the file', width: 96 },
  { header: 'Date', width: 52, whole: true },
  { header: 'Area', width: 60 },
  { header: 'SHA-256', width: 64, style: 'mono', whole: true },
];

function stageHeader(flow: Flow, input: SummaryInput, stage: Stage, index: number): void {
  const row = completeness(input.result).find((entry) => entry.stage === stage);
  const { page, fonts } = flow;
  const height = 58;
  const top = flow.y + 8;
  page.drawRectangle({ x: PAGE.margin, y: top - height, width: CONTENT_WIDTH, height, color: COLOURS.brandLight });
  page.drawRectangle({ x: PAGE.margin, y: top - height, width: 4, height, color: COLOURS.brand });
  fonts.draw(page, `STAGE ${index + 1} OF ${STAGES.length}`, { x: PAGE.margin + 16, y: top - 19, size: SIZES.small, style: 'bold', color: COLOURS.brandDark });
  flow.tags.struct('H1', () => fonts.draw(page, STAGE_TITLES[stage], { x: PAGE.margin + 16, y: top - 43, size: 18, style: 'bold', color: COLOURS.ink }));
  if (row) {
    const right = PAGE.margin + CONTENT_WIDTH - 16;
    const text = row.required === 0 ? 'no required criteria' : `${row.met} of ${row.required} criteria met`;
    const width = fonts.width(text, 'bold', SIZES.body);
    flow.tags.struct('P', () => fonts.draw(page, text, { x: right - width, y: top - 24, size: SIZES.body, style: 'bold', color: COLOURS.ink }));
    const share = row.required === 0 ? 0 : row.met / row.required;
    page.drawRectangle({ x: right - 120, y: top - 42, width: 120, height: 7, color: COLOURS.white });
    if (share > 0) page.drawRectangle({ x: right - 120, y: top - 42, width: 120 * Math.min(1, share), height: 7, color: share >= 1 ? COLOURS.met : COLOURS.brand });
  }
  flow.y = top - height - 18;
}

function criterionHeading(flow: Flow, entry: FormCriterion): void {
  const { fonts } = flow;
  const { criterion } = entry;
  const idWidth = Math.max(fonts.width(criterion.id, 'bold', SIZES.h3) + 10, 58);
  const titleWidth = CONTENT_WIDTH - idWidth - 78;
  const lines = wrapText(criterion.title, titleWidth, { fonts, style: 'bold', size: SIZES.h3 });
  flow.ensure(lines.length * SIZES.h3 * LEADING + 70);
  const top = flow.y;
  flow.tags.struct('H3', () => {
    fonts.draw(flow.page, `${criterion.id} `, { x: PAGE.margin, y: top - ascent(SIZES.h3), size: SIZES.h3, style: 'bold', color: COLOURS.brand });
    lines.forEach((line, index) => {
      const y = top - ascent(SIZES.h3) - index * SIZES.h3 * LEADING;
      fonts.draw(flow.page, line, { x: PAGE.margin + idWidth, y, size: SIZES.h3, style: 'bold', color: COLOURS.ink });
    });
  });
  const colours = entry.met ? { fg: COLOURS.met, bg: COLOURS.metLight } : { fg: COLOURS.missing, bg: COLOURS.missingLight };
  flow.tags.struct('P', () => badge(flow, entry.met ? 'MET' : 'MISSING', PAGE.margin + CONTENT_WIDTH, top + 1, colours));
  flow.y -= lines.length * SIZES.h3 * LEADING + 3;
}

/** A small heading kept with what follows it: a line of text, or a table's header and first row. */
function label(flow: Flow, text: string, keep = 30): void {
  flow.ensure(SIZES.small * LEADING + keep);
  flow.tags.struct('P', () => flow.fonts.draw(flow.page, text.toUpperCase(), { x: PAGE.margin, y: flow.y - ascent(SIZES.small), size: SIZES.small, style: 'bold', color: COLOURS.muted }));
  flow.y -= SIZES.small * LEADING + 1;
}

function criterionBlock(flow: Flow, entry: FormCriterion): void {
  criterionHeading(flow, entry);
  const indent = { x: PAGE.margin, size: SIZES.body - 0.5 };
  paragraph(flow, entry.criterion.description, { ...indent, color: COLOURS.muted, after: 6 });
  label(flow, 'How the applicant meets it');
  if (entry.statement) paragraph(flow, entry.statement, { ...indent, size: SIZES.body, color: COLOURS.ink, after: 6 });
  else paragraph(flow, 'No statement is given.', { ...indent, style: 'bold', color: entry.criterion.required ? COLOURS.amber : COLOURS.muted, after: 6 });
  for (const finding of entry.findings) {
    const colour = finding.severity === 'error' ? COLOURS.missing : COLOURS.amber;
    paragraph(flow, `${finding.severity === 'error' ? 'Error' : 'Note'} (${finding.code}): ${finding.message}`, { ...indent, color: colour, after: 3 });
  }
  if (entry.evidence.length === 0) {
    paragraph(flow, 'No evidence is mapped to this criterion.', { ...indent, style: 'bold', color: COLOURS.missing, after: 4 });
  } else {
    label(flow, 'Evidence', 60);
    const rows = entry.evidence.map((item) => [item.summary ?? '', item.locator ?? '', item.date ?? '', item.area ?? '', shortHash(item.sha256)]);
    table(flow, EVIDENCE_COLUMNS, rows, { lead: (row) => entry.evidence[row]?.file ?? '' });
  }
  flow.y -= 18;
}

/** One section per stage, each starting on a new page: every criterion of the level with its statement and evidence. */
export function drawStages(flow: Flow, input: SummaryInput, model: FormModel = formModel(input)): void {
  model.stages.forEach(({ stage, criteria }, index) => {
    flow.continuation = () => {
      flow.fonts.draw(flow.page, `${STAGE_TITLES[stage]} (continued)`, { x: PAGE.margin, y: flow.y - ascent(SIZES.body), size: SIZES.body, style: 'bold', color: COLOURS.muted });
      flow.y -= SIZES.body * LEADING + 10;
    };
    flow.newPage();
    flow.tags.struct('Sect', () => {
      stageHeader(flow, input, stage, index);
      if (criteria.length === 0) paragraph(flow, 'The catalogue has no criteria for this stage at this level.', { size: SIZES.body, color: COLOURS.muted });
      for (const entry of criteria) flow.tags.struct('Sect', () => criterionBlock(flow, entry));
    });
  });
  flow.continuation = undefined;
}
