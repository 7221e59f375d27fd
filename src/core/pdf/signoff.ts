import type { Color } from 'pdf-lib';
import { signoffFor } from '../form/model.js';
import { ROLES, ROLE_TITLES } from '../domain.js';
import { badge, sectionTitle } from './blocks.js';
import type { Flow } from './flow.js';
import { isoTime } from './format.js';
import { table } from './table.js';
import { ascent, paragraph, paragraphHeight } from './text-block.js';
import { COLOURS, CONTENT_WIDTH, LEADING, PAGE, SIZES } from './theme.js';
import type { SignoffSummary, SummaryInput } from './types.js';
import { wrapText } from './wrap.js';

const STATUS: Record<SignoffSummary['status'], { label: string; note: string; fg: Color; bg: Color }> = {
  verified: { label: 'VERIFIED', note: 'The signature matches the evidence manifest of this pack.', fg: COLOURS.met, bg: COLOURS.metLight },
  invalid: { label: 'INVALID', note: 'The signature does not verify against this pack.', fg: COLOURS.missing, bg: COLOURS.missingLight },
  stale: { label: 'STALE', note: 'The evidence changed after this sign-off; it must be signed again.', fg: COLOURS.amber, bg: COLOURS.amberLight },
  missing: { label: 'NOT SIGNED', note: 'No sign-off has been recorded for this role.', fg: COLOURS.muted, bg: COLOURS.fill },
  draft: { label: 'DRAFT', note: 'A draft pack: sign-offs are not checked.', fg: COLOURS.brandDark, bg: COLOURS.brandLight },
};

interface CardLine {
  text: string;
  size: number;
  style: 'regular' | 'bold' | 'mono';
  color: Color;
  gap: number;
}

function cardLines(signoff: SignoffSummary): CardLine[] {
  const status = STATUS[signoff.status];
  const line = (text: string, size: number, style: CardLine['style'], color: Color, gap = 2): CardLine => ({ text, size, style, color, gap });
  return [
    line(ROLE_TITLES[signoff.role].toUpperCase(), SIZES.small, 'bold', COLOURS.muted, 6),
    line(signoff.name, 12, 'bold', COLOURS.ink),
    ...(signoff.jobTitle ? [line(signoff.jobTitle, SIZES.body, 'regular', COLOURS.text)] : []),
    line('', 4, 'regular', COLOURS.text, 4),
    line(`Key id: ${signoff.keyId ?? '—'}`, SIZES.body - 0.5, 'mono', COLOURS.text),
    line(`Signed: ${isoTime(signoff.signedAt)}`, SIZES.body - 0.5, 'regular', COLOURS.text, 6),
    line(status.note, SIZES.body - 0.5, 'regular', status.fg),
  ];
}

/** Both representatives side by side: names, roles, key ids, signing times and whether each verified. */
function signoffCards(flow: Flow, input: SummaryInput): void {
  const gap = 16;
  const width = (CONTENT_WIDTH - gap) / 2;
  const inner = width - 28;
  const cards = ROLES.map((role) => signoffFor(input, role)).map((signoff) => ({ signoff, lines: cardLines(signoff) }));
  const heightOf = (lines: CardLine[]): number =>
    lines.reduce((sum, line) => sum + paragraphHeight(flow, line.text, line.text ? inner - (line === lines[0] ? 70 : 0) : inner, line.size, line.style) + line.gap, 0);
  const height = Math.max(...cards.map((card) => heightOf(card.lines))) + 26;
  flow.ensure(height + 10);
  const top = flow.y;
  cards.forEach(({ signoff, lines }, index) => {
    const x = PAGE.margin + index * (width + gap);
    const status = STATUS[signoff.status];
    flow.page.drawRectangle({ x, y: top - height, width, height, borderColor: COLOURS.rule, borderWidth: 0.8, color: COLOURS.white });
    flow.page.drawRectangle({ x, y: top - 4, width, height: 4, color: status.fg });
    badge(flow, status.label, x + width - 12, top - 12, status);
    let y = top - 16;
    flow.tags.struct('P', () => {
      for (const line of lines) {
        const max = line === lines[0] ? inner - 70 : inner;
        for (const text of line.text ? wrapText(line.text, max, { fonts: flow.fonts, style: line.style, size: line.size }) : ['']) {
          if (text) flow.fonts.draw(flow.page, text, { x: x + 14, y: y - ascent(line.size), size: line.size, style: line.style, color: line.color });
          y -= line.size * LEADING;
        }
        y -= line.gap;
      }
    });
  });
  flow.y = top - height - 24;
}

function priorAwards(flow: Flow, input: SummaryInput): void {
  sectionTitle(flow, 'Prior awards', 40);
  const awards = input.data.application.previousAwards ?? [];
  if (awards.length === 0) {
    paragraph(flow, 'No earlier award is cited.', { size: SIZES.body, color: COLOURS.muted, after: 20 });
    return;
  }
  const rows = awards.map((award) => [`Level ${award.level}`, award.awarded, award.reference ?? '—']);
  table(flow, [{ header: 'Level', width: 90 }, { header: 'Awarded', width: 110 }, { header: 'Reference', width: CONTENT_WIDTH - 200 }], rows, { size: SIZES.body - 0.5 });
  flow.y -= 24;
}

export function drawSignoffs(flow: Flow, input: SummaryInput): void {
  flow.newPage();
  sectionTitle(flow, 'Sign-off', 140);
  paragraph(flow, 'Every piece of evidence is signed off by both representatives. Each signature covers the evidence manifest of this pack and can be checked with minisign.', {
    size: SIZES.body,
    color: COLOURS.text,
    after: 10,
  });
  signoffCards(flow, input);
  priorAwards(flow, input);
}
