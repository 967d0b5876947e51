// A repair card's KPI facts: the few fields of the card and of its events that the KPI engine and
// the charts read (types.ts: KpiCard, KpiCardEvent; charts.ts: KpiChartCard), packed as one JSON
// text per card. A month's report reads these instead of the whole cards and events, which carry
// descriptions, parts and a sync stamp per field — ten times the bytes for the same answer.
// A month's facts are packed again as one text (packMonthFacts), which IndexedDB reads several
// times faster than the month's rows one by one.
// Pure: the renderer keeps one row per card in a local table and a month's text beside it
// (renderer/features/kpi/card-facts.ts).
import type { KpiChartCard } from './charts';
import type { KpiCardEvent } from './types';

/** Bumped when the fields below change: facts packed by another version are then rebuilt. */
export const CARD_FACTS_VERSION = 1;

/** What a card's facts hold: the card (null when only its events have arrived) and its events. */
export interface CardFacts {
  card: KpiChartCard | null;
  events: KpiCardEvent[];
}

// Undefined fields are left out, as a stored record leaves them out.
function pick<T extends object, K extends keyof T>(record: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (record[key] !== undefined) out[key] = record[key];
  return out;
}

const CARD_FIELDS = [
  'id',
  'createdAt',
  'deletedAt',
  'cardNo',
  'receivedAt',
  'departmentId',
  'faultCategory',
] as const satisfies readonly (keyof KpiChartCard)[];

// The card id is the row's own: an event's is left out of the text and put back on reading.
const EVENT_FIELDS = ['id', 'createdAt', 'deletedAt', 'type', 'at'] as const satisfies readonly (
  keyof KpiCardEvent | 'cardId'
)[];

/** The facts of one card, packed: the card as stored (or undefined) and every event naming it. */
export function packCardFacts(card: KpiChartCard | undefined, events: readonly KpiCardEvent[]): string {
  return JSON.stringify({
    card: card ? pick(card, CARD_FIELDS) : null,
    events: events.map((e) => pick(e, EVENT_FIELDS)),
  });
}

/** The facts of card `cardId` from their packed text. */
export function unpackCardFacts(cardId: string, packed: string): CardFacts {
  const facts = JSON.parse(packed) as { card: KpiChartCard | null; events: Omit<KpiCardEvent, 'cardId'>[] };
  return { card: facts.card, events: facts.events.map((e) => ({ ...e, cardId })) };
}

/** A month's cards and their events, as the KPI read needs them. */
export interface MonthCardFacts {
  cards: KpiChartCard[];
  cardEvents: KpiCardEvent[];
}

/** The packed facts of several cards, as one text: each card's id beside its own packed text. */
export function packMonthFacts(rows: readonly { id: string; facts: string }[]): string {
  return `[${rows.map((r) => `[${JSON.stringify(r.id)},${r.facts}]`).join(',')}]`;
}

/** The cards and events of a text packMonthFacts made. */
export function unpackMonthFacts(packed: string): MonthCardFacts {
  const rows = JSON.parse(packed) as [
    string,
    { card: KpiChartCard | null; events: Omit<KpiCardEvent, 'cardId'>[] },
  ][];
  const cards: KpiChartCard[] = [];
  const cardEvents: KpiCardEvent[] = [];
  for (const [cardId, facts] of rows) {
    if (facts.card) cards.push(facts.card);
    for (const e of facts.events) cardEvents.push({ ...e, cardId });
  }
  return { cards, cardEvents };
}
