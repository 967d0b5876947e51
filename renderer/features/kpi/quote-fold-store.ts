// K6's fold of earlier quotes (shared/kpi/quote-fold.ts) kept in this PC's local store (localMeta,
// keys 'kpi-quote-fold:YYYY-MM-DD', the day the fold stops before), so a month's report reads the
// month's own showings and the quotes they name, not every showing of ten years. A missing fold is
// made from the nearest earlier one plus the showings in between (from nothing the first time),
// and kept. An after-commit hook forgets the folds a write to quotes or the schedule can change,
// whoever wrote: this PC, another PC through sync, or a backup (every fold, once, at its end).
import Dexie from 'dexie';
import type { CommitHook } from '../../db/commit';
import type { NetdeskDb } from '../../db/schema';
import { EMPTY_QUOTE_FOLD, extendQuoteFold, type QuoteFold } from '../../../shared/kpi/quote-fold';
import type { KpiQuote, KpiQuoteShowing } from '../../../shared/kpi/types';

const PREFIX = 'kpi-quote-fold:';
// Above every 'YYYY-MM-DD': the end of an open range of keys.
const AFTER_ALL = `${PREFIX}\uffff`;
const keyOf = (day: string) => `${PREFIX}${day}`;
// Bumped by every forgetting write: a fold made while a write forgot it is not kept.
const GENERATION = 'kpi-quote-folds-generation';

async function generation(db: NetdeskDb): Promise<number> {
  const row = await db.localMeta.get(GENERATION);
  return typeof row?.value === 'number' ? row.value : 0;
}

/** The quotes `showings` name (the deleted ones too: the engine decides what is listed). */
export async function quotesOf(db: NetdeskDb, showings: readonly KpiQuoteShowing[]): Promise<KpiQuote[]> {
  const ids = [...new Set(showings.map((s) => s.quoteId))];
  return (await db.quotes.bulkGet(ids)).filter((q): q is NonNullable<typeof q> => q !== undefined);
}

/** The fold of every quote shown before `day`: kept, or made from the nearest earlier one and kept. */
export async function quoteFoldBefore(db: NetdeskDb, day: string): Promise<QuoteFold> {
  const before = await generation(db);
  const nearest = await db.localMeta.where('key').between(PREFIX, keyOf(day), true, true).last();
  const from = (nearest?.value as QuoteFold | undefined) ?? EMPTY_QUOTE_FOLD;
  if (from.before === day) return from;
  const showings = await db.quoteSchedule.where('date').between(from.before, day, true, false).toArray();
  const fold = extendQuoteFold(from, await quotesOf(db, showings), showings, day);
  const keep = () =>
    db.transaction('rw', db.localMeta, async () => {
      if ((await generation(db)) === before) await db.localMeta.put({ key: keyOf(day), value: fold });
    });
  try {
    await keep();
  } catch (err) {
    // The KPI screen reads its month inside a live query, where IndexedDB writes are refused: the
    // fold is kept just after, outside it (the query then reads it back once), and the read goes on.
    if (!(err instanceof Dexie.ReadOnlyError)) throw err;
    setTimeout(() => void keep().catch(() => undefined), 0);
  }
  return fold;
}

async function forgetAfter(db: NetdeskDb, day: string | null): Promise<void> {
  // A fold before `day` or earlier holds no showing of `day`: only later ones are forgotten.
  const from = day === null ? PREFIX : `${keyOf(day)}\u0000`;
  await db.localMeta.where('key').between(from, AFTER_ALL, true, true).delete();
  await db.localMeta.put({ key: GENERATION, value: (await generation(db)) + 1 });
}

/**
 * The earliest day a written showing can have changed a fold at: its own date, when that date is
 * the one it was created with (a schedule move swaps quotes between days, never a day); otherwise
 * null, every fold. A written quote may have been shown on any day: every fold.
 */
function earliestDayTouched(table: string, row: Record<string, unknown>): string | null {
  if (table !== 'quoteSchedule' || typeof row.date !== 'string') return null;
  const stamps = row.hlc && typeof row.hlc === 'object' ? (row.hlc as Record<string, unknown>) : {};
  return stamps.date !== undefined && stamps.date === stamps.createdAt ? row.date : null;
}

export const kpiQuoteFoldHook: CommitHook = {
  name: 'kpi-quote-fold',
  tables: ['quotes', 'quoteSchedule'],
  writes: (db) => [db.localMeta],
  async afterCommit(db, batch) {
    if (!batch.records.length) return;
    const days = batch.records.map((r) =>
      earliestDayTouched(batch.table, r as unknown as Record<string, unknown>),
    );
    const earliest = days.includes(null) ? null : (days as string[]).reduce((a, b) => (a < b ? a : b));
    await forgetAfter(db, earliest);
  },
  async afterImport(db) {
    await db.transaction('rw', db.localMeta, () => forgetAfter(db, null));
  },
};
