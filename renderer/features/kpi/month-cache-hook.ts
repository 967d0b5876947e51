// The KPI month cache, its write side (loaded with the app, so kept free of the KPI engine): each
// month's K1–K9 summary kept in this PC's local store (localMeta, keys 'kpi-month:YYYY-MM'), so the year so far is twelve reads rather than twelve months recomputed,
// and a month is recomputed from its own record window only after something that can change it was
// written. The write pipeline's after-commit hook forgets the months a committed record touches
// (shared/kpi/month-cache.ts says which), inside the write's transaction, whoever wrote: this PC,
// another PC through sync, or a backup (which forgets every month once, at its end).
import type { CommitHook } from '../../db/commit';
import type { NetdeskDb } from '../../db/schema';
import { KPI_INPUT_TABLES, monthsTouched, type MonthRange } from '../../../shared/kpi/month-cache';

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

export const kpiMonthCacheHook: CommitHook = {
  name: 'kpi-month-cache',
  tables: KPI_INPUT_TABLES,
  writes: (db) => [db.localMeta],
  async afterCommit(db, batch) {
    const ranges = batch.records.flatMap((r) =>
      monthsTouched(batch.table, r as unknown as Record<string, unknown>),
    );
    if (ranges.length) await forget(db, mergeRanges(ranges));
  },
  async afterImport(db) {
    await db.transaction('rw', db.localMeta, () => forget(db, [{ from: '0000-01', to: null }]));
  },
};
