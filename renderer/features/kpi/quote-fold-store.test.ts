// The KPI screen's fast path against the plain engine on a generated multi-year ledger: the
// month's own showings with a kept fold of the earlier quotes (./quote-fold-store.ts) give exactly
// what the engine gives from every record, month after month in any order, and still after writes
// that change what was shown before (the after-commit hook forgets the folds they touch).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeKpiMonth } from '../../../shared/kpi/engine';
import { kpiLedgerFromTables } from '../../../shared/kpi/ledger';
import { buildDatasetBackup } from '../../../shared/dataset/generate';
import type { BackupTables } from '../../../shared/backup';
import { registerCommitHook } from '../../db/commit';
import { createRepository, type Repository } from '../../db/repository';
import type { NetdeskDb } from '../../db/schema';
import { freshDb, manualClock } from '../../db/test-support';
import { readKpiMonth } from './kpi-data';
import { kpiQuoteFoldHook } from './quote-fold-store';

const NOW = new Date('2026-11-27T06:00:00Z');
let db: NetdeskDb;
let repo: Repository;
let unregister: () => void;

/** Three years of a small group, with some quotes shown again (the generator never repeats one). */
function threeYears(): BackupTables {
  const { tables } = buildDatasetBackup({ now: NOW, years: 3, employees: 40, devices: 80, cards: 400 });
  const schedule = [...(tables.quoteSchedule ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const quotes = tables.quotes ?? [];
  // A quote of the first year shown again in 2026-03 and 2026-10, and one written with other
  // punctuation and full-width letters (the same text once folded) in 2025-06.
  const old = schedule.find((s) => s.date.startsWith('2024-'))!;
  const oldQuote = quotes.find((q) => q.id === old.quoteId)!;
  const again = (month: string) => schedule.find((s) => s.date.startsWith(month) && s.shown)!;
  again('2026-03').quoteId = oldQuote.id;
  again('2026-10').quoteId = oldQuote.id;
  const variant = again('2025-06');
  const twin = quotes.find((q) => q.id === variant.quoteId)!;
  twin.text = `${oldQuote.text.replace(/[，。,.]/g, ' ')}！`;
  return { ...tables, quoteSchedule: schedule, quotes };
}

async function fill(tables: BackupTables) {
  for (const [name, rows] of Object.entries(tables)) {
    if (rows?.length) await db.table(name).bulkAdd(rows as object[]);
  }
}

/** Every table as now stored: the plain engine's whole ledger. */
async function everything(): Promise<BackupTables> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

const k6 = (report: Awaited<ReturnType<typeof readKpiMonth>>['report']) =>
  report.indicators.find((i) => i.id === 'K6')!;

beforeEach(async () => {
  db = await freshDb();
  repo = createRepository(db, { now: manualClock('2026-11-27T06:00:00.000Z').now });
  unregister = registerCommitHook(kpiQuoteFoldHook);
});
afterEach(() => {
  unregister();
  db.close();
});

describe("K6's kept fold of earlier quotes", () => {
  it('gives what the plain engine gives on the whole ledger, month by month in any order', async () => {
    await fill(threeYears());
    const full = kpiLedgerFromTables(await everything());
    // Later months first (each fold made from nothing), then earlier and later ones (extended from
    // the nearest kept fold, or read again from a kept one).
    for (const month of ['2026-10', '2024-02', '2025-06', '2026-03', '2026-11', '2025-07', '2026-10']) {
      const fast = await readKpiMonth(db, month, NOW);
      expect(fast.report, month).toEqual(computeKpiMonth(full, month, NOW));
    }
    // Not a vacuous comparison: the repeats are found, by text and by folded text.
    const oct = k6((await readKpiMonth(db, '2026-10', NOW)).report);
    expect(oct.actual).toMatchObject({ repeats: 1 });
    const repeat = oct.exceptions.find((e) => e.kind === 'quote-repeated') as { firstShownOn: string };
    expect(repeat.firstShownOn.slice(0, 5)).toBe('2024-');
    expect(k6((await readKpiMonth(db, '2025-06', NOW)).report).actual).toMatchObject({ repeats: 1 });
    const kept = await db.localMeta.where('key').startsWith('kpi-quote-fold:').count();
    expect(kept).toBeGreaterThan(3);
  });

  it('follows writes to the schedule and to a quote: a fold they touch is forgotten', async () => {
    const tables = threeYears();
    await fill(tables);
    expect(k6((await readKpiMonth(db, '2026-10', NOW)).report).actual).toMatchObject({ repeats: 1 });
    const november = (await readKpiMonth(db, '2026-11', NOW)).report;
    expect(k6(november).actual).toMatchObject({ repeats: 0 });

    // November's first showing is given a quote first shown in 2025: November now has a repeat,
    // though its fold (before 1 November) was kept.
    const first2025 = (await db.quoteSchedule.where('date').startsWith('2025-').first())!;
    const nov = (await db.quoteSchedule
      .where('date')
      .between('2026-11-01', '2026-11-30', true, true)
      .first())!;
    await repo.update('quoteSchedule', nov.id, { quoteId: first2025.quoteId });
    const afterSwap = (await readKpiMonth(db, '2026-11', NOW)).report;
    expect(k6(afterSwap).actual).toMatchObject({ repeats: 1 });
    expect(afterSwap).toEqual(computeKpiMonth(kpiLedgerFromTables(await everything()), '2026-11', NOW));

    // The 2024 quote shown again in October is edited to new words: October's showing is still a
    // repeat of the 2024 day, under its new words (a fold kept with the old words would find none).
    const octRepeat = k6((await readKpiMonth(db, '2026-10', NOW)).report).exceptions.find(
      (e) => e.kind === 'quote-repeated',
    ) as { quoteId: string };
    await repo.update('quotes', octRepeat.quoteId, { text: '今天的新话：学而时习之。' });
    const afterEdit = (await readKpiMonth(db, '2026-10', NOW)).report;
    expect(afterEdit).toEqual(computeKpiMonth(kpiLedgerFromTables(await everything()), '2026-10', NOW));
    expect(k6(afterEdit).actual).toMatchObject({ repeats: 1 });
    const edited = k6(afterEdit).exceptions.find((e) => e.kind === 'quote-repeated') as {
      text: string;
      firstShownOn: string;
    };
    expect([edited.text, edited.firstShownOn.slice(0, 5)]).toEqual(['今天的新话：学而时习之。', '2024-']);
  });
});
