// K6's memory of every quote shown before a month: for each folded text (normalizeQuote), the
// first day it was shown. A repeat in the month is a showing whose folded text already has an
// earlier first day, so with this fold the month's report reads only the month's own showings
// instead of every showing of ten years. A fold is a plain object so it can be kept in the local
// store and extended month by month: the fold before June is the fold before May plus May's
// showings.
import { quoteKey } from '../culture/quotes';
import { isListed } from '../sync/arrival';
import type { KpiQuote, KpiQuoteShowing } from './types';

export interface QuoteFold {
  /** Every listed, shown showing dated strictly before this day ('YYYY-MM-DD') is folded in. */
  before: string;
  /** Folded text → first day shown. */
  firstShown: Record<string, string>;
}

/** The fold of no showing at all: where a ledger's history starts. */
export const EMPTY_QUOTE_FOLD: QuoteFold = { before: '0000-01-01', firstShown: {} };

/** normalizeQuote, remembered by text (kept in the culture rules, where the library uses it too). */
export { quoteKey };

const byDateThenId = (a: KpiQuoteShowing, b: KpiQuoteShowing) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * `fold` extended with the showings dated in [fold.before, until): the fold before `until`.
 * `showings` may hold others (they are ignored); `quotes` must hold every quote those showings
 * name, or the showing is skipped as the engine skips a showing whose quote is missing.
 */
export function extendQuoteFold(
  fold: QuoteFold,
  quotes: readonly KpiQuote[],
  showings: readonly KpiQuoteShowing[],
  until: string,
): QuoteFold {
  if (until < fold.before) throw new Error(`a fold before ${fold.before} cannot be taken back to ${until}`);
  const byId = new Map(quotes.filter(isListed).map((q) => [q.id, q]));
  // A Map, not assignment into the object: a folded text could be any word, "__proto__" too.
  const firstShown = new Map(Object.entries(fold.firstShown));
  const counted = showings
    .filter((s) => isListed(s) && s.shown && s.date >= fold.before && s.date < until)
    .sort(byDateThenId);
  for (const s of counted) {
    const quote = byId.get(s.quoteId);
    if (!quote) continue;
    const key = quoteKey(quote.text);
    const first = firstShown.get(key);
    if (first === undefined || s.date < first) firstShown.set(key, s.date);
  }
  return { before: until, firstShown: Object.fromEntries(firstShown) };
}
