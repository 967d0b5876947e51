// Reading a list of quotes to import: a text file with one quote a line, or a CSV (or a sheet read
// from an XLSX) whose quote column is named 内容 / 每日一言 / 名言 / quote / text (else the first
// column). Every line is judged against the library and against the lines above it, so the preview
// can list what is refused and why before anything is saved; nothing is written here.
import { csvRows, normalizeHeader } from '../import/csv';
import { checkQuote, type QuoteIndex, type QuoteLike } from './quotes';

export type ImportLineVerdict =
  | { kind: 'ok' }
  /** Saved, but the preview warns: it differs from a library quote by a character or two. */
  | { kind: 'near'; quoteText: string }
  | { kind: 'repeat-of-library'; quoteText: string }
  /** The same quote as an earlier line of the file (1-based line number). */
  | { kind: 'repeat-in-file'; line: number }
  | { kind: 'too-long'; max: number };

export interface ImportLine {
  /** 1-based line (row) of the file. */
  line: number;
  text: string;
  verdict: ImportLineVerdict;
}

export interface QuoteImportPlan {
  lines: ImportLine[];
  /** The texts that would be saved: lines judged ok or near. */
  accepted: string[];
  refused: ImportLine[];
}

const QUOTE_HEADERS = new Set(['内容', '每日一言', '名言', '语录', 'quote', 'quotes', 'text']);

/** The quote texts of a file's text with their line numbers; blank lines are skipped, not refused. */
export function quoteLinesOf(text: string, format: 'lines' | 'csv'): { line: number; text: string }[] {
  if (format === 'lines') {
    return text
      .split(/\r\n|\n|\r/)
      .map((t, i) => ({ line: i + 1, text: t.trim() }))
      .filter((l) => l.text !== '');
  }
  return quoteCellsOf(csvRows(text));
}

/** The quote column of a sheet's rows (CSV or XLSX): by its header, else the first column. */
export function quoteCellsOf(rows: readonly (readonly string[])[]): { line: number; text: string }[] {
  const header = rows[0] ?? [];
  const named = header.findIndex((h) => QUOTE_HEADERS.has(normalizeHeader(h)));
  const column = named >= 0 ? named : 0;
  const start = named >= 0 ? 1 : 0;
  const out: { line: number; text: string }[] = [];
  for (let i = start; i < rows.length; i++) {
    const cell = (rows[i]?.[column] ?? '').trim();
    if (cell) out.push({ line: i + 1, text: cell });
  }
  return out;
}

/** Judge each line against the library and the lines before it. */
export function planQuoteImport<Q extends QuoteLike>(
  lines: readonly { line: number; text: string }[],
  index: QuoteIndex<Q>,
): QuoteImportPlan {
  const seenInFile = new Map<string, number>();
  const judged: ImportLine[] = [];
  for (const { line, text } of lines) {
    const check = checkQuote(text, index);
    // A line of punctuation only folds to nothing; it is neither saved nor worth a refusal.
    if (check.kind === 'empty') continue;
    let verdict: ImportLineVerdict;
    if (check.kind === 'too-long') verdict = { kind: 'too-long', max: check.max };
    else if (check.kind === 'repeat') verdict = { kind: 'repeat-of-library', quoteText: check.quote.text };
    else {
      const earlier = seenInFile.get(check.key);
      if (earlier !== undefined) verdict = { kind: 'repeat-in-file', line: earlier };
      else {
        seenInFile.set(check.key, line);
        verdict = check.kind === 'near' ? { kind: 'near', quoteText: check.quote.text } : { kind: 'ok' };
      }
    }
    judged.push({ line, text, verdict });
  }
  const saved = (l: ImportLine) => l.verdict.kind === 'ok' || l.verdict.kind === 'near';
  return {
    lines: judged,
    accepted: judged.filter(saved).map((l) => l.text),
    refused: judged.filter((l) => !saved(l)),
  };
}
