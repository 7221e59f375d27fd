import type { PDFDocument, PDFPage } from 'pdf-lib';
import type { FontSet } from './font-set.js';
import { tagPage, Tags } from './tags.js';
import { PAGE } from './theme.js';

/**
 * The pages being written and where the next block goes. `y` is the top of the free space,
 * falling as blocks are placed; a block that does not fit moves to a new page.
 */
export class Flow {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = 0;
  /** The structure tree that the drawing fills. */
  readonly tags = new Tags();
  /** Drawn at the top of each new page that continues a section. */
  continuation?: () => void;

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: FontSet,
  ) {}

  get bottom(): number {
    return PAGE.bottom;
  }

  /** The height a block may have on an empty page. */
  get pageSpace(): number {
    return PAGE.height - PAGE.top - PAGE.bottom;
  }

  newPage(continued = false): void {
    this.page = tagPage(this.doc.addPage([PAGE.width, PAGE.height]), this.tags);
    this.pages.push(this.page);
    this.y = PAGE.height - PAGE.top;
    if (continued && this.continuation) this.tags.artifact(this.continuation);
  }

  /** Starts a new page unless `height` fits below `y`; true if it did. */
  ensure(height: number): boolean {
    if (this.y - height >= this.bottom) return false;
    this.newPage(true);
    return true;
  }

  /** Whether `height` fits below `y` on this page. */
  fits(height: number): boolean {
    return this.y - height >= this.bottom;
  }
}
