// Small pure helpers of the repair screens: times as the supervisor types and reads them (this
// PC's local time, minutes), the list's date range as the data layer wants it, the clock state a
// list row shows. No React, no database.
import type { RepairStatus } from '../../../shared/repair/workflow';

const pad = (n: number) => String(n).padStart(2, '0');

/** The value of an <input type="datetime-local"> for a time: 'YYYY-MM-DDTHH:mm', local time. */
export function toLocalInputValue(at: Date): string {
  return (
    `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}` +
    `T${pad(at.getHours())}:${pad(at.getMinutes())}`
  );
}

/** An ISO time from an <input type="datetime-local"> value, or null when it holds no valid time. */
export function fromLocalInputValue(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const at = new Date(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  // new Date() rolls 31 February over into March: refuse what the user did not type.
  if (at.getMonth() !== mo - 1 || at.getDate() !== d || at.getHours() !== h) return null;
  return at.toISOString();
}

// One date format everywhere: the repair screens print times with the app's formatter.
export { formatTime } from '../../i18n/dates';

/**
 * The list's received-date range (local calendar days 'YYYY-MM-DD', both included) as the data
 * layer's bounds: from the start of the first day, to the start of the day after the last.
 */
export function receivedRangeOf(
  fromDay: string | null,
  toDay: string | null,
): { receivedFrom: string | null; receivedTo: string | null } {
  const start = (day: string, plusDays: number) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
    if (!m) return null;
    return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays).toISOString();
  };
  return {
    receivedFrom: fromDay ? start(fromDay, 0) : null,
    receivedTo: toDay ? start(toDay, 1) : null,
  };
}

/** What the time column of a list row shows. */
export type RowClock =
  | { kind: 'running'; marginMs: number }
  | { kind: 'overdue'; marginMs: number }
  | { kind: 'paused' }
  | { kind: 'refused' }
  | { kind: 'done' };

/**
 * A row's clock from the card's stored status and due time (the list has no timelines): the
 * clock runs in received / in repair, pauses while waiting for parts, is absent while refused,
 * and is over once the card was repaired or answered.
 */
export function rowClock(card: { status: RepairStatus; slaDueAt: string | null }, now: Date): RowClock {
  switch (card.status) {
    case 'received':
    case 'in-repair': {
      if (card.slaDueAt === null) return { kind: 'paused' };
      const marginMs = Date.parse(card.slaDueAt) - now.getTime();
      return marginMs < 0 ? { kind: 'overdue', marginMs } : { kind: 'running', marginMs };
    }
    case 'waiting-parts':
      return { kind: 'paused' };
    case 'refused':
      return { kind: 'refused' };
    default:
      return { kind: 'done' };
  }
}
