// The 24-hour clock of a repair card (KPI K3), as a pure function of its events.
//
// - The clock starts when the supervisor receives the card: due = received + 24 h.
// - Waiting for parts pauses it; when the part arrives it restarts: due = arrived + 24 h.
//   With several waits, the last arrival counts. While a part is on order there is no due time.
// - A refused card has no clock; once the general manager or chairman approves, due = approved + 24 h.
//   A denied approval leaves it refused, without a clock.
// - The card is met when the first "repaired" or "suggestion given" happens at or before the due
//   time in force at that moment; after it, late.
import type { RepairEventType } from './workflow';

export const SLA_HOURS = 24;
const SLA_MS = SLA_HOURS * 3600 * 1000;

export interface ClockEvent {
  type: RepairEventType;
  /** ISO time. */
  at: string;
}

export type SlaState =
  /** Open, before the due time. */
  | 'running'
  /** Open, past the due time. */
  | 'overdue'
  /** Waiting for a part: the clock is paused. */
  | 'paused'
  /** Refused and not (or not yet) approved: no clock. */
  | 'refused'
  /** Repaired or answered with a suggestion at or before due. */
  | 'met'
  /** Repaired or answered after due. */
  | 'late';

export interface SlaResult {
  state: SlaState;
  /** Due time in force (ISO), or null while paused or refused. */
  dueAt: string | null;
  /** When the card was repaired or answered (ISO), if it was. */
  doneAt: string | null;
  /** Milliseconds left before due (negative when overdue or late); null without a clock. */
  marginMs: number | null;
}

const ms = (iso: string) => Date.parse(iso);

/**
 * Events stamped with the same instant (a quick entry, an import, a sync from a PC with a coarse
 * clock) are taken in the order the work happens, so the answer never depends on the order the
 * events were stored in: a refusal or approval is decided before work starts, a part is ordered
 * before it arrives, the work is done before it is signed off.
 */
const SAME_INSTANT_ORDER: Record<RepairEventType, number> = {
  received: 0,
  'head-signed': 1,
  refused: 2,
  'approval-denied': 3,
  approved: 4,
  started: 5,
  'part-ordered': 6,
  'part-arrived': 7,
  repaired: 8,
  'suggestion-given': 9,
  'signed-off': 10,
  closed: 11,
  'vendor-contact': 12,
  note: 13,
};
const iso = (t: number) => new Date(t).toISOString();

/**
 * Evaluate the clock of one card at `asOf`. Events may come in any order; only events at or
 * before `asOf` count, so a report for an earlier month sees the card as it was then.
 */
export function evaluateSla(receivedAt: string, events: readonly ClockEvent[], asOf: Date): SlaResult {
  const now = asOf.getTime();
  const sorted = events
    // Only the type and time are read: a stored event's other fields are not copied (a month's
    // report evaluates ten thousand events).
    .map((e) => ({ type: e.type, at: e.at, t: ms(e.at) }))
    .filter((e) => e.t <= now)
    .sort((a, b) => a.t - b.t || SAME_INSTANT_ORDER[a.type] - SAME_INSTANT_ORDER[b.type]);

  let due: number | null = ms(receivedAt) + SLA_MS;
  let refused = false;
  let partsPending = 0;

  for (const e of sorted) {
    const t = e.t;
    switch (e.type) {
      case 'refused':
        refused = true;
        due = null;
        break;
      case 'approved':
        if (refused) {
          refused = false;
          due = partsPending > 0 ? null : t + SLA_MS;
        }
        break;
      case 'part-ordered':
        partsPending += 1;
        due = null;
        break;
      case 'part-arrived':
        if (partsPending > 0) partsPending -= 1;
        if (partsPending === 0 && !refused) due = t + SLA_MS;
        break;
      case 'repaired':
      case 'suggestion-given': {
        if (refused) break; // work on a refused card does not count until approved
        // Done while a part was still marked as ordered: the work itself ends the wait.
        const dueNow = due ?? t;
        return {
          state: t <= dueNow ? 'met' : 'late',
          dueAt: iso(dueNow),
          doneAt: e.at,
          marginMs: dueNow - t,
        };
      }
      default:
        break;
    }
  }
  if (refused) return { state: 'refused', dueAt: null, doneAt: null, marginMs: null };
  if (due === null) return { state: 'paused', dueAt: null, doneAt: null, marginMs: null };
  return { state: now <= due ? 'running' : 'overdue', dueAt: iso(due), doneAt: null, marginMs: due - now };
}
