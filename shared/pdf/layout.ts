// What every NetDesk printable form shares: the page frame (margins, running title, printed date,
// "第 1 页 / 共 N 页"), the form title, text that wraps and flows onto the next page, tables whose
// header repeats on each page, and signature blocks for the wet signatures that make the paper the
// legal record. Forms (directory, repair card, work request, sign-in sheet, KPI report) draw through
// a FormDocument and list the fixed strings they use, so the caller can subset the font to exactly
// the characters printed and warn about missing glyphs before anything is drawn.
import { jsPDF } from 'jspdf';
import { bytesToBinaryString, type PdfFont } from './font';

export type Paper = 'a4' | 'a5';
export const PAPERS: readonly Paper[] = ['a4', 'a5'];

const PT_TO_MM = 25.4 / 72;
const LINE_FACTOR = 1.35;

/** Sizes per paper, in points for type and millimetres for space. */
const PAPER_STYLE: Record<Paper, { margin: number; body: number; title: number; small: number }> = {
  a4: { margin: 15, body: 10, title: 18, small: 8 },
  a5: { margin: 10, body: 8.5, title: 14, small: 7 },
};

// Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact and
// keeps shared/ free of time-zone data.
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** Calendar date in Asia/Shanghai as written on paper: 2026年11月27日. */
export function formatChineseDate(at: Date): string {
  const d = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
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

const CONTINUED = '（续）';

/** Every fixed string the frame itself draws, for font subsetting (digits cover any page count and date). */
export function frameText(title: string): string {
  return [title + CONTINUED, pageNumberText(0, 0), '0123456789', '打印日期：年月日'].join('\n');
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
}

/** A PDF being drawn top to bottom with a cursor `y` (millimetres from the top edge). */
export class FormDocument {
  readonly pdf: jsPDF;
  readonly paper: Paper;
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly margin: number;
  readonly bodySize: number;
  readonly smallSize: number;
  readonly titleSize: number;
  /** Cursor: where the next thing is drawn. */
  y: number;
  private readonly title: string;
  private readonly now: Date;
  private readonly fontName: string;

  constructor(options: FormDocumentOptions) {
    const { font, paper, now, title } = options;
    this.paper = paper;
    this.title = title;
    this.now = now;
    this.fontName = font.name;
    this.pdf = new jsPDF({ unit: 'mm', format: paper, orientation: 'portrait', compress: true });
    // Only the regular weight is registered; jsPDF would otherwise fall back to Helvetica (no
    // Chinese) when asked for bold.
    const file = `${font.name}.ttf`;
    this.pdf.addFileToVFS(file, bytesToBinaryString(font.bytes));
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
    this.pageWidth = this.pdf.internal.pageSize.getWidth();
    this.pageHeight = this.pdf.internal.pageSize.getHeight();
    this.y = this.margin;
  }

  get contentLeft(): number {
    return this.margin;
  }
  get contentWidth(): number {
    return this.pageWidth - 2 * this.margin;
  }
  /** Lowest y content may reach: the footer (date, page number) lives below it. */
  get contentBottom(): number {
    return this.pageHeight - this.margin - this.lineHeight(this.smallSize) - 2;
  }

  lineHeight(sizePt: number): number {
    return sizePt * PT_TO_MM * LINE_FACTOR;
  }

  /** The form title, centred, with an optional line under it (company, period, filter). */
  drawTitle(subtitle?: string): void {
    this.text(this.title, this.pageWidth / 2, this.y, this.titleSize, 'center');
    this.y += this.lineHeight(this.titleSize) + 1;
    if (subtitle) {
      this.text(subtitle, this.pageWidth / 2, this.y, this.bodySize, 'center');
      this.y += this.lineHeight(this.bodySize);
    }
    this.y += 3;
  }

  /** Start a new page with the running title; the cursor goes below it. */
  newPage(): void {
    this.pdf.addPage(this.paper, 'portrait');
    this.y = this.margin;
    this.text(this.title + CONTINUED, this.contentLeft, this.y, this.smallSize, 'left');
    this.y += this.lineHeight(this.smallSize) + 2;
  }

  /** Make room for `height` mm, turning the page if it does not fit. Returns true on a new page. */
  ensureSpace(height: number): boolean {
    if (this.y + height <= this.contentBottom) return false;
    this.newPage();
    return true;
  }

  /** Wrapped text that continues on the next page when it runs out of room; never clipped. */
  drawParagraph(text: string, options: { size?: number; indent?: number; gapAfter?: number } = {}): void {
    const size = options.size ?? this.bodySize;
    const indent = options.indent ?? 0;
    const lh = this.lineHeight(size);
    for (const line of this.wrap(text, this.contentWidth - indent, size)) {
      this.ensureSpace(lh);
      this.text(line, this.contentLeft + indent, this.y, size, 'left');
      this.y += lh;
    }
    this.y += options.gapAfter ?? 2;
  }

  /**
   * A ruled table. Cells wrap; a row that fits on a page is never split, a row taller than a whole
   * page continues line by line; the header row repeats on every page the table reaches.
   */
  drawTable(columns: TableColumn[], rows: string[][], options: TableOptions = {}): void {
    const size = options.fontSize ?? this.bodySize;
    const lh = this.lineHeight(size);
    const pad = 1.2;
    const total = columns.reduce((sum, c) => sum + c.weight, 0);
    const widths = columns.map((c) => (c.weight / total) * this.contentWidth);
    const xs = widths.map((_, i) => this.contentLeft + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const showHeader = options.header ?? true;
    const grouping = [...(options.blankRepeatsIn ?? [])].sort((a, b) => a - b);

    const cellLines = (cells: string[]) =>
      columns.map((_, i) => this.wrap(cells[i] ?? '', (widths[i] ?? 0) - 2 * pad, size));

    const drawRow = (lines: string[][], lineCount: number, shaded: boolean) => {
      const height = lineCount * lh + 2 * pad;
      if (shaded) {
        this.pdf.setFillColor(235, 235, 235);
        this.pdf.rect(this.contentLeft, this.y, this.contentWidth, height, 'F');
      }
      columns.forEach((col, i) => {
        const x = xs[i] ?? 0;
        const w = widths[i] ?? 0;
        this.pdf.rect(x, this.y, w, height, 'S');
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

    let previous: string[] | null = null;
    // The header and the first row go together: a header alone at a page foot helps no one.
    const firstRowHeight = rows[0]
      ? Math.max(1, ...cellLines(rows[0]).map((l) => l.length)) * lh + 2 * pad
      : 0;
    this.ensureSpace((showHeader ? headerHeight : 0) + Math.min(firstRowHeight, fullPageRoom()));
    drawHeader();

    for (const row of rows) {
      const prev = previous;
      const repeats = (i: number) =>
        prev !== null && grouping.includes(i) && grouping.every((g) => g > i || prev[g] === row[g]);
      const shown = row.map((cell, i) => (repeats(i) ? '' : cell));
      let lines = cellLines(shown);
      let count = Math.max(1, ...lines.map((l) => l.length));
      if (count * lh + 2 * pad > this.contentBottom - this.y) {
        this.newPage();
        drawHeader();
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
        this.newPage();
        drawHeader();
      }
      drawRow(lines, count, false);
      previous = row;
    }
    this.y += 3;
  }

  /**
   * Signature lines such as `部门负责人签字：________ 日期：____年__月__日`, with room above each
   * for a wet signature. The block is kept whole on one page.
   */
  drawSignatureBlock(captions: string[], options: { size?: number } = {}): void {
    const size = options.size ?? this.bodySize;
    const lh = this.lineHeight(size);
    const gap = 8; // room for handwriting above the line
    this.ensureSpace(captions.length * (gap + lh) + 2);
    for (const caption of captions) {
      this.y += gap;
      this.text(signatureLineText(caption), this.contentLeft, this.y, size, 'left');
      this.y += lh;
    }
    this.y += 2;
  }

  /** Stamp the printed date and "第 i 页 / 共 N 页" on every page, then return the PDF's bytes. */
  finish(): Uint8Array {
    const pages = this.pdf.getNumberOfPages();
    const footerY = this.pageHeight - this.margin - this.lineHeight(this.smallSize);
    for (let page = 1; page <= pages; page++) {
      this.pdf.setPage(page);
      this.text(printedDateText(this.now), this.contentLeft, footerY, this.smallSize, 'left');
      this.text(pageNumberText(page, pages), this.pageWidth - this.margin, footerY, this.smallSize, 'right');
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
    this.pdf.setFont(this.fontName, 'normal');
    this.pdf.setFontSize(sizePt);
    this.pdf.text(value, x, y, { baseline: 'top', align });
  }
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
