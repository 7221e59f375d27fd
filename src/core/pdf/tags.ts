import type { PDFArray as PdfArray, PDFDocument, PDFPage, PDFRef } from 'pdf-lib';
import { pdfLib } from './pdf-lib.js';

const { PDFArray, PDFHexString, PDFName, PDFNumber, PDFOperator, PDFOperatorNames: Ops } = pdfLib;

/** The standard structure types the summary uses. */
export type StructRole = 'Document' | 'Sect' | 'H1' | 'H2' | 'H3' | 'P' | 'Table' | 'TR' | 'TH' | 'TD' | 'Figure' | 'L' | 'LI';

/** Elements whose own content is text; anything drawn while a grouping element is open is decoration. */
const HOLDS_CONTENT = new Set<StructRole>(['H1', 'H2', 'H3', 'P', 'TH', 'TD', 'LI', 'Figure']);

export interface StructOptions {
  /** Alternative text, for a figure. */
  alt?: string;
  /** A header cell's scope. */
  scope?: 'Column' | 'Row';
}

interface Marked {
  page: PDFPage;
  mcid: number;
}

class Element {
  readonly kids: (Element | Marked)[] = [];
  constructor(
    readonly role: StructRole,
    readonly parent: Element | undefined,
    readonly options: StructOptions = {},
  ) {}
}

/**
 * The structure tree of a tagged PDF, built while the pages are drawn: every text and drawing
 * goes into a marked-content sequence that belongs to the open element, or is marked as an
 * artifact (rules, shading, running headers, the watermark), so that a screen reader reads the
 * content in order and nothing else.
 */
export class Tags {
  private readonly root = new Element('Document', undefined);
  private current = this.root;
  private decorating = 0;
  private readonly mcids = new Map<PDFPage, Element[]>();

  /** Opens an element under the current one for as long as `draw` runs. */
  struct<T>(role: StructRole, draw: () => T, options: StructOptions = {}): T {
    const element = new Element(role, this.current, options);
    this.current.kids.push(element);
    const outer = this.current;
    this.current = element;
    try {
      return draw();
    } finally {
      this.current = outer;
    }
  }

  /** What `draw` puts on pages is decoration, whatever element is open (a repeated table header, say). */
  artifact<T>(draw: () => T): T {
    this.decorating++;
    try {
      return draw();
    } finally {
      this.decorating--;
    }
  }

  /** Wraps one drawing operation on `page` in the marked content it belongs to. */
  mark(page: PDFPage, text: boolean, draw: () => void): void {
    const figure = this.within('Figure');
    const owner = this.decorating > 0 ? undefined : (figure ?? (text && HOLDS_CONTENT.has(this.current.role) ? this.current : undefined));
    if (!owner) {
      page.pushOperators(PDFOperator.of(Ops.BeginMarkedContent, [PDFName.of('Artifact')]));
    } else {
      const owners = this.mcids.get(page) ?? [];
      this.mcids.set(page, owners);
      const mcid = owners.length;
      owners.push(owner);
      owner.kids.push({ page, mcid });
      // The property list is a dictionary: pdf-lib's operand type leaves it out, but it writes any object.
      page.pushOperators(PDFOperator.of(Ops.BeginMarkedContentSequence, [PDFName.of(owner.role), page.doc.context.obj({ MCID: mcid }) as unknown as PdfArray]));
    }
    draw();
    page.pushOperators(PDFOperator.of(Ops.EndMarkedContent));
  }

  private within(role: StructRole): Element | undefined {
    for (let element: Element | undefined = this.current; element; element = element.parent) if (element.role === role) return element;
    return undefined;
  }

  /** Writes the tree, the parent tree and the marks a tagged PDF carries into the document. */
  write(doc: PDFDocument, pages: PDFPage[]): void {
    const { context } = doc;
    const rootRef = context.nextRef();
    const refs = new Map<Element, PDFRef>();
    const refOf = (element: Element): PDFRef => {
      let ref = refs.get(element);
      if (!ref) refs.set(element, (ref = context.nextRef()));
      return ref;
    };
    const writeElement = (element: Element, parent: PDFRef): void => {
      const ref = refOf(element);
      const kids = element.kids.map((kid) => {
        if (kid instanceof Element) {
          writeElement(kid, ref);
          return refOf(kid);
        }
        return context.obj({ Type: 'MCR', Pg: kid.page.ref, MCID: kid.mcid });
      });
      const dict = context.obj({ Type: 'StructElem', S: element.role, P: parent, K: kids });
      if (element.options.alt !== undefined) dict.set(PDFName.of('Alt'), PDFHexString.fromText(element.options.alt));
      if (element.options.scope) dict.set(PDFName.of('A'), context.obj({ O: 'Table', Scope: element.options.scope }));
      context.assign(ref, dict);
    };
    writeElement(this.root, rootRef);
    const nums = PDFArray.withContext(context);
    pages.forEach((page, index) => {
      page.node.set(PDFName.of('StructParents'), PDFNumber.of(index));
      page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
      nums.push(PDFNumber.of(index));
      nums.push(context.obj((this.mcids.get(page) ?? []).map(refOf)));
    });
    const parentTree = context.register(context.obj({ Nums: nums }));
    context.assign(rootRef, context.obj({ Type: 'StructTreeRoot', K: [refOf(this.root)], ParentTree: parentTree, ParentTreeNextKey: pages.length }));
    doc.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
    doc.catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
  }
}

/** Every drawing method of the page goes through the tags: text as content, shapes as decoration unless in a figure. */
export function tagPage(page: PDFPage, tags: Tags): PDFPage {
  const wrap = <K extends 'drawText' | 'drawRectangle' | 'drawLine' | 'drawSvgPath' | 'drawCircle' | 'drawEllipse'>(name: K, text: boolean): void => {
    const original = page[name].bind(page) as (...args: unknown[]) => void;
    (page as unknown as Record<K, (...args: unknown[]) => void>)[name] = (...args: unknown[]) => tags.mark(page, text, () => original(...args));
  };
  wrap('drawText', true);
  for (const name of ['drawRectangle', 'drawLine', 'drawSvgPath', 'drawCircle', 'drawEllipse'] as const) wrap(name, false);
  return page;
}

