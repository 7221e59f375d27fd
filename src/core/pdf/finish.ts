import { createHash } from 'node:crypto';
import type { PDFDocument } from 'pdf-lib';
import { pdfLib } from './pdf-lib.js';
import type { Flow } from './flow.js';
import { isoDate, levelLabel } from './format.js';
import { COLOURS, CONTENT_WIDTH, PAGE, SIZES } from './theme.js';
import type { SummaryInput } from './types.js';
import { fitSize, fitText, wrapText } from './wrap.js';
import { setXmpMetadata } from './xmp.js';

const { degrees, PDFHexString } = pdfLib;

const PRODUCER = 'svmc';
const CREATOR = 'svmc: Social Value Management Certificate applications';
const LANGUAGE = 'en-GB';

/** Running header (not on the cover) and footer with "n / N" on every page. */
export function drawPageFurniture(flow: Flow, input: SummaryInput): void {
  const { fonts } = flow;
  const total = flow.pages.length;
  const measure = { fonts, style: 'regular' as const, size: SIZES.small };
  const organisation = input.data.applicant.organisation;
  flow.pages.forEach((page, index) => {
    const numbers = `${input.draft ? 'DRAFT — NOT FOR SUBMISSION    ' : ''}${index + 1} / ${total}`;
    const numbersWidth = fonts.width(numbers, 'bold', SIZES.small);
    const footerY = PAGE.bottom - 34;
    page.drawLine({ start: { x: PAGE.margin, y: footerY + 12 }, end: { x: PAGE.width - PAGE.margin, y: footerY + 12 }, thickness: 0.5, color: COLOURS.rule });
    // Never cut short: the footer names the pack. Smaller type first, then a second line.
    const footer = `${organisation} · ${levelLabel(input.data)} · pack ${input.packId} · ${isoDate(input.date)}`;
    const room = CONTENT_WIDTH - numbersWidth - 20;
    const size = fitSize(footer, room, measure, 6);
    const lines = size === undefined ? wrapText(footer, room, { ...measure, size: 6 }) : [footer];
    lines.forEach((line, row) => {
      fonts.draw(page, line, { x: PAGE.margin, y: footerY - row * 7.5, size: size ?? 6, style: 'regular', color: COLOURS.muted });
    });
    const colour = input.draft ? COLOURS.watermark : COLOURS.text;
    fonts.draw(page, numbers, { x: PAGE.width - PAGE.margin - numbersWidth, y: footerY, size: SIZES.small, style: 'bold', color: colour });
    if (index === 0) return;
    const headerY = PAGE.height - 34;
    const title = 'Social Value Management Certificate · Criteria and evidence summary';
    const titleWidth = fonts.width(title, 'regular', SIZES.small);
    fonts.draw(page, title, { x: PAGE.margin, y: headerY, size: SIZES.small, style: 'regular', color: COLOURS.muted });
    const name = fitText(organisation, CONTENT_WIDTH - titleWidth - 24, { ...measure, style: 'bold' });
    fonts.draw(page, name, { x: PAGE.width - PAGE.margin - fonts.width(name, 'bold', SIZES.small), y: headerY, size: SIZES.small, style: 'bold', color: COLOURS.text });
  });
}

/** A large diagonal DRAFT across the middle of every page, over the content but faint. */
export function drawWatermark(flow: Flow): void {
  const text = 'DRAFT';
  const size = 130;
  const angle = Math.PI / 4;
  const width = flow.fonts.width(text, 'bold', size);
  const capHeight = size * 0.73;
  const x = PAGE.width / 2 - (width / 2) * Math.cos(angle) + (capHeight / 2) * Math.sin(angle);
  const y = PAGE.height / 2 - (width / 2) * Math.sin(angle) - (capHeight / 2) * Math.cos(angle);
  for (const page of flow.pages) {
    flow.fonts.draw(page, text, { x, y, size, style: 'bold', color: COLOURS.watermark, opacity: 0.13, rotate: degrees(45) });
  }
}

/** Title, author, subject, keywords, fixed producer and dates from the pack date, and a stable /ID. */
export function setMetadata(doc: PDFDocument, input: SummaryInput): void {
  const { data } = input;
  const organisation = data.applicant.organisation;
  const level = `Level ${data.application.level}${data.application.renewal ? ' renewal' : ''}`;
  const date = Number.isNaN(input.date.getTime()) ? new Date(0) : input.date;
  const title = `Social Value Management Certificate — ${organisation} — ${level}`;
  const subject = `Criteria and evidence summary of submission pack ${input.packId}`;
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor(organisation);
  doc.setSubject(subject);
  const catalogue = input.result.catalogue;
  const keywords = ['Social Value Management Certificate', 'SVMC', level, input.packId, ...(catalogue ? [`${catalogue.id}@${catalogue.version}`] : [])].join('; ');
  doc.setKeywords([keywords]);
  doc.setProducer(PRODUCER);
  doc.setCreator(CREATOR);
  doc.setLanguage(LANGUAGE);
  setXmpMetadata(doc, { title, author: organisation, subject, keywords, producer: PRODUCER, creator: CREATOR, language: LANGUAGE, date });
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  // From what names this very document (never from where it was rendered), so verify can render it again.
  const signed = input.signoffs.map((s) => [s.role, s.status, s.keyId ?? '', s.signedAt ?? '']);
  const id = createHash('sha256').update(JSON.stringify([input.packId, date.toISOString(), input.draft, signed])).digest('hex').slice(0, 32);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}
