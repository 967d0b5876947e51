// Daily quotes (每日一言) must never repeat. Two quotes are the same when they differ only in full or
// half width, punctuation, spacing, case, or traditional versus simplified characters; this is the
// key the library refuses repeats by and the KPI (K6) compares showings by, so both agree.
//
// Traditional characters fold to simplified with OpenCC's Taiwan and Hong Kong tables (opencc-js,
// the `t2cn` build: the small one-way dictionary, ~110 KB). A character OpenCC does not know stays as
// written, so such a pair is only caught as a near-duplicate.
//
// A near-duplicate (one or two characters changed) is not refused — "天道酬勤" and "地道酬勤" may both be
// meant — but the library warns before saving. The edit distance is fastest-levenshtein's, over the
// folded keys, so a changed comma never counts as a change.
import { distance } from 'fastest-levenshtein';
import * as OpenCC from 'opencc-js/t2cn';

const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });
const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' });

/** The most characters a quote may hold (the showroom display prints it large). */
export const QUOTE_MAX_LENGTH = 200;

/** The identity of a quote: the text folded as described in the module header. */
export function normalizeQuote(text: string): string {
  const plain = text
    .normalize('NFKC') // full-width letters, digits and punctuation to their half-width forms
    .toLowerCase()
    // Punctuation, symbols, spaces, and invisible format characters (zero-width space, soft hyphen)
    // that text pasted from a web page or chat carries.
    .replace(/[\p{P}\p{S}\s\p{Cf}]+/gu, '');
  // Only text with a Han character needs the dictionaries (they cost ~30 µs a quote).
  return /\p{Script=Han}/u.test(plain) ? fromHongKong(fromTaiwan(plain)) : plain;
}

// Folding a Chinese text costs ~30 µs (the variant dictionaries); a quote's text rarely changes, so
// each distinct text is folded once per session: the library's index is built on every save and
// every read of the culture screens, and K6 folds the month's quotes. The cap only guards against an
// odd import.
const KEYS_KEPT = 50_000;
const keys = new Map<string, string>();

/** normalizeQuote, remembered by text: the same answer, paid once per distinct text. */
export function quoteKey(text: string): string {
  let key = keys.get(text);
  if (key === undefined) {
    if (keys.size >= KEYS_KEPT) keys.clear();
    key = normalizeQuote(text);
    keys.set(text, key);
  }
  return key;
}

/** How many characters may differ for two quotes to be near-duplicates: 1, or 2 from 12 characters. */
export function nearDuplicateLimit(length: number): number {
  return length >= 12 ? 2 : 1;
}

export interface QuoteLike {
  id: string;
  text: string;
}

/** The library's quotes keyed once, so checking a new one against ten years costs one pass. */
export interface QuoteIndex<Q extends QuoteLike = QuoteLike> {
  byKey: Map<string, Q>;
  entries: { key: string; quote: Q }[];
}

export function buildQuoteIndex<Q extends QuoteLike>(quotes: readonly Q[]): QuoteIndex<Q> {
  const byKey = new Map<string, Q>();
  const entries: { key: string; quote: Q }[] = [];
  for (const quote of quotes) {
    const key = quoteKey(quote.text);
    if (!byKey.has(key)) byKey.set(key, quote);
    entries.push({ key, quote });
  }
  return { byKey, entries };
}

export type QuoteCheck<Q extends QuoteLike = QuoteLike> =
  | { kind: 'ok'; key: string }
  | { kind: 'empty' }
  | { kind: 'too-long'; max: number }
  | { kind: 'repeat'; key: string; quote: Q }
  | { kind: 'near'; key: string; quote: Q; distance: number };

/**
 * Whether a quote may join the library: refused when empty, too long or the same as one already
 * there (see normalizeQuote); `near` when it differs from one by a character or two, the closest
 * one named. `exceptId` is the quote being edited, which may keep its own text.
 */
export function checkQuote<Q extends QuoteLike>(
  text: string,
  index: QuoteIndex<Q>,
  exceptId?: string,
): QuoteCheck<Q> {
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'empty' };
  if (trimmed.length > QUOTE_MAX_LENGTH) return { kind: 'too-long', max: QUOTE_MAX_LENGTH };
  const key = normalizeQuote(trimmed);
  // A quote of punctuation only folds to nothing: nothing to show.
  if (!key) return { kind: 'empty' };
  const same = index.entries.find((e) => e.key === key && e.quote.id !== exceptId);
  if (same) return { kind: 'repeat', key, quote: same.quote };
  const limit = nearDuplicateLimit(key.length);
  let best: { quote: Q; distance: number } | null = null;
  for (const entry of index.entries) {
    if (entry.quote.id === exceptId) continue;
    // Lengths further apart than the limit cannot be within it: skip without computing.
    if (Math.abs(entry.key.length - key.length) > limit) continue;
    const d = distance(entry.key, key);
    if (d <= limit && (!best || d < best.distance)) best = { quote: entry.quote, distance: d };
  }
  if (best) return { kind: 'near', key, quote: best.quote, distance: best.distance };
  return { kind: 'ok', key };
}
