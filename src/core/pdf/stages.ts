import { evidenceRefs } from '../application/evidence-refs.js';
import type { EvidenceItem } from '../application/types.js';
import type { CriterionState } from '../check/types.js';
import { STAGES, STAGE_TITLES, type Stage } from '../domain.js';
import type { Finding } from '../findings.js';
import { badge } from './blocks.js';
import { completeness } from './chart.js';
import type { Flow } from './flow.js';
import { shortHash } from './format.js';
import { table, type TableColumn } from './table.js';
import { ascent, paragraph } from './text-block.js';
import { COLOURS, CONTENT_WIDTH, LEADING, PAGE, SIZES } from './theme.js';
import type { SummaryInput } from './types.js';
import { wrapText } from './wrap.js';

const EVIDENCE_COLUMNS: TableColumn[] = [
  { header: 'File', width: 116 },
  { header: 'Summary', width: CONTENT_WIDTH - 116 - 56 - 60 - 64 },
  { header: 'Date', width: 56 },
  { header: 'Area', width: 60 },
  { header: 'SHA-256', width: 64, style: 'mono' },
];

function hashOf(hashes: Record<string, string>, file: string): string | undefined {
  const path = file.replace(/^\.\//, '');
  return hashes[path] ?? hashes[`data/${path}`];
}

function stageHeader(flow: Flow, input: SummaryInput, stage: Stage, index: number): void {
  const row = completeness(input.result).find((entry) => entry.stage === stage);
  const { page, fonts } = flow;
  const height = 58;
  const top = flow.y + 8;
  page.drawRectangle({ x: PAGE.margin, y: top - height, width: CONTENT_WIDTH, height, color: COLOURS.brandLight });
  page.drawRectangle({ x: PAGE.margin, y: top - height, width: 4, height, color: COLOURS.brand });
  fonts.draw(page, `STAGE ${index + 1} OF ${STAGES.length}`, { x: PAGE.margin + 16, y: top - 19, size: SIZES.small, style: 'bold', color: COLOURS.brandDark });
  fonts.draw(page, STAGE_TITLES[stage], { x: PAGE.margin + 16, y: top - 43, size: 18, style: 'bold', color: COLOURS.ink });
  if (row) {
    const right = PAGE.margin + CONTENT_WIDTH - 16;
    const text = row.required === 0 ? 'no required criteria' : `${row.met} of ${row.required} criteria met`;
    const width = fonts.width(text, 'bold', SIZES.body);
    fonts.draw(page, text, { x: right - width, y: top - 24, size: SIZES.body, style: 'bold', color: COLOURS.ink });
    const share = row.required === 0 ? 0 : row.met / row.required;
    page.drawRectangle({ x: right - 120, y: top - 42, width: 120, height: 7, color: COLOURS.white });
    if (share > 0) page.drawRectangle({ x: right - 120, y: top - 42, width: 120 * Math.min(1, share), height: 7, color: share >= 1 ? COLOURS.met : COLOURS.brand });
  }
  flow.y = top - height - 18;
}

function criterionHeading(flow: Flow, state: CriterionState): void {
  const { fonts } = flow;
  const idWidth = Math.max(fonts.width(state.criterion.id, 'bold', SIZES.h3) + 10, 58);
  const titleWidth = CONTENT_WIDTH - idWidth - 78;
  const lines = wrapText(state.criterion.title, titleWidth, { fonts, style: 'bold', size: SIZES.h3 });
  flow.ensure(lines.length * SIZES.h3 * LEADING + 70);
  const top = flow.y;
  fonts.draw(flow.page, state.criterion.id, { x: PAGE.margin, y: top - ascent(SIZES.h3), size: SIZES.h3, style: 'bold', color: COLOURS.brand });
  lines.forEach((line, index) => {
    const y = top - ascent(SIZES.h3) - index * SIZES.h3 * LEADING;
    fonts.draw(flow.page, line, { x: PAGE.margin + idWidth, y, size: SIZES.h3, style: 'bold', color: COLOURS.ink });
  });
  const colours = state.met ? { fg: COLOURS.met, bg: COLOURS.metLight } : { fg: COLOURS.missing, bg: COLOURS.missingLight };
  badge(flow, state.met ? 'MET' : 'MISSING', PAGE.margin + CONTENT_WIDTH, top + 1, colours);
  flow.y -= lines.length * SIZES.h3 * LEADING + 3;
}

function criterionBlock(flow: Flow, input: SummaryInput, state: CriterionState, evidence: EvidenceItem[], findings: Finding[]): void {
  criterionHeading(flow, state);
  const indent = { x: PAGE.margin, size: SIZES.body - 0.5 };
  paragraph(flow, state.criterion.description, { ...indent, color: COLOURS.text, after: 5 });
  for (const finding of findings) {
    const colour = finding.severity === 'error' ? COLOURS.missing : COLOURS.amber;
    paragraph(flow, `${finding.severity === 'error' ? 'Error' : 'Note'} (${finding.code}): ${finding.message}`, { ...indent, color: colour, after: 3 });
  }
  if (evidence.length === 0) {
    paragraph(flow, 'No evidence is mapped to this criterion.', { ...indent, style: 'bold', color: COLOURS.missing, after: 4 });
  } else {
    const rows = evidence.map((item) => [
      item.file,
      item.summary ?? '',
      item.date ?? '',
      item.area ?? '',
      shortHash(hashOf(input.hashes, item.file)),
    ]);
    flow.y -= 2;
    table(flow, EVIDENCE_COLUMNS, rows);
  }
  flow.y -= 18;
}

/** One section per stage, each starting on a new page: every criterion of the level with its evidence. */
export function drawStages(flow: Flow, input: SummaryInput): void {
  const evidence = evidenceByCriterion(input);
  STAGES.forEach((stage, index) => {
    const criteria = input.result.criteria.filter((state) => state.criterion.stage === stage);
    flow.continuation = () => {
      flow.fonts.draw(flow.page, `${STAGE_TITLES[stage]} (continued)`, { x: PAGE.margin, y: flow.y - ascent(SIZES.body), size: SIZES.body, style: 'bold', color: COLOURS.muted });
      flow.y -= SIZES.body * LEADING + 10;
    };
    flow.newPage();
    stageHeader(flow, input, stage, index);
    if (criteria.length === 0) paragraph(flow, 'The catalogue has no criteria for this stage at this level.', { size: SIZES.body, color: COLOURS.muted });
    for (const state of criteria) {
      const findings = input.result.findings.filter((finding) => finding.criterion === state.criterion.id && finding.severity !== 'info');
      criterionBlock(flow, input, state, evidence.get(`${stage}/${state.criterion.id}`) ?? [], findings);
    }
  });
  flow.continuation = undefined;
}

/** The evidence items svmc.yaml maps, by `stage/criterion`. */
function evidenceByCriterion(input: SummaryInput): Map<string, EvidenceItem[]> {
  const items = new Map<string, EvidenceItem[]>();
  for (const ref of evidenceRefs(input.data)) {
    const key = `${ref.stage}/${ref.criterion}`;
    const list = items.get(key) ?? [];
    list.push(ref.item);
    items.set(key, list);
  }
  return items;
}
