// What every NetDesk printable form shares: the page frame (margins, running title, printed date,
// "第 1 页 / 共 N 页"), the form title, text that wraps and flows onto the next page, tables whose
// header repeats on each page, and signature blocks for the wet signatures that make the paper the
// legal record. Forms (directory, repair card, work request, sign-in sheet, KPI report) draw through
// a FormDocument and list the fixed strings they use, so the caller can subset the font to exactly
// the characters printed and warn about missing glyphs before anything is drawn.
import { zlibSync } from 'fflate';
import { jsPDF } from 'jspdf';
import { bytesToBinaryString, type PdfFont } from './font';
import { chinaDay } from '../time/china';

export type Paper = 'a4' | 'a5';
export const PAPERS: readonly Paper[] = ['a4', 'a5'];

const PT_TO_MM = 25.4 / 72;
const LINE_FACTOR = 1.35;

/** Sizes per paper, in points for type and millimetres for space. */
const PAPER_STYLE: Record<Paper, { margin: number; body: number; title: number; small: number }> = {
  a4: { margin: 15, body: 10, title: 18, small: 8 },
  a5: { margin: 10, body: 8.5, title: 14, small: 7 },
};

/** Calendar date in China time as written on paper: 2026年11月27日. */
export function formatChineseDate(at: Date): string {
  const [y, m, d] = chinaDay(at).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function pageNumberText(page: number, pages: number): string {
  return `第 ${page} 页 / 共 ${pages} 页`;
}

export function printedDateText(now: Date): string {
  return `打印日期：${formatChineseDate(now)}`;
}

/** The line a person signs on: `部门负责人签字：________ 日期：____年__月__日`. */
export function signatureLineText(caption: string): string {
  return `${caption}签字：______________    日期：______年____月____日`;
}

/** The caption of a signature box (drawSignatureRow): `部门负责人签字：`. */
export function signatureCaptionText(caption: string): string {
  return `${caption}签字：`;
}

/** The date line at the foot of a signature box, written in by hand. */
// Ideographic spaces (U+3000) leave room to write the numbers in by hand.
export const SIGNATURE_DATE_TEXT = '日期：\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日';

const CONTINUED = '（续）';
/** Between the running title or footer and the sheet's number. */
const RUNNING_GAP = '\u3000\u3000';
/** Space inside ruled cells, in mm. */
const CELL_PAD: Record<'normal' | 'dense', number> = { normal: 1.2, dense: 0.6 };
/** Line spacing as a multiple of the type size. */
const LINE_SPACING: Record<'normal' | 'dense', number> = { normal: LINE_FACTOR, dense: 1.22 };
/** Height of a signature box: room for a wet signature and the date line under it. */
const SIGNATURE_ROW_HEIGHT: Record<Paper, Record<'normal' | 'dense', number>> = {
  a4: { normal: 24, dense: 20 },
  a5: { normal: 18, dense: 14 },
};
/** Width of the label cell of drawLabeledText, as a share of the content width. */
const LABEL_SHARE = 0.15;

/** Every fixed string the frame itself draws, for font subsetting (digits cover any page count and date). */
export function frameText(title: string): string {
  return [title + CONTINUED, RUNNING_GAP, pageNumberText(0, 0), '0123456789', '打印日期：年月日'].join('\n');
}

export interface TableColumn {
  header: string;
  /** Share of the content width (columns are scaled to fill it). */
  weight: number;
  align?: 'left' | 'center';
}

export interface TableOptions {
  /** Draw the header row at the top and again on every page the table continues onto. */
  header?: boolean;
  /**
   * Grouping columns, outermost first: a cell is left blank while it and every grouping column
   * before it repeat the row above on the same page (a department and its head down the group).
   * They are printed again at the top of each new page.
   */
  blankRepeatsIn?: number[];
  fontSize?: number;
}

export interface FormDocumentOptions {
  font: PdfFont;
  paper: Paper;
  now: Date;
  /** The form's title: drawn large on page 1 and small atop every following page. */
  title: string;
  /**
   * The form's identifying number (a card number), printed at the foot of every page and atop
   * every continuation page, so a loose second sheet still says which card it belongs to.
   */
  reference?: string;
}

/**
 * The font as the binary string jsPDF's file system takes, kept per font object: the renderer
 * hands the same kept subset to every reprint, and converting it again is wasted work.
 */
const fontFileStrings = new WeakMap<Uint8Array, string>();
function fontFileString(bytes: Uint8Array): string {
  let text = fontFileStrings.get(bytes);
  if (text === undefined) {
    text = bytesToBinaryString(bytes);
    fontFileStrings.set(bytes, text);
  }
  return text;
}

/** How tightly a form is set: `dense` takes a point off the type and trims cell padding. */
export type Density = 'normal' | 'dense';

/** What kind of thing a unit of the page is, for the rules that keep things together. */
export type UnitKind = 'content' | 'heading' | 'signature';

/** Where one unit (a table row, a labelled text, a heading, a signature row) ended up. */
export interface PlacedUnit {
  kind: UnitKind;
  /** The pages (of its sheet, from 1) its first and last lines are on. */
  startPage: number;
  endPage: number;
}

/** What a measuring pass found: how many pages the sheet takes and where each unit landed. */
export interface Measurement {
  pages: number;
  units: PlacedUnit[];
}

/**
 * Where to start a fresh page so that signatures never stand alone on a page, nor with one row
 * pushed over after them: the last two rows before the signatures move over with them (only the
 * last, when the one before it runs over two pages), and a heading moves with the rows it heads.
 * A page that holds the end of a long text run over from the page before is left as it is.
 * Returns the index of the unit to break before, or undefined when nothing needs moving.
 */
export function keepSignaturesWithContent(units: readonly PlacedUnit[]): number | undefined {
  const whole = (u: PlacedUnit | undefined) => u?.kind === 'content' && u.startPage === u.endPage;
  for (let i = 1; i < units.length; i++) {
    const unit = units[i]!;
    if (unit.kind !== 'signature' || units[i - 1]!.kind === 'signature') continue;
    // A signature row is never split, so its last page is the page it is on.
    const page = unit.endPage;
    const content = units.slice(0, i).filter((u) => u.kind === 'content');
    const withIt = content.filter((u) => u.endPage === page);
    // Everything is on this page already, or enough of it, or a long text runs over onto it.
    if (withIt.length === content.length || withIt.length >= 2) continue;
    if (withIt.length === 1 && withIt[0]!.startPage < page) continue;
    let k = i - 1;
    if (whole(units[k]) && whole(units[k - 1])) k--;
    while (k > 0 && units[k - 1]!.kind === 'heading') k--;
    return k;
  }
  return undefined;
}

/**
 * Draw a sheet the first way in `fits` (roomiest first) that keeps it to one page, or else the way
 * that takes fewest pages (the roomier on a tie), with signatures kept with what they sign.
 */
export function layoutOnFewestPages<F extends { density: Density }>(
  doc: FormDocument,
  fits: readonly F[],
  draw: (fit: F) => void,
): void {
  let best: { fit: F; pages: number } | undefined;
  for (const fit of fits) {
    doc.setDensity(fit.density);
    const { pages } = doc.measure(() => draw(fit));
    if (!best || pages < best.pages) best = { fit, pages };
    if (pages === 1) break;
  }
  if (!best) return;
  const { fit } = best;
  doc.setDensity(fit.density);
  doc.layoutSheet(() => draw(fit));
}

interface Sheet {
  firstPage: number;
  reference: string;
}

/** A PDF being drawn top to bottom with a cursor `y` (millimetres from the top edge). */
export class FormDocument {
  readonly pdf: jsPDF;
  readonly paper: Paper;
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly margin: number;
  bodySize: number;
  smallSize: number;
  titleSize: number;
  /** Space inside a table cell or labelled-text cell, above, below and beside the text. */
  cellPad: number;
  density: Density = 'normal';
  /** Cursor: where the next thing is drawn. */
  y: number;
  /** True while a measuring pass runs: everything is laid out, nothing is drawn. */
  measuring = false;
  /** Page of the current sheet the cursor is on, from 1 (counted in measuring passes too). */
  private sheetPage = 1;
  /** Where the content of the current page starts (below the running title). */
  private pageTop: number;
  private readonly title: string;
  private readonly now: Date;
  private readonly fontName: string;
  private readonly sheets: Sheet[];
  /** Units to begin on a fresh page, by index within the sheet (see layoutSheet). */
  private breaks = new Set<number>();
  private unitCount = 0;
  private placed: PlacedUnit[] = [];
  /** The page the current unit first drew on (a row may turn the page before drawing). */
  private unitStartPage: number | undefined;

  constructor(options: FormDocumentOptions) {
    const { font, paper, now, title } = options;
    this.paper = paper;
    this.title = title;
    this.now = now;
    this.fontName = font.name;
    this.sheets = [{ firstPage: 1, reference: options.reference ?? '' }];
    useFastCompression();
    this.pdf = new jsPDF({ unit: 'mm', format: paper, orientation: 'portrait', compress: true });
    // Only the regular weight is registered; jsPDF would otherwise fall back to Helvetica (no
    // Chinese) when asked for bold.
    const file = `${font.name}.ttf`;
    this.pdf.addFileToVFS(file, fontFileString(font.bytes));
    this.pdf.addFont(file, font.name, 'normal');
    this.pdf.setFont(font.name, 'normal');
    this.pdf.setDocumentProperties({ title, creator: 'NetDesk 网管工作台' });
    // A fixed creation date and file id make the same ledger print to the same bytes.
    this.pdf.setCreationDate(now);
    this.pdf.setFileId(fileIdFor(title, now));
    this.pdf.setLineWidth(0.2);

    const style = PAPER_STYLE[paper];
    this.margin = style.margin;
    this.bodySize = style.body;
    this.smallSize = style.small;
    this.titleSize = style.title;
    this.cellPad = CELL_PAD.normal;
    this.pageWidth = this.pdf.internal.pageSize.getWidth();
    this.pageHeight = this.pdf.internal.pageSize.getHeight();
    this.y = this.margin;
    this.pageTop = this.y;
  }

  get contentLeft(): number {
    return this.margin;
  }
  get contentWidth(): number {
    return this.pageWidth - 2 * this.margin;
  }
  /** Lowest y content may reach: the footer (date, number, page) lives below it. */
  get contentBottom(): number {
    return this.pageHeight - this.margin - PAPER_STYLE[this.paper].small * PT_TO_MM * LINE_FACTOR - 2;
  }
  /** The identifying number of the current sheet (a card number), printed on each of its pages. */
  get reference(): string {
    return this.sheets[this.sheets.length - 1]!.reference;
  }

  /** Set type and padding for what is drawn next (the footer keeps its size). */
  setDensity(density: Density): void {
    const style = PAPER_STYLE[this.paper];
    const less = density === 'dense' ? 1 : 0;
    this.density = density;
    this.bodySize = style.body - less;
    this.smallSize = style.small;
    this.titleSize = style.title - 2 * less;
    this.cellPad = CELL_PAD[density];
  }

  lineHeight(sizePt: number): number {
    return sizePt * PT_TO_MM * LINE_SPACING[this.density];
  }

  /** The form title, centred, with an optional line under it (company, period, filter). */
  drawTitle(subtitle?: string): void {
    this.text(this.title, this.pageWidth / 2, this.y, this.titleSize, 'center');
    this.y += this.lineHeight(this.titleSize) + 1;
    if (subtitle) {
      this.text(subtitle, this.pageWidth / 2, this.y, this.bodySize, 'center');
      this.y += this.lineHeight(this.bodySize);
    }
    this.y += this.density === 'dense' ? 1.5 : 3;
  }

  /** Start a new page with the running title and the sheet's number; the cursor goes below it. */
  newPage(): void {
    if (!this.measuring) this.pdf.addPage(this.paper, 'portrait');
    this.sheetPage++;
    this.y = this.margin;
    const running = [this.title + CONTINUED, this.reference].filter(Boolean).join(RUNNING_GAP);
    this.text(running, this.contentLeft, this.y, this.smallSize, 'left');
    this.y += this.lineHeight(this.smallSize) + 2;
    this.pageTop = this.y;
  }

  /** Make room for `height` mm, turning the page if it does not fit. Returns true on a new page. */
  ensureSpace(height: number): boolean {
    if (this.y + height <= this.contentBottom) return false;
    this.newPage();
    return true;
  }

  /**
   * Lay out one sheet (a card, a request form) so that signatures stay with what they sign: draw
   * it in measuring passes, and wherever a signature would start a page alone, start the content
   * before it on that page too; then draw it for real. `draw` must draw the same units each time.
   */
  layoutSheet(draw: () => void): Measurement {
    this.breaks = new Set();
    let measured = this.measure(draw);
    for (let attempt = 0; attempt < 4; attempt++) {
      const at = keepSignaturesWithContent(measured.units);
      if (at === undefined || this.breaks.has(at)) break;
      this.breaks.add(at);
      measured = this.measure(draw);
    }
    this.drawUnits(draw);
    return measured;
  }

  /** Lay out without drawing: how many pages, and where each unit lands. The cursor is kept. */
  measure(draw: () => void): Measurement {
    const saved = { y: this.y, sheetPage: this.sheetPage, pageTop: this.pageTop };
    this.measuring = true;
    try {
      this.drawUnits(draw);
      return { pages: this.sheetPage - saved.sheetPage + 1, units: this.placed };
    } finally {
      this.measuring = false;
      Object.assign(this, saved);
    }
  }

  private drawUnits(draw: () => void): void {
    this.unitCount = 0;
    this.placed = [];
    draw();
  }

  /**
   * One unit of the page. A unit listed in `breaks` starts on a fresh page (`turn` draws what a
   * fresh page needs first, a table's header); its last page is noted for the keep rules.
   */
  private unit(kind: UnitKind, draw: () => void, turn: () => void = () => this.newPage()): void {
    const index = this.unitCount++;
    if (this.breaks.has(index) && this.y > this.pageTop + 0.01) turn();
    this.unitStartPage = undefined;
    draw();
    this.placed[index] = { kind, startPage: this.unitStartPage ?? this.sheetPage, endPage: this.sheetPage };
  }

  /** Wrapped text that continues on the next page when it runs out of room; never clipped. */
  drawParagraph(text: string, options: { size?: number; indent?: number; gapAfter?: number } = {}): void {
    const size = options.size ?? this.bodySize;
    const indent = options.indent ?? 0;
    const lh = this.lineHeight(size);
    this.unit('content', () => {
      for (const line of this.wrap(text, this.contentWidth - indent, size)) {
        this.ensureSpace(lh);
        this.text(line, this.contentLeft + indent, this.y, size, 'left');
        this.y += lh;
      }
      this.y += options.gapAfter ?? 2;
    });
  }

  /**
   * A ruled table. Cells wrap; a row that fits on a page is never split, a row taller than a whole
   * page continues line by line; the header row repeats on every page the table reaches. Each row
   * is a unit (the first carries the header with it).
   */
  drawTable(columns: TableColumn[], rows: string[][], options: TableOptions = {}): void {
    const size = options.fontSize ?? this.bodySize;
    const lh = this.lineHeight(size);
    const pad = this.cellPad;
    const total = columns.reduce((sum, c) => sum + c.weight, 0);
    const widths = columns.map((c) => (c.weight / total) * this.contentWidth);
    const xs = widths.map((_, i) => this.contentLeft + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const showHeader = options.header ?? true;
    const grouping = [...(options.blankRepeatsIn ?? [])].sort((a, b) => a - b);

    const cellLines = (cells: string[]) =>
      columns.map((_, i) => this.wrap(cells[i] ?? '', (widths[i] ?? 0) - 2 * pad, size));

    const drawRow = (lines: string[][], lineCount: number, shaded: boolean) => {
      const height = lineCount * lh + 2 * pad;
      if (shaded) this.fill(this.contentLeft, this.y, this.contentWidth, height);
      columns.forEach((col, i) => {
        const x = xs[i] ?? 0;
        const w = widths[i] ?? 0;
        this.rect(x, this.y, w, height);
        (lines[i] ?? []).slice(0, lineCount).forEach((line, k) => {
          const ty = this.y + pad + k * lh;
          if (col.align === 'center') this.text(line, x + w / 2, ty, size, 'center');
          else this.text(line, x + pad, ty, size, 'left');
        });
      });
      this.y += height;
    };

    const headerLines = cellLines(columns.map((c) => c.header));
    const headerCount = Math.max(1, ...headerLines.map((l) => l.length));
    const headerHeight = headerCount * lh + 2 * pad;
    const drawHeader = () => {
      if (showHeader) drawRow(headerLines, headerCount, true);
    };
    const fullPageRoom = () =>
      this.contentBottom - this.margin - this.lineHeight(this.smallSize) - 2 - headerHeight;
    const turn = () => {
      this.newPage();
      drawHeader();
    };

    let previous: string[] | null = null;
    rows.forEach((row, index) => {
      const first = index === 0;
      this.unit(
        'content',
        () => {
          if (first) {
            // The header and the first row go together: a header alone at a page foot helps no one.
            const height = Math.max(1, ...cellLines(row).map((l) => l.length)) * lh + 2 * pad;
            this.ensureSpace((showHeader ? headerHeight : 0) + Math.min(height, fullPageRoom()));
            drawHeader();
          }
          const prev = previous;
          const atTop = !first && this.y <= this.pageTop + (showHeader ? headerHeight : 0) + 0.01;
          const repeats = (i: number) =>
            !atTop &&
            prev !== null &&
            grouping.includes(i) &&
            grouping.every((g) => g > i || prev[g] === row[g]);
          const shown = row.map((cell, i) => (repeats(i) ? '' : cell));
          let lines = cellLines(shown);
          let count = Math.max(1, ...lines.map((l) => l.length));
          if (count * lh + 2 * pad > this.contentBottom - this.y) {
            turn();
            // At the top of a page the repeated values are printed again, so each page reads alone.
            lines = cellLines(row);
            count = Math.max(1, ...lines.map((l) => l.length));
          }
          // A row taller than a whole page: draw what fits, continue the rest under a fresh header.
          while (count * lh + 2 * pad > this.contentBottom - this.y) {
            const fit = Math.max(1, Math.floor((this.contentBottom - this.y - 2 * pad) / lh));
            drawRow(lines, fit, false);
            lines = lines.map((l) => l.slice(fit));
            count -= fit;
            turn();
          }
          drawRow(lines, count, false);
          previous = row;
        },
        first ? () => this.newPage() : turn,
      );
    });
    // An empty table still shows its header.
    if (rows.length === 0) {
      this.ensureSpace(headerHeight);
      drawHeader();
    }
    this.y += 3;
  }

  /**
   * Start another copy of the form on a new page (a batch of blank cards): the full title, not the
   * running "（续）" title of a continuation page, and its own number and page count.
   */
  newSheet(reference = ''): void {
    this.pdf.addPage(this.paper, 'portrait');
    this.sheets.push({ firstPage: this.pdf.getNumberOfPages(), reference });
    this.sheetPage = 1;
    this.y = this.margin;
    this.pageTop = this.y;
  }

  /** A section heading (维修记录, 更换配件), kept on the page with at least two lines after it. */
  drawHeading(text: string): void {
    const size = this.bodySize + 1;
    this.unit('heading', () => {
      this.ensureSpace(this.lineHeight(size) + 2 * this.lineHeight(this.bodySize) + 4);
      this.y += this.density === 'dense' ? 0.5 : 1;
      this.text(text, this.contentLeft, this.y, size, 'left');
      this.y += this.lineHeight(size) + 0.5;
    });
  }

  /**
   * A ruled two-cell row, a label on the left and text on the right, that breaks between lines and
   * carries on at the top of the next page (label repeated with "（续）"): a long fault description
   * fills the page it starts on instead of jumping whole to the next. `minLines` leaves room to
   * write by hand when the text is short or empty (a card printed at intake, a blank card).
   */
  drawLabeledText(
    label: string,
    text: string,
    options: { labelWidth?: number; minLines?: number; size?: number } = {},
  ): void {
    const size = options.size ?? this.bodySize;
    const lh = this.lineHeight(size);
    const pad = this.cellPad;
    const labelWidth = options.labelWidth ?? this.contentWidth * LABEL_SHARE;
    const textLeft = this.contentLeft + labelWidth;
    const textWidth = this.contentWidth - labelWidth;
    const labelLines = this.wrap(label, labelWidth - 2 * pad, size);
    const lines = this.wrap(text, textWidth - 2 * pad, size);
    while (lines.length < Math.max(options.minLines ?? 1, labelLines.length)) lines.push('');

    this.unit('content', () => {
      let first = true;
      let turned = false;
      while (lines.length > 0) {
        // On a continuation "（续）" goes on a line of its own: a narrow label cell would split it.
        const shownLabel = first ? labelLines : [...labelLines, CONTINUED];
        // Never leave a lone line at a page foot (two go together), and the label always fits.
        const keep = Math.max(Math.min(lines.length, 2), shownLabel.length);
        const room = Math.floor((this.contentBottom - this.y - 2 * pad) / lh);
        // (A fresh page is used whatever fits on it, so a label taller than a page cannot loop.)
        if (room < keep && !turned) {
          this.newPage();
          turned = true;
          continue;
        }
        const chunk = lines.splice(0, Math.max(1, Math.min(room, lines.length)));
        while (chunk.length < shownLabel.length) chunk.push('');
        const height = chunk.length * lh + 2 * pad;
        this.rect(this.contentLeft, this.y, labelWidth, height);
        this.rect(textLeft, this.y, textWidth, height);
        shownLabel.forEach((line, k) =>
          this.text(line, this.contentLeft + pad, this.y + pad + k * lh, size, 'left'),
        );
        chunk.forEach((line, k) => this.text(line, textLeft + pad, this.y + pad + k * lh, size, 'left'));
        this.y += height;
        first = false;
        turned = false;
      }
    });
  }

  /**
   * Signature boxes side by side, one per signer: `部门负责人签字：` at the top, room for the wet
   * signature, `日期：    年    月    日` at the foot. Half the height of drawSignatureBlock, so a
   * one-page card keeps its signatures on its page. The row is kept whole on one page.
   */
  drawSignatureRow(captions: string[], options: { height?: number; size?: number } = {}): void {
    const size = options.size ?? this.bodySize;
    const lh = this.lineHeight(size);
    const pad = CELL_PAD.normal;
    const height = options.height ?? SIGNATURE_ROW_HEIGHT[this.paper][this.density];
    const gap = this.density === 'dense' ? 2 : 3;
    this.unit('signature', () => {
      this.ensureSpace(height + gap);
      this.y += gap;
      const width = this.contentWidth / captions.length;
      captions.forEach((caption, i) => {
        const x = this.contentLeft + i * width;
        this.rect(x, this.y, width, height);
        this.text(signatureCaptionText(caption), x + pad, this.y + pad, size, 'left');
        this.text(SIGNATURE_DATE_TEXT, x + width - pad, this.y + height - pad - lh, size, 'right');
      });
      this.y += height + 2;
    });
  }

  /**
   * Signature lines such as `部门负责人签字：________ 日期：____年__月__日`, with room above each
   * for a wet signature. The block is kept whole on one page.
   */
  drawSignatureBlock(captions: string[], options: { size?: number } = {}): void {
    const size = options.size ?? this.bodySize;
    const lh = this.lineHeight(size);
    const gap = this.density === 'dense' ? 6 : 8; // room for handwriting above the line
    this.unit('signature', () => {
      this.ensureSpace(captions.length * (gap + lh) + 2);
      for (const caption of captions) {
        this.y += gap;
        this.text(signatureLineText(caption), this.contentLeft, this.y, size, 'left');
        this.y += lh;
      }
      this.y += 2;
    });
  }

  /**
   * Stamp every page's foot: the printed date on the left; the sheet's number (a card number) and
   * "第 i 页 / 共 N 页" of its sheet on the right. Then return the PDF's bytes.
   */
  finish(): Uint8Array {
    const pages = this.pdf.getNumberOfPages();
    const small = PAPER_STYLE[this.paper].small;
    const footerY = this.pageHeight - this.margin - small * PT_TO_MM * LINE_FACTOR;
    for (let page = 1; page <= pages; page++) {
      const sheetIndex = this.sheets.findLastIndex((s) => s.firstPage <= page);
      const sheet = this.sheets[sheetIndex]!;
      const end = (this.sheets[sheetIndex + 1]?.firstPage ?? pages + 1) - 1;
      this.pdf.setPage(page);
      this.text(printedDateText(this.now), this.contentLeft, footerY, small, 'left');
      const right = [sheet.reference, pageNumberText(page - sheet.firstPage + 1, end - sheet.firstPage + 1)];
      this.text(
        right.filter(Boolean).join(RUNNING_GAP),
        this.pageWidth - this.margin,
        footerY,
        small,
        'right',
      );
    }
    return new Uint8Array(this.pdf.output('arraybuffer'));
  }

  /** Split text into lines no wider than `width` mm; explicit line breaks are kept. */
  wrap(text: string, width: number, sizePt: number): string[] {
    if (text === '') return [''];
    this.pdf.setFontSize(sizePt);
    return (this.pdf.splitTextToSize(text, Math.max(width, 1)) as string[]).flatMap((l) => l.split('\n'));
  }

  text(value: string, x: number, y: number, sizePt: number, align: 'left' | 'center' | 'right'): void {
    if (value === '') return;
    this.unitStartPage ??= this.sheetPage;
    if (this.measuring) return;
    this.pdf.setFont(this.fontName, 'normal');
    this.pdf.setFontSize(sizePt);
    this.pdf.text(value, x, y, { baseline: 'top', align });
  }

  /** A ruled box (not drawn while measuring). */
  rect(x: number, y: number, w: number, h: number): void {
    this.unitStartPage ??= this.sheetPage;
    if (!this.measuring) this.pdf.rect(x, y, w, h, 'S');
  }

  /** A light grey band behind a table's header row (not drawn while measuring). */
  private fill(x: number, y: number, w: number, h: number): void {
    if (this.measuring) return;
    this.pdf.setFillColor(235, 235, 235);
    this.pdf.rect(x, y, w, h, 'F');
  }
}

// ── Faster stream compression ───────────────────────────────────────────────────────────
// With `compress: true` jsPDF deflates every stream (page content, the font file, its ToUnicode
// map) with fflate, then turns the compressed bytes back into a string one byte at a time through
// Array.reduce: in Chromium that conversion cost about as much as the deflate itself (~5 ms of a
// card). useFastCompression() gives jsPDF's stream writer a FlateEncode that calls the same fflate
// function with the same (default) options, so the bytes are identical, and converts in chunks.
// It also keeps the last few results: a reprint of the same card writes the same font file and
// map, and deflating them again is the largest part of what is left of a warm print.

type ProcessDataByFilters = (data: string, filters: unknown) => { data: string; reverseChain: string };

/** Results kept for reprints: a few documents' worth, and no stream larger than a big form's. */
const FLATE_MEMO_ENTRIES = 12;
const FLATE_MEMO_MAX_CHARS = 256 * 1024;
const flateMemo = new Map<string, string>();

function flateEncode(data: string): string {
  const kept = flateMemo.get(data);
  if (kept !== undefined) {
    // Most recently used last, so the oldest is the first key.
    flateMemo.delete(data);
    flateMemo.set(data, kept);
    return kept;
  }
  const bytes = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) bytes[i] = data.charCodeAt(i);
  const encoded = bytesToBinaryString(zlibSync(bytes));
  if (data.length <= FLATE_MEMO_MAX_CHARS) {
    flateMemo.set(data, encoded);
    if (flateMemo.size > FLATE_MEMO_ENTRIES) flateMemo.delete(flateMemo.keys().next().value!);
  }
  return encoded;
}

/**
 * jsPDF's filter chain with FlateEncode alone (the only chain `compress: true` asks for) done
 * here; every other chain goes to `original` unchanged.
 */
export function fastProcessDataByFilters(original: ProcessDataByFilters): ProcessDataByFilters {
  return (data, filters) => {
    const chain = typeof filters === 'string' ? [filters] : filters;
    const flateOnly =
      Array.isArray(chain) &&
      chain.length === 1 &&
      (chain[0] === 'FlateEncode' || chain[0] === '/FlateEncode');
    return flateOnly
      ? { data: flateEncode(data || ''), reverseChain: '/FlateDecode' }
      : original(data, filters);
  };
}

let compressionFast = false;

/** Install the fast FlateEncode into jsPDF (once; every document of this process uses it). */
export function useFastCompression(): void {
  if (compressionFast) return;
  const api = jsPDF.API as unknown as { processDataByFilters?: ProcessDataByFilters };
  const original = api.processDataByFilters;
  // A jsPDF without this hook compresses its own way: leave it alone.
  if (typeof original !== 'function') return;
  api.processDataByFilters = fastProcessDataByFilters(original.bind(api));
  compressionFast = true;
}

// ── Faster font embedding ───────────────────────────────────────────────────────────────
// jsPDF rebuilds the embedded TrueType font from the glyphs a document used when it writes the PDF,
// in two steps that copy plain arrays over and over: the glyf table is built by concatenating each
// glyph onto a growing array (quadratic in the glyph count), and the font file by concatenating
// tables and pushing bytes one call at a time. For a repair card's ~200 Chinese glyphs that was
// most of each print (~60 % of the render time, and most of its garbage). useFastFontEmbedding()
// replaces those two methods on one document's font with one-pass versions that write the same
// bytes (forms/repair-card.test.ts compares them). A jsPDF whose internals differ is left alone.

type ByteList = ArrayLike<number>;

/** jsPDF's glyf table writer (its GlyfTable class). */
interface GlyfWriter {
  encode(
    glyphs: Record<string, { encode(old2new: unknown): ByteList } | null | undefined>,
    mapping: ArrayLike<number | string>,
    old2new: unknown,
  ): { table: ByteList; offsets: number[] };
}

/** jsPDF's font-file writer (its Directory class): the table directory, then the tables. */
interface FontFileWriter {
  scalarType: number;
  encode(tables: Record<string, ByteList>): ByteList;
}

function glyfEncode(this: unknown, ...[glyphs, mapping, old2new]: Parameters<GlyfWriter['encode']>) {
  // A plain array as jsPDF's own writer returns, so its font-file writer could still take it.
  const table: number[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < mapping.length; i++) {
    offsets.push(table.length);
    const bytes = glyphs[String(mapping[i])]?.encode(old2new);
    if (bytes) for (let k = 0; k < bytes.length; k++) table.push(bytes[k] ?? 0);
  }
  offsets.push(table.length);
  return { table, offsets };
}

/** Sum of a table read as big-endian 32-bit words, zero-padded (the TrueType table checksum). */
function tableChecksum(bytes: ByteList): number {
  const length = bytes.length;
  const whole = length - (length % 4);
  let sum = 0;
  for (let i = 0; i < whole; i += 4) {
    sum = (sum + ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!)) >>> 0;
  }
  if (whole < length) {
    let last = 0;
    for (let k = 0; k < 4; k++) last = (last << 8) | (whole + k < length ? bytes[whole + k]! : 0);
    sum = (sum + last) >>> 0;
  }
  return sum;
}

function fontFileEncode(this: FontFileWriter, tables: Record<string, ByteList>): Uint8Array {
  const tags = Object.keys(tables);
  const count = tags.length;
  // The header fields exactly as jsPDF computes them, so the bytes match what it would write.
  const searchRange = Math.floor(Math.log(count) / Math.log(2)) * 16;
  const entrySelector = Math.floor(searchRange / Math.log(2));
  const rangeShift = count * 16 - searchRange;
  let size = 12 + count * 16;
  for (const tag of tags) size += Math.ceil((tables[tag]?.length ?? 0) / 4) * 4;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, this.scalarType >>> 0);
  view.setUint16(4, count & 0xffff);
  view.setUint16(6, searchRange & 0xffff);
  view.setUint16(8, entrySelector & 0xffff);
  view.setUint16(10, rangeShift & 0xffff);
  let entry = 12;
  let offset = 12 + count * 16;
  let headOffset = -1;
  for (const tag of tags) {
    const table = tables[tag] ?? [];
    for (let k = 0; k < 4; k++) out[entry + k] = tag.charCodeAt(k) & 0xff;
    view.setUint32(entry + 4, tableChecksum(table));
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, table.length);
    out.set(table, offset);
    if (tag === 'head') headOffset = offset;
    offset += Math.ceil(table.length / 4) * 4;
    entry += 16;
  }
  if (headOffset >= 0) view.setUint32(headOffset + 8, (0xb1b0afba - tableChecksum(out)) >>> 0);
  return out;
}

/**
 * Make jsPDF embed the current font of this document quickly (see above). Only this document's
 * font objects are changed, never jsPDF's classes, so other documents are unaffected.
 */
export function useFastFontEmbedding(pdf: jsPDF): void {
  const metadata = (pdf.getFont() as { metadata?: { glyf?: unknown; directory?: unknown } }).metadata;
  const writers = [
    [metadata?.glyf, glyfEncode],
    [metadata?.directory, fontFileEncode],
  ] as const;
  // Both or neither: each fast writer hands the other what it expects.
  if (!writers.every(([w]) => typeof (w as { encode?: unknown } | undefined)?.encode === 'function')) return;
  for (const [writer, encode] of writers) Object.assign(writer as object, { encode });
}

/** A 32-hex-digit PDF file id derived from the title and time (FNV-1a, 4 rounds). */
function fileIdFor(title: string, now: Date): string {
  const input = `${title}|${now.toISOString()}`;
  let out = '';
  for (let round = 0; round < 4; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < input.length; i++) {
      h ^= input.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out.toUpperCase();
}

/** The earlier name of useFastFontEmbedding(), which now also speeds up writing the font file. */
export const useLinearGlyphEncoding = useFastFontEmbedding;
