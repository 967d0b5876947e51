// The repair cards' KPI facts (shared/kpi/card-facts.ts) kept in a local table, one row per card
// (kpiCardFacts: id = the card's id, receivedAt indexed), so a month's report reads one small row
// per card instead of the month's whole cards and their events.
//
// - An after-commit hook rewrites the row of every card a write touches — the card or one of its
//   events — from the card and its events as now stored, inside the write's transaction, whoever
//   wrote: this PC, another PC through sync. A backup import forgets every row once, at its end.
// - A month is read from the rows once it is marked built ('kpi-card-facts:v<version>:YYYY-MM' in
//   localMeta): built means every card whose received time lies in the month's (widened) window
//   has its row. The first read of a month reads the cards and events themselves, as before, and
//   builds the month from what it read; the hook keeps the rows current from then on.
// - Rows are used only while the hook is registered (commitHookActive): a write made without it
//   would leave them behind.
import Dexie from 'dexie';
import { commitHookActive, type CommitHook } from '../../db/commit';
import type { KpiCardFactsRow, NetdeskDb } from '../../db/schema';
import { CARD_FACTS_VERSION, packCardFacts, unpackCardFacts } from '../../../shared/kpi/card-facts';
import type { KpiChartCard } from '../../../shared/kpi/charts';
import type { KpiCardEvent } from '../../../shared/kpi/types';

const PREFIX = `kpi-card-facts:v${CARD_FACTS_VERSION}:`;
const builtKey = (month: string) => `${PREFIX}${month}`;
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
export interface MonthCards {
  cards: KpiChartCard[];
  cardEvents: KpiCardEvent[];
}

/**
 * The cards received in [from, to) (ISO text, as the index orders it) and every event of theirs:
 * from the kept facts when `month` is built, else read from the ledger and `month` built from them.
 */
export async function readMonthCards(
  db: NetdeskDb,
  month: string,
  window: { from: string; to: string },
): Promise<MonthCards> {
  const active = commitHookActive(kpiCardFactsHook);
  if (active && (await db.localMeta.get(builtKey(month)))) {
    const rows = await db.kpiCardFacts
      .where('receivedAt')
      .between(window.from, window.to, true, false)
      .toArray();
    const cards: KpiChartCard[] = [];
    const cardEvents: KpiCardEvent[] = [];
    for (const row of rows) {
      const facts = unpackCardFacts(row.id, row.facts);
      if (facts.card) cards.push(facts.card);
      for (const e of facts.events) cardEvents.push(e);
    }
    return { cards, cardEvents };
  }
  const before = active ? await generation(db) : 0;
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
  if (active) await keepMonth(db, month, before, cards, cardEvents);
  return { cards, cardEvents };
}

/** Build `month` from the cards and events just read, unless a card was written meanwhile. */
async function keepMonth(
  db: NetdeskDb,
  month: string,
  before: number,
  cards: readonly KpiChartCard[],
  events: readonly KpiCardEvent[],
): Promise<void> {
  const eventsOf = byCard(events);
  const rows = cards.map((c) => rowOf(c.id, c, eventsOf.get(c.id) ?? []));
  const keep = () =>
    db.transaction('rw', db.kpiCardFacts, db.localMeta, async () => {
      if ((await generation(db)) !== before) return;
      await db.kpiCardFacts.bulkPut(rows);
      await db.localMeta.put({ key: builtKey(month), value: true });
    });
  try {
    await keep();
  } catch (err) {
    // The KPI screen reads its month inside a live query, where IndexedDB writes are refused: the
    // month is built just after, outside it, and the read goes on with what it read.
    if (!(err instanceof Dexie.ReadOnlyError)) throw err;
    setTimeout(() => void keep().catch(() => undefined), 0);
  }
}

/** Rewrite the rows of `cardIds` from the cards and events as now stored (inside a transaction). */
async function refreshRows(db: NetdeskDb, cardIds: readonly string[]): Promise<void> {
  // Two reads for the whole batch (a sync can bring thousands of events at once), not two per card.
  const [cards, events] = await Promise.all([
    db.repairCards.bulkGet([...cardIds]),
    db.repairEvents.where('cardId').anyOf(cardIds).toArray(),
  ]);
  const eventsOf = byCard(events);
  const gone: string[] = [];
  const rows: KpiCardFactsRow[] = [];
  for (const [i, id] of cardIds.entries()) {
    const card = cards[i] as KpiChartCard | undefined;
    const own = eventsOf.get(id) ?? [];
    if (!card && own.length === 0) gone.push(id);
    else rows.push(rowOf(id, card, own));
  }
  if (gone.length) await db.kpiCardFacts.bulkDelete(gone);
  if (rows.length) await db.kpiCardFacts.bulkPut(rows);
}

/** Every row and every built month forgotten: the next read of a month builds it again. */
async function forgetAll(db: NetdeskDb): Promise<void> {
  await db.kpiCardFacts.clear();
  await db.localMeta.where('key').startsWith('kpi-card-facts:v').delete();
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
