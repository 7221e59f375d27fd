import type { FormModel } from '../form/model.js';
import { fieldGrid, sectionTitle } from './blocks.js';
import type { Flow } from './flow.js';
import { shortHash } from './format.js';
import { table } from './table.js';
import { paragraph } from './text-block.js';
import { COLOURS, CONTENT_WIDTH, SIZES } from './theme.js';

/** A draft's first page: every error that stands between it and a submission. */
export function drawBlockers(flow: Flow, model: FormModel): void {
  if (!model.blockers) return;
  flow.newPage();
  flow.tags.struct('Sect', () => {
    sectionTitle(flow, 'Draft: what stands between this and a submission', 60, 'H1');
    const count = model.blockers?.length ?? 0;
    const intro =
      count === 0
        ? 'The application has no errors. Sign it off and pack it without --draft to submit it.'
        : `This is a draft. ${count === 1 ? 'One error needs' : `${count} errors need`} fixing before it can be packed and signed for submission.`;
    paragraph(flow, intro, { size: SIZES.body, color: COLOURS.text, after: 10 });
    if (count === 0) return;
    const rows = (model.blockers ?? []).map((finding) => [finding.code, finding.criterion ?? finding.location?.file ?? '', finding.message]);
    table(flow, [{ header: 'Code', width: 130, style: 'mono', whole: true }, { header: 'Where', width: 90, whole: true }, { header: 'Error', width: CONTENT_WIDTH - 220 }], rows);
  });
}

/** Prerequisites, representatives and, at level 3, the spread of evidence: the form's front matter. */
export function drawFormDetails(flow: Flow, model: FormModel): void {
  flow.newPage();
  flow.tags.struct('Sect', () => {
    sectionTitle(flow, 'Prerequisites', 80);
    fieldGrid(
      flow,
      model.prerequisites.map((item) => ({ label: item.label, value: item.hash ? `${item.value} (SHA-256 ${shortHash(item.hash)})` : item.value, whole: item.path === true })),
      2,
    );
    const missing = model.prerequisites.filter((item) => item.missing).map((item) => item.label.toLowerCase());
    if (missing.length > 0) paragraph(flow, `Not yet recorded in svmc.yaml: ${missing.join('; ')}.`, { size: SIZES.body, color: COLOURS.amber, after: 4 });
    flow.y -= 14;
  });
  flow.tags.struct('Sect', () => {
    sectionTitle(flow, 'Representatives', 60);
    const rows = model.representatives.map((person) => [person.title, person.name, person.jobTitle ?? '—', person.email ?? '—']);
    table(flow, [{ header: 'Role', width: 120 }, { header: 'Name', width: 120 }, { header: 'Job title', width: 110 }, { header: 'Email', width: CONTENT_WIDTH - 350, whole: true }], rows, { size: SIZES.body - 0.5 });
    flow.y -= 24;
  });
  if (model.spread) drawSpread(flow, model.spread);
}

function drawSpread(flow: Flow, spread: NonNullable<FormModel['spread']>): void {
  flow.tags.struct('Sect', () => {
    sectionTitle(flow, 'Evidence by area and occasion', 80);
    paragraph(flow, 'Level 3 asks for evidence from more than one area of the organisation and more than one occasion. Each cell names the criteria with evidence from that area on that date.', {
      size: SIZES.body,
      color: COLOURS.text,
      after: 8,
    });
    if (spread.areas.length === 0) {
      paragraph(flow, 'No evidence item names both an area and a date.', { size: SIZES.body, style: 'bold', color: COLOURS.missing });
      return;
    }
    const first = 62;
    const width = (CONTENT_WIDTH - first) / spread.areas.length;
    const columns = [{ header: 'Occasion', width: first, whole: true }, ...spread.areas.map((area) => ({ header: area, width }))];
    const rows = spread.occasions.map((occasion, index) => [occasion, ...(spread.cells[index] ?? []).map((ids) => ids.join(', '))]);
    table(flow, columns, rows, { size: spread.areas.length > 6 ? SIZES.table - 1 : SIZES.table });
    if (spread.unplaced > 0) {
      flow.y -= 4;
      paragraph(flow, `${spread.unplaced} evidence ${spread.unplaced === 1 ? 'item names' : 'items name'} no area or no date and ${spread.unplaced === 1 ? 'is' : 'are'} not shown here.`, { size: SIZES.small, color: COLOURS.muted });
    }
  });
}
