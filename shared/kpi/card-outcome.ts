// K3 for one repair card: whether the month counts it, and where it stands at the report time
// (met, late, in progress, refused and not yet approved, or a data problem). The engine folds these
// over a month's cards; the KPI month cache applies them to the one card a write changed, so the
// tiles follow a new card without the month being recomputed. Kept apart from the engine so the
// write pipeline's hook, loaded with the app, carries only this and the SLA clock.
import { evaluateSla } from '../repair/sla';
import { isListed } from '../sync/arrival';
import { monthPeriod } from '../time/china';
import type { DataProblem, KpiActuals, KpiCard, KpiCardEvent, KpiException, KpiRecord } from './types';

/** Where one card stands in K3: the count it adds to; 'problem' is a data problem, not counted. */
export type KpiCardOutcome = 'met' | 'late' | 'inProgress' | 'refusedPending' | 'problem';

const CLOCK_EVENTS = new Set([
  'part-ordered',
  'part-arrived',
  'repaired',
  'suggestion-given',
  'refused',
  'approved',
]);

const ms = (iso: string) => Date.parse(iso);
const byId = (a: KpiRecord, b: KpiRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const problem = (p: DataProblem): KpiException => ({ kind: 'data-problem', problem: p });

/** K3 counts a card received in [startMs, endMs), by the report time, and listed. */
export function countsInK3(card: KpiCard, startMs: number, endMs: number, nowMs: number): boolean {
  const t = ms(card.receivedAt);
  return t >= startMs && t < endMs && t <= nowMs && isListed(card);
}

/**
 * Each card's listed events in time order, ties by id: the SLA clock sorts by time only and keeps
 * the given order for equal times, so this fixes the answer whatever order the ledger lists them in.
 */
export function eventsByCard(
  ids: ReadonlySet<string>,
  cardEvents: readonly KpiCardEvent[],
): Map<string, KpiCardEvent[]> {
  const eventsOf = new Map<string, KpiCardEvent[]>();
  // Each time parsed once, not in every comparison; only the named cards' events are sorted.
  const events = cardEvents
    .filter((e) => ids.has(e.cardId) && isListed(e))
    .map((e) => ({ e, t: ms(e.at) }))
    .sort((a, b) => a.t - b.t || byId(a.e, b.e))
    .map(({ e }) => e);
  for (const e of events) {
    const list = eventsOf.get(e.cardId);
    if (list) list.push(e);
    else eventsOf.set(e.cardId, [e]);
  }
  return eventsOf;
}

/** A counted card's K3 outcome at `nowMs` and the exception it lists, from its events in time order. */
export function cardOutcome(
  card: KpiCard,
  own: readonly KpiCardEvent[],
  nowMs: number,
): { outcome: KpiCardOutcome; exception: KpiException | null } {
  const received = ms(card.receivedAt);
  const early = own.find((e) => CLOCK_EVENTS.has(e.type) && ms(e.at) < received && ms(e.at) <= nowMs);
  if (early) {
    return {
      outcome: 'problem',
      exception: problem(
        early.type === 'repaired' || early.type === 'suggestion-given'
          ? {
              kind: 'done-before-received',
              table: 'repairCards',
              recordId: card.id,
              cardNo: card.cardNo,
              receivedAt: card.receivedAt,
              doneAt: early.at,
            }
          : {
              kind: 'event-before-received',
              table: 'repairEvents',
              recordId: early.id,
              cardNo: card.cardNo,
              event: early.type,
              at: early.at,
              receivedAt: card.receivedAt,
            },
      ),
    };
  }
  const sla = evaluateSla(card.receivedAt, own, new Date(nowMs));
  const ref = { cardId: card.id, cardNo: card.cardNo, receivedAt: card.receivedAt };
  switch (sla.state) {
    case 'met':
      return { outcome: 'met', exception: null };
    case 'late':
    case 'overdue':
      return {
        outcome: 'late',
        exception: {
          kind: 'late-card',
          ...ref,
          dueAt: sla.dueAt!,
          doneAt: sla.doneAt,
          lateMs: -(sla.marginMs ?? 0),
        },
      };
    case 'running':
    case 'paused':
      return { outcome: 'inProgress', exception: { kind: 'card-in-progress', ...ref, dueAt: sla.dueAt } };
    case 'refused':
      return { outcome: 'refusedPending', exception: { kind: 'card-refused-pending', ...ref } };
  }
}

/** K3's result on its counts: met / (met + late) must be all; nothing decided yet is grey (null). */
export function k3Pass(counts: KpiActuals['K3']): boolean | null {
  const decided = counts.met + counts.late;
  return decided === 0 ? null : counts.late === 0;
}

/**
 * One card's K3 outcome in `month` at `now` from its own events, or null when K3 does not count it
 * there (received in another month or after `now`, deleted, or not arrived whole).
 */
export function kpiCardOutcome(
  card: KpiCard,
  events: readonly KpiCardEvent[],
  month: string,
  now: Date,
): KpiCardOutcome | null {
  const period = monthPeriod(month);
  if (!countsInK3(card, period.start.getTime(), period.end.getTime(), now.getTime())) return null;
  const own = eventsByCard(new Set([card.id]), events).get(card.id) ?? [];
  return cardOutcome(card, own, now.getTime()).outcome;
}
