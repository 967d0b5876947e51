// Limits an XLSX workbook must keep before NetDesk parses it (the device import reads workbooks
// with exceljs, which holds every cell of every sheet in memory: a 28 MB file of 2.6 million rows
// took 3.9 GB, and one shared string expanding to 200 MB crashed it). So a workbook is looked at
// first, cheaply and with bounded memory:
//
// 1. The zip's central directory gives each part's declared size: a workbook whose sheets, shared
//    strings or whole declare more than the limits is refused before a byte is inflated.
// 2. Then each part is inflated in small pieces and its XML scanned, never kept: rows and columns
//    of every sheet, the length of every cell and shared string, and the bytes each part really
//    inflates to (a declared size can lie). The scan stops at the first limit passed.
//
// Only a workbook inside every limit is handed to exceljs. The limits are shown to the user on
// the import screen, and a refusal names the limit, the sheet and the row. Pure: runs in the
// import worker, and in tests without one.
import { Unzip, UnzipInflate, UnzipPassThrough, unzipSync, type UnzipFile } from 'fflate';

export const XLSX_LIMITS = {
  /** Rows of one sheet, the header included. */
  rows: 20_000,
  /** Columns of one sheet (A … CV). */
  columns: 100,
  /** Characters of one cell or shared string: Excel's own maximum. */
  cellChars: 32_767,
  /** The shared strings part (xl/sharedStrings.xml), inflated. */
  sharedStringsBytes: 16 << 20,
  /** One sheet's XML, inflated. */
  sheetBytes: 48 << 20,
  /** Every part of the workbook together, inflated. */
  workbookBytes: 96 << 20,
  /** Parts in the zip. */
  parts: 2_000,
} as const;
export type XlsxLimit = keyof typeof XLSX_LIMITS;

export type XlsxCheck =
  | { ok: true; sheets: number; rows: number }
  | {
      ok: false;
      /** Which limit was passed; `max` its value. */
      limit: XlsxLimit;
      max: number;
      /** The part (xl/worksheets/sheet1.xml …) and, in a sheet, the 1-based row. */
      part?: string;
      row?: number;
    }
  | { ok: false; limit: 'unreadable'; detail: string };

export interface XlsxCheckOptions {
  limits?: Partial<Record<XlsxLimit, number>>;
  /** Compressed bytes read so far of the file's size (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const SHARED = /^xl\/sharedstrings\.xml$/i;
/** Compressed bytes pushed at a time: deflate expands at most ~1032 times, so ≤ 4 MB out each. */
const PIECE = 4 << 10;

class Refused extends Error {
  constructor(readonly check: Extract<XlsxCheck, { ok: false }>) {
    super(check.limit);
  }
}

/** Check a workbook's bytes against the limits; never throws. */
export function checkXlsx(bytes: Uint8Array, options: XlsxCheckOptions = {}): XlsxCheck {
  const limits = { ...XLSX_LIMITS, ...options.limits };
  const refuse = (limit: XlsxLimit, part?: string, row?: number): never => {
    throw new Refused({
      ok: false,
      limit,
      max: limits[limit],
      ...(part ? { part } : {}),
      ...(row ? { row } : {}),
    });
  };
  try {
    checkDeclaredSizes(bytes, limits, refuse);
    return scanParts(bytes, limits, refuse, options.onProgress);
  } catch (err) {
    if (err instanceof Refused) return err.check;
    return { ok: false, limit: 'unreadable', detail: err instanceof Error ? err.message : String(err) };
  }
}

type Limits = Record<XlsxLimit, number>;
type Refuse = (limit: XlsxLimit, part?: string, row?: number) => never;

/** Step 1: the sizes the zip's directory declares, before anything is inflated. */
function checkDeclaredSizes(bytes: Uint8Array, limits: Limits, refuse: Refuse): void {
  let parts = 0;
  let total = 0;
  unzipSync(bytes, {
    filter(file) {
      if (++parts > limits.parts) refuse('parts');
      total += file.originalSize;
      if (SHARED.test(file.name) && file.originalSize > limits.sharedStringsBytes)
        refuse('sharedStringsBytes', file.name);
      if (SHEET.test(file.name) && file.originalSize > limits.sheetBytes) refuse('sheetBytes', file.name);
      if (total > limits.workbookBytes) refuse('workbookBytes');
      return false;
    },
  });
}

/** Step 2: inflate every part in pieces, scanning sheets and shared strings as they come. */
function scanParts(
  bytes: Uint8Array,
  limits: Limits,
  refuse: Refuse,
  onProgress?: (done: number, total: number) => void,
): XlsxCheck {
  let total = 0;
  let sheets = 0;
  let rows = 0;
  let failure: Error | null = null;
  const unzip = new Unzip((file: UnzipFile) => {
    const name = file.name;
    const scanner = SHEET.test(name)
      ? new XmlScanner('sheet', name, limits, refuse)
      : SHARED.test(name)
        ? new XmlScanner('shared', name, limits, refuse)
        : null;
    const partLimit = SHEET.test(name)
      ? limits.sheetBytes
      : SHARED.test(name)
        ? limits.sharedStringsBytes
        : limits.workbookBytes;
    const decoder = new TextDecoder();
    let size = 0;
    file.ondata = (err, data, final) => {
      if (failure) return;
      try {
        if (err) throw err;
        size += data.length;
        total += data.length;
        if (size > partLimit)
          refuse(
            SHEET.test(name) ? 'sheetBytes' : SHARED.test(name) ? 'sharedStringsBytes' : 'workbookBytes',
            name,
          );
        if (total > limits.workbookBytes) refuse('workbookBytes');
        if (scanner) {
          scanner.push(decoder.decode(data, { stream: !final }));
          if (final && scanner.kind === 'sheet') {
            sheets++;
            rows += scanner.rows;
          }
        }
      } catch (e) {
        failure = e instanceof Error ? e : new Error(String(e));
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  for (let at = 0; at < bytes.length && !failure; at += PIECE) {
    const end = Math.min(bytes.length, at + PIECE);
    unzip.push(bytes.subarray(at, end), end === bytes.length);
    onProgress?.(end, bytes.length);
  }
  // Set inside the callbacks, which TypeScript does not follow.
  const failed = failure as Error | null;
  if (failed) throw failed;
  return { ok: true, sheets, rows };
}

/**
 * A scan of a sheet's or the shared strings' XML in pieces: counts rows and columns, and measures
 * the text of each cell value (<v>, <t>) and each shared string (<si>), keeping none of it.
 */
class XmlScanner {
  rows = 0;
  /** Text length of the open <si> (shared) or <v>/<t> (sheet) element; -1 when none is open. */
  private text = -1;
  private carry = '';
  private cellsInRow = 0;

  constructor(
    readonly kind: 'sheet' | 'shared',
    private readonly part: string,
    private readonly limits: Limits,
    private readonly refuse: Refuse,
  ) {}

  push(piece: string): void {
    const s = this.carry + piece;
    let i = 0;
    for (;;) {
      const lt = s.indexOf('<', i);
      // Text up to the next tag (or the end of what has come).
      const textEnd = lt < 0 ? s.length : lt;
      if (this.text >= 0 && textEnd > i) this.addText(textEnd - i);
      if (lt < 0) {
        this.carry = '';
        return;
      }
      const gt = s.indexOf('>', lt);
      if (gt < 0) {
        // A tag cut between pieces: keep it for the next one (a tag is short; refuse a huge one).
        this.carry = s.slice(lt);
        if (this.carry.length > 65_536) this.refuse('cellChars', this.part, this.rows || undefined);
        return;
      }
      this.tag(s.slice(lt + 1, gt));
      i = gt + 1;
    }
  }

  private addText(n: number): void {
    this.text += n;
    if (this.text > this.limits.cellChars) this.refuse('cellChars', this.part, this.rows || undefined);
  }

  private tag(body: string): void {
    const closing = body.startsWith('/');
    const name = /^\/?([A-Za-z_][\w.:-]*)/.exec(body)?.[1]?.replace(/^.*:/, '') ?? '';
    const selfClosing = body.endsWith('/');
    if (this.kind === 'shared') {
      if (name === 'si') this.text = closing || selfClosing ? -1 : 0;
      return;
    }
    if (name === 'row' && !closing) {
      this.rows++;
      this.cellsInRow = 0;
      if (this.rows > this.limits.rows) this.refuse('rows', this.part, this.rows);
    } else if (name === 'c' && !closing) {
      this.cellsInRow++;
      const ref = /\br="([A-Z]+)\d*"/.exec(body)?.[1];
      const column = ref ? columnNumber(ref) : this.cellsInRow;
      if (column > this.limits.columns) this.refuse('columns', this.part, this.rows);
    } else if ((name === 'v' || name === 't') && !selfClosing) {
      this.text = closing ? -1 : 0;
    }
  }
}

/** A → 1, Z → 26, AA → 27. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
