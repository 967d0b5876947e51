// The records a month's report reads, as the ledger's indexes find them: the month's record window
// (engine.ts, kpiRecordWindow) widened for times stored with any offset, and which months' windows
// hold a given received time, so a kept copy of a month can be forgotten when a card in it changes.
import { addMonths, isChinaMonth } from '../time/china';
import { kpiRecordWindow, type KpiRecordWindow } from './engine';

// Times are stored as written (ISO 8601 with any offset: '2026-11-30T23:30:00+08:00' from an
// imported file, '…Z' from the app), and an index orders them as text. Reading 15 hours more on
// each side catches every offset (−12:00…+14:00); the engine then keeps exactly the month's records
// by their instant, so the extra ones cost a few rows and change nothing.
const SLACK_MS = 15 * 3600 * 1000;
const shift = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
const wide = (r: { from: string; to: string }) => ({
  from: shift(r.from, -SLACK_MS),
  to: shift(r.to, SLACK_MS),
});

/** `month`'s record window with its time ranges widened by the slack above (ISO text, UTC). */
export function kpiReadWindow(month: string): KpiRecordWindow {
  const w = kpiRecordWindow(month);
  return {
    ...w,
    cardsReceived: wide(w.cardsReceived),
    incidentsStarted: wide(w.incidentsStarted),
    checksAndUpdates: wide(w.checksAndUpdates),
  };
}

/**
 * The months whose card window (kpiReadWindow's cardsReceived, compared as text, as the index
 * does) holds `receivedAt`; null when the text does not start with a month ('YYYY-MM'), when the
 * caller must assume any month.
 */
export function monthsReadingCard(receivedAt: string): string[] | null {
  const month = receivedAt.slice(0, 7);
  if (!isChinaMonth(month)) return null;
  return [addMonths(month, -1), month, addMonths(month, 1)].filter((m) => {
    const w = kpiReadWindow(m).cardsReceived;
    return receivedAt >= w.from && receivedAt < w.to;
  });
}
