// The repair cards' KPI facts (shared/kpi/card-facts.ts) kept in this PC's local store, so a
// month's report does not read the month's whole cards and their events:
//
// - one row per card in the local table kpiCardFacts (id = the card's id, receivedAt indexed);
// - for a month read since its last change, the month's rows packed as one text in localMeta
//   ('kpi-card-facts:v<version>:month:YYYY-MM'), which IndexedDB reads several times faster than
//   the rows one by one.
//
// An after-commit hook rewrites the row of every card a write touches — the card or one of its
// events — from the card and its events as now stored, and forgets the packed text of every month
// whose window held the card's received time before or after, inside the write's transaction,
// whoever wrote: this PC, another PC through sync. A backup import forgets everything once.
//
// A month is read from the rows once it is marked built ('…:built:YYYY-MM'): every card whose
// received time lies in the month's window then has its row. The first read of a month reads the
// cards and events themselves, as before, and builds the month from what it read. Nothing is kept
// from a read a write overtook (a generation counter the hook bumps), and nothing is used while
// the hook is not registered (commitHookActive): a write made without it would leave it behind.
import Dexie from 'dexie';
import { commitHookActive, type CommitHook } from '../../db/commit';
import type { KpiCardFactsRow, NetdeskDb } from '../../db/schema';
import {
  CARD_FACTS_VERSION,
  packCardFacts,
  packMonthFacts,
  unpackMonthFacts,
  type MonthCardFacts,
} from '../../../shared/kpi/card-facts';
import { monthsReadingCard } from '../../../shared/kpi/read-window';
import type { KpiChartCard } from '../../../shared/kpi/charts';
import type { KpiCardEvent } from '../../../shared/kpi/types';

// Every version's keys start so: an import forgets them all.
const ANY_VERSION = 'kpi-card-facts:v';
const PREFIX = `${ANY_VERSION}${CARD_FACTS_VERSION}:`;
const builtKey = (month: string) => `${PREFIX}built:${month}`;
const MONTH_TEXT = `${PREFIX}month:`;
const monthKey = (month: string) => `${MONTH_TEXT}${month}`;
// Bumped by every write the hook follows: facts read while a write changed cards are not kept.
const GENERATION = 'kpi-card-facts-generation';

async function generation(db: NetdeskDb): Promise<number> {
  const row = await db.localMeta.get(GENERATION);
  return typeof row?.value === 'number' ? row.value : 0;
}

function rowOf(id: string, card: KpiChartCard | undefined, events: readonly KpiCardEvent[]): KpiCardFactsRow {
  return {
    id,
    ...(card && typeof card.receivedAt === 'string' ? { receivedAt: card.receivedAt } : {}),
    facts: packCardFacts(card, events),
  };
}

function byCard(events: readonly KpiCardEvent[]): Map<string, KpiCardEvent[]> {
  const out = new Map<string, KpiCardEvent[]>();
  for (const e of events) {
    const list = out.get(e.cardId);
    if (list) list.push(e);
    else out.set(e.cardId, [e]);
  }
  return out;
}

/** A month's cards and their events, as the KPI read needs them. */
export type MonthCards = MonthCardFacts;

/**
 * The cards received in `window` (ISO text, as the index orders it: from included, to excluded)
 * and every event of theirs: from the month's packed text, else its rows when `month` is built,
 * else read from the ledger and `month` built from them.
 */
export async function readMonthCards(
  db: NetdeskDb,
  month: string,
  window: { from: string; to: string },
): Promise<MonthCards> {
  const active = commitHookActive(kpiCardFactsHook);
  const before = active ? await generation(db) : 0;
  if (active && (await db.localMeta.get(builtKey(month)))) {
    const kept = (await db.localMeta.get(monthKey(month)))?.value;
    if (typeof kept === 'string') return unpackMonthFacts(kept);
    const rows = await db.kpiCardFacts
      .where('receivedAt')
      .between(window.from, window.to, true, false)
      .toArray();
    const text = packMonthFacts(rows);
    await keepUnlessWritten(db, before, () => db.localMeta.put({ key: monthKey(month), value: text }));
    return unpackMonthFacts(text);
  }
  const cards = (await db.repairCards
    .where('receivedAt')
    .between(window.from, window.to, true, false)
    .toArray()) as KpiChartCard[];
  const cardEvents = (
    cards.length
      ? await db.repairEvents
          .where('cardId')
          .anyOf(cards.map((c) => c.id))
          .toArray()
      : []
  ) as KpiCardEvent[];
  if (active) {
    // The month built from what was just read: each card's row, the mark, the month's text.
    const eventsOf = byCard(cardEvents);
    const rows = cards.map((c) => rowOf(c.id, c, eventsOf.get(c.id) ?? []));
    await keepUnlessWritten(db, before, async () => {
      await db.kpiCardFacts.bulkPut(rows);
      await db.localMeta.bulkPut([
        { key: builtKey(month), value: true },
        { key: monthKey(month), value: packMonthFacts(rows) },
      ]);
    });
  }
  return { cards, cardEvents };
}

/**
 * Run `keep` in a read-write transaction unless a card or event was written since `before` (what
 * it keeps was read before that write). The KPI screen reads its month inside a live query, where
 * IndexedDB refuses writes: there it runs just after, outside it, and the read goes on.
 */
async function keepUnlessWritten(db: NetdeskDb, before: number, keep: () => Promise<unknown>): Promise<void> {
  const run = () =>
    db.transaction('rw', db.kpiCardFacts, db.localMeta, async () => {
      if ((await generation(db)) === before) await keep();
    });
  try {
    await run();
  } catch (err) {
    if (!(err instanceof Dexie.ReadOnlyError)) throw err;
    setTimeout(() => void run().catch(() => undefined), 0);
  }
}

/**
 * Rewrite the rows of `cardIds` from the cards and events as now stored, and forget the packed
 * text of every month whose window held a card's received time, before or after (inside the
 * write's transaction).
 */
async function refreshRows(db: NetdeskDb, cardIds: readonly string[]): Promise<void> {
  // Three reads for the whole batch (a sync can bring thousands of events at once), not per card.
  const [cards, events, old] = await Promise.all([
    db.repairCards.bulkGet([...cardIds]),
    db.repairEvents.where('cardId').anyOf(cardIds).toArray(),
    db.kpiCardFacts.bulkGet([...cardIds]),
  ]);
  const eventsOf = byCard(events);
  const gone: string[] = [];
  const rows: KpiCardFactsRow[] = [];
  const months = new Set<string>();
  let everyMonth = false;
  const touches = (receivedAt: string | undefined) => {
    if (receivedAt === undefined) return;
    const reading = monthsReadingCard(receivedAt);
    if (reading) for (const m of reading) months.add(m);
    else everyMonth = true;
  };
  for (const [i, id] of cardIds.entries()) {
    const card = cards[i] as KpiChartCard | undefined;
    const own = eventsOf.get(id) ?? [];
    const row = !card && own.length === 0 ? null : rowOf(id, card, own);
    touches(old[i]?.receivedAt);
    touches(row?.receivedAt);
    if (row) rows.push(row);
    else gone.push(id);
  }
  if (gone.length) await db.kpiCardFacts.bulkDelete(gone);
  if (rows.length) await db.kpiCardFacts.bulkPut(rows);
  if (everyMonth) await db.localMeta.where('key').startsWith(MONTH_TEXT).delete();
  else if (months.size) await db.localMeta.bulkDelete([...months].map(monthKey));
}

/** Every row and every built month forgotten: the next read of a month builds it again. */
async function forgetAll(db: NetdeskDb): Promise<void> {
  await db.kpiCardFacts.clear();
  await db.localMeta.where('key').startsWith(ANY_VERSION).delete();
  await db.localMeta.put({ key: GENERATION, value: (await generation(db)) + 1 });
}

export const kpiCardFactsHook: CommitHook = {
  name: 'kpi-card-facts',
  tables: ['repairCards', 'repairEvents'],
  // The card and its events are read inside the write's transaction, so both tables join it.
  writes: (db) => [db.kpiCardFacts, db.localMeta, db.repairCards, db.repairEvents],
  async afterCommit(db, batch) {
    const ids = new Set<string>();
    for (const r of batch.records) {
      const row = r as unknown as Record<string, unknown>;
      const id = batch.table === 'repairCards' ? row.id : row.cardId;
      if (typeof id === 'string') ids.add(id);
    }
    if (ids.size === 0) return;
    await refreshRows(db, [...ids]);
    await db.localMeta.put({ key: GENERATION, value: (await generation(db)) + 1 });
  },
  async afterImport(db) {
    await db.transaction('rw', db.kpiCardFacts, db.localMeta, () => forgetAll(db));
  },
};
