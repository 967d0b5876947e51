// The KPI month cache, its read side: a month's summary from this PC's local store while it holds,
// else computed from the month's record window and kept (see ./month-cache-hook.ts for the keys and
// the after-commit hook that forgets months when their records change).
import type { NetdeskDb } from '../../db/schema';
import { isSummaryCurrent, summarizeKpiMonth, type KpiMonthSummary } from '../../../shared/kpi/month-cache';
import { kpiCardOutcomes } from '../../../shared/kpi/engine';
import { readKpiMonthData } from './kpi-data';
import { generation, keyOf } from './month-cache-hook';

/** The kept summary of `month`, if it still holds at `now` (undefined otherwise). */
export async function cachedKpiMonth(
  db: NetdeskDb,
  month: string,
  now: Date,
): Promise<KpiMonthSummary | undefined> {
  const row = await db.localMeta.get(keyOf(month));
  const summary = row?.value as KpiMonthSummary | undefined;
  return summary && isSummaryCurrent(summary, now) ? summary : undefined;
}

/** `month`'s summary: the kept one while it holds, else computed from the month's window and kept. */
export async function kpiMonthSummary(db: NetdeskDb, month: string, now: Date): Promise<KpiMonthSummary> {
  const kept = await cachedKpiMonth(db, month, now);
  if (kept) return kept;
  const before = await generation(db);
  const { report, ledger } = await readKpiMonthData(db, month, now);
  // Each counted card's outcome is kept too, so a write of one card patches K3 alone.
  const summary = summarizeKpiMonth(report, kpiCardOutcomes(ledger, month, now));
  await db.transaction('rw', db.localMeta, async () => {
    if ((await generation(db)) === before) await db.localMeta.put({ key: keyOf(month), value: summary });
  });
  return summary;
}

/** Every month's summary in `months` (kept ones read, the rest computed one after another). */
export async function kpiMonthSummaries(
  db: NetdeskDb,
  months: readonly string[],
  now: Date,
): Promise<KpiMonthSummary[]> {
  const out: KpiMonthSummary[] = [];
  for (const month of months) out.push(await kpiMonthSummary(db, month, now));
  return out;
}
