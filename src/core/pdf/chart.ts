import type { ApplicationResult } from '../check/types.js';
import { STAGES, STAGE_TITLES, type Stage } from '../domain.js';
import type { Flow } from './flow.js';
import { COLOURS, CONTENT_WIDTH, PAGE, SIZES } from './theme.js';

export interface StageCompleteness {
  stage: Stage;
  title: string;
  met: number;
  required: number;
}

/** Met and required criteria per stage; a criterion that is not required counts only when met. */
export function completeness(result: ApplicationResult): StageCompleteness[] {
  return STAGES.map((stage) => {
    const criteria = result.criteria.filter((state) => state.criterion.stage === stage);
    const required = criteria.filter((state) => state.criterion.required);
    return {
      stage,
      title: STAGE_TITLES[stage],
      met: required.filter((state) => state.met).length,
      required: required.length,
    };
  });
}

const ROW = 20;
const BAR = 11;
const LABEL_WIDTH = 110;
const VALUE_WIDTH = 60;

/** Horizontal bars of met / required per stage, drawn as vectors, with a 0–100% scale. */
export function completenessChart(flow: Flow, rows: StageCompleteness[]): void {
  const height = rows.length * ROW + 18;
  flow.ensure(height);
  const left = PAGE.margin + LABEL_WIDTH;
  const width = CONTENT_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const top = flow.y;
  const bottom = top - rows.length * ROW;
  const alt = `Bar chart of required criteria met by stage: ${rows.map((row) => `${row.title} ${row.required === 0 ? 'none required' : `${row.met} of ${row.required}`}`).join('; ')}.`;
  flow.tags.struct('Figure', () => bars(flow, rows, { left, width, top, bottom }), { alt });
  flow.y = bottom - 18;
}

function bars(flow: Flow, rows: StageCompleteness[], box: { left: number; width: number; top: number; bottom: number }): void {
  const { page, fonts } = flow;
  const { left, width, top, bottom } = box;
  for (const step of [0, 0.25, 0.5, 0.75, 1]) {
    const x = left + width * step;
    page.drawLine({ start: { x, y: top }, end: { x, y: bottom }, thickness: 0.4, color: COLOURS.rule, dashArray: step === 0 ? undefined : [2, 2] });
    const label = `${step * 100}%`;
    const labelWidth = fonts.width(label, 'regular', SIZES.small - 0.5);
    fonts.draw(page, label, { x: x - labelWidth / 2, y: bottom - 10, size: SIZES.small - 0.5, style: 'regular', color: COLOURS.muted });
  }
  rows.forEach((row, index) => {
    const y = top - index * ROW - (ROW + BAR) / 2;
    fonts.draw(page, row.title, { x: PAGE.margin, y: y + 2, size: SIZES.body, style: 'regular', color: COLOURS.ink });
    page.drawRectangle({ x: left, y, width, height: BAR, color: COLOURS.fill });
    const share = row.required === 0 ? 0 : Math.min(1, row.met / row.required);
    const done = row.required > 0 && row.met >= row.required;
    if (share > 0) page.drawRectangle({ x: left, y, width: width * share, height: BAR, color: done ? COLOURS.met : COLOURS.brand });
    const value = row.required === 0 ? 'none required' : `${row.met} / ${row.required}`;
    fonts.draw(page, value, { x: left + width + 8, y: y + 2, size: SIZES.body, style: 'bold', color: done ? COLOURS.met : COLOURS.ink });
  });
}
