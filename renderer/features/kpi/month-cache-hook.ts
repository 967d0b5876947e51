// The KPI month cache, its write side (loaded with the app, so kept free of the KPI engine): each
// month's K1–K9 summary kept in this PC's local store (localMeta, keys 'kpi-month:YYYY-MM'), so the year so far is twelve reads rather than twelve months recomputed,
// and a month is recomputed from its own record window only after something that can change it was
// written. Two after-commit hooks keep it, inside the write's transaction, whoever wrote: this PC,
// another PC through sync, or a backup (which forgets every month once, at its end).
// - Repair cards and their events, the writes of every working hour, patch the kept month: the
//   written card's K3 outcome is worked out from that card and its own events alone and K3's
//   counts move by it (kpiMonthCardsHook), so the dashboard's tiles follow a new card at once.
// - Every other input forgets the months it touches (shared/kpi/month-cache.ts says which); they
//   are recomputed from their own record window when next shown.
import type { CommitHook } from '../../db/commit';
import type { NetdeskDb } from '../../db/schema';
import { kpiCardOutcome } from '../../../shared/kpi/card-outcome';
import {
  KPI_INPUT_TABLES,
  monthsTouched,
  patchSummaryCard,
  type KpiMonthSummary,
  type MonthRange,
} from '../../../shared/kpi/month-cache';
import type { KpiCard, KpiCardEvent } from '../../../shared/kpi/types';
import { chinaMonth } from '../../../shared/time/china';

const PREFIX = 'kpi-month:';
// Above every 'YYYY-MM': the end of an open range of keys.
const AFTER_ALL = `${PREFIX}\uffff`;
export const keyOf = (month: string) => `${PREFIX}${month}`;
// Bumped by every forgetting write: a summary computed while a write forgot its month is not kept.
const GENERATION = 'kpi-months-generation';

export async function generation(db: NetdeskDb): Promise<number> {
  const row = await db.localMeta.get(GENERATION);
  return typeof row?.value === 'number' ? row.value : 0;
}

async function forget(db: NetdeskDb, ranges: readonly MonthRange[]): Promise<void> {
  for (const r of ranges) {
    const to = r.to === null ? AFTER_ALL : keyOf(r.to);
    await db.localMeta.where('key').between(keyOf(r.from), to, true, true).delete();
  }
  await db.localMeta.put({ key: GENERATION, value: (await generation(db)) + 1 });
}

/** Merge overlapping ranges so one commit of many records deletes each key range once. */
function mergeRanges(ranges: MonthRange[]): MonthRange[] {
  const sorted = [...ranges].sort((a, b) => a.from.localeCompare(b.from));
  const out: MonthRange[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && (last.to === null || r.from <= last.to)) {
      if (last.to !== null && (r.to === null || r.to > last.to)) last.to = r.to;
    } else out.push({ ...r });
  }
  return out;
}

const CARD_TABLES = ['repairCards', 'repairEvents'] as const;
const EVERYTHING: MonthRange[] = [{ from: '0000-01', to: null }];

export const kpiMonthCacheHook: CommitHook = {
  name: 'kpi-month-cache',
  tables: KPI_INPUT_TABLES.filter((t) => !(CARD_TABLES as readonly string[]).includes(t)),
  writes: (db) => [db.localMeta],
  async afterCommit(db, batch) {
    const ranges = batch.records.flatMap((r) =>
      monthsTouched(batch.table, r as unknown as Record<string, unknown>),
    );
    if (ranges.length) await forget(db, mergeRanges(ranges));
  },
  async afterImport(db) {
    await db.transaction('rw', db.localMeta, () => forget(db, EVERYTHING));
  },
};

const latest = (times: readonly string[]) => Math.max(...times.map((t) => Date.parse(t) || 0));

/**
 * Patch the kept summary of `card`'s month with the card's outcome, read from its own events. The
 * card is judged at the summary's report time, or at the card's own latest time when that is later
 * (a card logged after the summary was taken is counted, as the next recompute would count it).
 * Returns the months to forget instead when it cannot be patched: the card's own, or every month
 * when the card may have left another one.
 */
async function patchCard(db: NetdeskDb, card: KpiCard, isNew: boolean): Promise<MonthRange[]> {
  const receivedMs = Date.parse(card.receivedAt);
  if (Number.isNaN(receivedMs)) return EVERYTHING;
  const month = chinaMonth(new Date(receivedMs));
  const key = keyOf(month);
  const summary = (await db.localMeta.get(key))?.value as KpiMonthSummary | undefined;
  // A written card missing from its month's outcomes is new there, or was moved in from another
  // month (its received time edited), which still counts it: only a new card can be patched in.
  if (summary?.cards && !(card.id in summary.cards) && !isNew) return EVERYTHING;
  // Nothing kept for the month: it is computed when shown. An edited card may have left a kept one.
  if (!summary) return isNew ? [] : EVERYTHING;
  const events = (await db.repairEvents.where('cardId').equals(card.id).toArray()) as KpiCardEvent[];
  const at = Math.max(Date.parse(summary.now), latest([card.receivedAt, ...events.map((e) => e.at)]));
  const outcome = kpiCardOutcome(card, events, summary.month, new Date(at));
  const patched = patchSummaryCard(summary, card.id, outcome);
  if (!patched) return [{ from: month, to: month }];
  if (patched !== summary) await db.localMeta.put({ key, value: patched });
  return [];
}

/**
 * A record as first written: every field carries the stamp of its creation (an edit stamps the
 * fields it changes anew), so its received time cannot have been moved from another month.
 */
function neverEdited(row: Record<string, unknown>): boolean {
  const stamps = row.hlc && typeof row.hlc === 'object' ? Object.values(row.hlc) : [];
  return new Set(stamps).size <= 1;
}

/** Repair cards and their events: the written cards' months patched in place (see the header). */
export const kpiMonthCardsHook: CommitHook = {
  name: 'kpi-month-cards',
  tables: CARD_TABLES,
  // The card's own events are read inside the write's transaction, so both tables join it.
  writes: (db) => [db.localMeta, db.repairCards, db.repairEvents],
  async afterCommit(db, batch) {
    const cards = new Map<string, { card: KpiCard | undefined; isNew: boolean }>();
    for (const r of batch.records) {
      const row = r as unknown as Record<string, unknown>;
      if (batch.table === 'repairCards')
        cards.set(String(row.id), { card: r as unknown as KpiCard, isNew: neverEdited(row) });
      else if (typeof row.cardId === 'string' && !cards.has(row.cardId))
        cards.set(row.cardId, { card: undefined, isNew: false });
    }
    const unpatched: MonthRange[] = [];
    for (const [id, entry] of cards) {
      // An event does not move its card, so the card stays in its month; a card not here yet
      // (events can arrive by sync before it) is patched in when it comes.
      const card = entry.card ?? (await db.repairCards.get(id));
      if (!card) continue;
      unpatched.push(...(await patchCard(db, card, entry.card ? entry.isNew : true)));
    }
    if (unpatched.length) await forget(db, mergeRanges(unpatched));
  },
  async afterImport(db) {
    await db.transaction('rw', db.localMeta, () => forget(db, EVERYTHING));
  },
};
