// Small pure helpers of the repair screens: the list's date range as the data layer wants it and
// the clock state a list row shows. Times are typed and read in China time, as everywhere
// (renderer/i18n/dates.ts). No React, no database.
import type { RepairStatus } from '../../../shared/repair/workflow';
import { addDays, dayStart, isChinaDay } from '../../../shared/time/china';

// One date format everywhere: the repair screens print and take times with the app's helpers.
export { formatTime, fromChinaInputValue, toChinaInputValue } from '../../i18n/dates';

/**
 * The list's received-date range (China calendar days 'YYYY-MM-DD', both included) as the data
 * layer's bounds: from the start of the first day, to the start of the day after the last.
 */
export function receivedRangeOf(
  fromDay: string | null,
  toDay: string | null,
): { receivedFrom: string | null; receivedTo: string | null } {
  const start = (day: string, plusDays: number) =>
    isChinaDay(day) ? dayStart(addDays(day, plusDays)).toISOString() : null;
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
