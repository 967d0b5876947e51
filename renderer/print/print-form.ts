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

// ── The last font subset, kept for the next print ──────────────────────────────────────
// Cards printed one after another share most of their characters (the form's own words, digits,
// common names), so the subset of the last print often serves the next with no round trip. When
// it does not, the next request asks for both texts' characters, up to a bound that keeps the
// subset, and so every PDF, small.
const FONT_CACHE_MAX_CHARACTERS = 3000;
let lastFont: { characters: Set<string>; text: string; result: PdfFontResult } | null = null;

/** Forget the kept subset (tests; after the font changes). */
export function clearPrintFontCache(): void {
  lastFont = null;
}

/** The subset font for `text` and the characters it lacks, from the kept subset when it covers them. */
async function fontFor(api: Pick<NetdeskApi, 'pdfFont'>, text: string): Promise<PdfFontResult> {
  const wanted = distinctCharacters(text);
  const covered = lastFont && [...wanted].every((ch) => lastFont!.characters.has(ch));
  if (!lastFont || !covered) {
    const union = lastFont ? distinctCharacters(lastFont.text + wanted) : wanted;
    const request = [...union].length <= FONT_CACHE_MAX_CHARACTERS ? union : wanted;
    const result = await api.pdfFont({ text: request });
    lastFont = { characters: new Set(request), text: request, result };
  }
  // The kept subset may lack characters this text does not use: report only this text's.
  const used = new Set(wanted);
  const missing = lastFont.result.missing.filter((named) =>
    used.has(String.fromCodePoint(named.codePointAt(0) ?? 0)),
  );
  return { bytes: lastFont.result.bytes, missing };
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

  const saved: PdfSaveResult = await api.savePdf({
    fileName: options.fileName ?? pdfFileName(form.title, options.id ?? ''),
    // jsPDF's output is a fresh ArrayBuffer, never a shared one.
    bytes: bytes as Uint8Array<ArrayBuffer>,
    target: mode === 'electron' ? 'dialog' : 'reports',
    open: true,
  });
  // Browser mode has no system viewer to open: the PDF opens in a tab of the browser itself.
  if (mode === 'browser' && saved.url) {
    (options.openWindow ?? ((url: string) => window.open(url, '_blank', 'noopener')))(saved.url);
  }
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
