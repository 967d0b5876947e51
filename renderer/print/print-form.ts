// Printing a NetDesk form from the renderer: collect the text the form will draw, get the Chinese
// font cut to exactly those characters from the Node side (`pdf:font`: the page never loads the
// 10 MB font), stop and say which characters the font lacks before anything is drawn, render with
// jsPDF, then save — through the save dialog and into the system viewer in Electron, into the
// reports folder and a new tab in browser mode.
import type { LedgerBackup } from '../../shared/backup';
import { distinctCharacters } from '../../shared/pdf/font';
import type { LabelSheetChoice } from '../../shared/pdf/forms/labels';
import type { BlankCardsChoice } from '../../shared/pdf/forms/repair-card';
import type { NetdeskApi, PdfFontResult, PdfSaveResult } from '../../shared/ipc';
import type { Paper } from '../../shared/pdf/layout';
import { getNetdesk, runtimeMode } from '../api/netdesk';

export interface PrintFormOptions {
  /** The record a one-record form prints (a repair card: its number or id). */
  id?: string;
  paper?: Paper;
  /** The printed date; now by default. */
  now?: Date;
  /** For `blank-cards`: how many, and which numbers. */
  blankCards?: BlankCardsChoice;
  /** For `labels`: the grid and which devices. */
  labels?: LabelSheetChoice;
  /** Print although the font lacks characters (they come out blank). */
  allowMissing?: boolean;
  /** The suggested file name; by default the form's title and the record, e.g. 维修申请卡-WX-2026-A-0001.pdf. */
  fileName?: string;
  /** Services and window, passed in by tests; the page's own by default. */
  api?: Pick<NetdeskApi, 'pdfFont' | 'savePdf'>;
  mode?: 'electron' | 'browser';
  openWindow?: (url: string) => void;
}

export type PrintFormResult =
  | {
      ok: true;
      /** False when the user cancelled the save dialog. */
      saved: boolean;
      fileName?: string;
      path?: string;
      url?: string;
      /** Size of the PDF in bytes. */
      size: number;
      /** Characters printed as blanks (only with allowMissing), named like `☑ (U+2611)`. */
      missing: string[];
      /** Time spent getting the font and drawing, for the status line and the benchmark. */
      fontMs: number;
      renderMs: number;
    }
  /** The font lacks these characters; nothing was drawn or saved. */
  | { ok: false; reason: 'missing-characters'; missing: string[] };

// ── Font subsets kept for the next prints ──────────────────────────────────────────────
// A reprint of the same card is the commonest warm print (at intake for the head's signature, then
// again when the record is filled, or a second copy), so the last few subsets are kept, each for
// exactly the characters it was asked for, and any kept subset that covers a text serves it with
// no round trip to the font service. Subsets are not merged: a font grown over a session's many
// cards would make every later PDF parse and convert a bigger font, and each round trip carry it.
// A request still under way is kept too, so a print right after its prefetch waits for the same
// answer instead of asking twice.
const FONT_CACHE_ENTRIES = 8;

interface KeptFont {
  characters: Set<string>;
  result: Promise<PdfFontResult>;
}

let keptFonts: KeptFont[] = [];

/** Forget the kept subsets (tests; after the font changes). */
export function clearPrintFontCache(): void {
  keptFonts = [];
}

/** The subset font for `text` and the characters it lacks, from a kept subset when one covers them. */
async function fontFor(api: Pick<NetdeskApi, 'pdfFont'>, text: string): Promise<PdfFontResult> {
  const wanted = distinctCharacters(text);
  const needed = [...wanted];
  // The smallest kept subset that covers the text: the less font jsPDF reads, the faster.
  let kept: KeptFont | undefined;
  for (const font of keptFonts) {
    if (
      needed.every((ch) => font.characters.has(ch)) &&
      (!kept || font.characters.size < kept.characters.size)
    ) {
      kept = font;
    }
  }
  if (!kept) {
    kept = { characters: new Set(needed), result: api.pdfFont({ text: wanted }) };
    keptFonts = [kept, ...keptFonts].slice(0, FONT_CACHE_ENTRIES);
    // A failed request is not kept: the next print asks again.
    const failed = kept;
    kept.result.catch(() => (keptFonts = keptFonts.filter((f) => f !== failed)));
  } else {
    keptFonts = [kept, ...keptFonts.filter((f) => f !== kept)];
  }
  const result = await kept.result;
  // A kept subset may lack characters this text does not use: report only this text's.
  const used = new Set(needed);
  const missing = result.missing.filter((named) => used.has(String.fromCodePoint(named.codePointAt(0) ?? 0)));
  return { bytes: result.bytes, missing };
}

/**
 * Ask for the font of a print ahead of time (the print dialog opens it while the user picks the
 * paper), so the print itself finds it kept. Errors are left for the print to report.
 */
export async function preparePrintFont(
  formName: string,
  source: LedgerBackup,
  options: Pick<PrintFormOptions, 'id' | 'api'> = {},
): Promise<void> {
  try {
    const { pdfForms } = await import('../../shared/pdf/forms');
    const form = Object.hasOwn(pdfForms, formName) ? pdfForms[formName] : undefined;
    if (form) await fontFor(options.api ?? getNetdesk(), form.collectText(source, options.id));
  } catch {
    // Nothing to do ahead: the print itself will ask again and report what went wrong.
  }
}

/** A file name the pdf:save channel accepts: no folder separators or reserved characters. */
export function pdfFileName(...parts: string[]): string {
  const base = parts
    .filter(Boolean)
    .join('-')
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .replace(/^\.+/, '')
    .slice(0, 100);
  return `${base || 'NetDesk'}.pdf`;
}

/**
 * Print form `formName` (a key of the forms registry: 'card', 'blank-cards', 'directory' …) from
 * `source`, a backup-shaped object (for one card: cardPrintSource()). Throws the form's error
 * (PdfFormError: no such card) and the service's (NetdeskCallError) for the caller to show.
 */
export async function printForm(
  formName: string,
  source: LedgerBackup,
  options: PrintFormOptions = {},
): Promise<PrintFormResult> {
  const api = options.api ?? getNetdesk();
  const mode = options.mode ?? runtimeMode();
  const now = options.now ?? new Date();
  // jsPDF and the forms load on the first print, not with the app.
  const { pdfForms } = await import('../../shared/pdf/forms');
  const form = Object.hasOwn(pdfForms, formName) ? pdfForms[formName] : undefined;
  if (!form) throw new Error(`unknown form: ${formName}`);

  const fontStarted = performance.now();
  const text = form.collectText(source, options.id);
  const font = await fontFor(api, text);
  const fontMs = performance.now() - fontStarted;
  if (font.missing.length > 0 && !options.allowMissing) {
    return { ok: false, reason: 'missing-characters', missing: font.missing };
  }

  const renderStarted = performance.now();
  const bytes = form.render(source, {
    id: options.id,
    font: { name: 'NotoSansSC', bytes: font.bytes },
    paper: options.paper ?? 'a4',
    now,
    ...(options.blankCards ? { blankCards: options.blankCards } : {}),
    ...(options.labels ? { labels: options.labels } : {}),
  });
  const renderMs = performance.now() - renderStarted;

  const saved = await savePdfBytes(bytes, options.fileName ?? pdfFileName(form.title, options.id ?? ''), {
    ...options,
    api,
    mode,
  });
  return {
    ok: true,
    saved: saved.saved,
    ...(saved.fileName ? { fileName: saved.fileName } : {}),
    ...(saved.path ? { path: saved.path } : {}),
    ...(saved.url ? { url: saved.url } : {}),
    size: bytes.byteLength,
    missing: font.missing,
    fontMs,
    renderMs,
  };
}

/**
 * Save PDF bytes made elsewhere (an archived report read back unchanged) the way a print is saved:
 * the save dialog and the system viewer in Electron, the reports folder and a new tab in browser mode.
 */
export async function savePdfBytes(
  bytes: Uint8Array,
  fileName: string,
  options: Pick<PrintFormOptions, 'api' | 'mode' | 'openWindow'> = {},
): Promise<PdfSaveResult> {
  const api = options.api ?? getNetdesk();
  const mode = options.mode ?? runtimeMode();
  const saved: PdfSaveResult = await api.savePdf({
    fileName,
    // jsPDF's output and a stored attachment's bytes are fresh ArrayBuffers, never shared ones.
    bytes: bytes as Uint8Array<ArrayBuffer>,
    target: mode === 'electron' ? 'dialog' : 'reports',
    open: true,
  });
  // Browser mode has no system viewer to open: the PDF opens in a tab of the browser itself.
  if (mode === 'browser' && saved.url) {
    (options.openWindow ?? ((url: string) => window.open(url, '_blank', 'noopener')))(saved.url);
  }
  return saved;
}

/**
 * The font cut to exactly the characters of `text`, never a larger kept subset: a PDF drawn again
 * from archived figures must embed the very same subset to come out byte for byte the same.
 */
export function exactPrintFont(
  text: string,
  api: Pick<NetdeskApi, 'pdfFont'> = getNetdesk(),
): Promise<PdfFontResult> {
  return api.pdfFont({ text: distinctCharacters(text) });
}
