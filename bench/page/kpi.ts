// The KPI figures of `npm run bench`, in the page (bench/page/hook.ts spreads them into
// window.__netdeskBench): one month's K1–K9 with exceptions read from the ten-year ledger, the
// monthly report PDF with its charts, and the month's tiles after a new repair card — each with a
// raw baseline measured in the same run (the month's cards read by index; a cached summary read).
import { registerCommitHook } from '../../renderer/db/commit';
import { createRepository } from '../../renderer/db/repository';
import { openNetdeskDb, type NetdeskDb } from '../../renderer/db/schema';
import { logRepairCard } from '../../renderer/features/repair/data/index';
import { readKpiMonth, readKpiMonthLedger } from '../../renderer/features/kpi/kpi-data';
import { kpiChartSeries } from '../../shared/kpi/charts';
import { computeKpiMonth, kpiRecordWindow } from '../../shared/kpi/engine';
import { kpiMonthSummary } from '../../renderer/features/kpi/month-cache';
import { keyOf, kpiMonthCacheHook, kpiMonthCardsHook } from '../../renderer/features/kpi/month-cache-hook';
import { kpiCardFactsHook, readMonthCards } from '../../renderer/features/kpi/card-facts';
import { drawKpiPdf } from '../../renderer/features/kpi/print-kpi';
import { figuresSha256, freezeKpiReport } from '../../shared/kpi/archive';
import { chinaMonth, monthPeriod } from '../../shared/time/china';

let ledger: NetdeskDb | null = null;
const open = async () => (ledger ??= await openNetdeskDb());

/** The KPI feature's after-commit hooks, registered as the app registers them (features/manifest.ts). */
function withKpiHooks<T>(run: () => Promise<T>): Promise<T> {
  const off = [kpiMonthCacheHook, kpiMonthCardsHook, kpiCardFactsHook].map(registerCommitHook);
  return run().finally(() => off.forEach((u) => u()));
}

async function times(runs: number, once: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await once(i);
    out.push(performance.now() - t0);
  }
  return out;
}

export const kpiBench = {
  /** `month`'s K1–K9 with every exception and the chart series, as the KPI screen reads them. */
  async kpiMonth(
    runs: number,
    month: string,
    nowIso: string,
  ): Promise<{ ms: number[]; firstMs: number[]; rawMs: number[]; cards: number }> {
    const db = await open();
    const now = new Date(nowIso);
    const period = monthPeriod(month);
    let cards = 0;
    // Baseline: only the month's cards, read by their index, nothing computed.
    const rawMs = await times(runs, async () => {
      cards = (
        await db.repairCards
          .where('receivedAt')
          .between(period.start.toISOString(), period.end.toISOString(), true, false)
          .toArray()
      ).length;
    });
    return withKpiHooks(async () => {
      await readKpiMonth(db, month, now); // the first read parses the engine: left out ("warm")
      // The first read of a month since its cards' KPI facts were forgotten (as after a restore):
      // the cards and events themselves, and the month's facts built from them.
      const firstMs = await times(runs, async () => {
        await kpiCardFactsHook.afterImport!(db);
        await readKpiMonth(db, month, now);
      });
      const ms = await times(runs, () => readKpiMonth(db, month, now));
      return { ms, firstMs, rawMs, cards };
    });
  },

  /**
   * Where a month's time goes: the record window read through the indexes, the month's cards and
   * events from their kept KPI facts (beside it, the month's repair events alone read by card id), the nine indicators computed, the chart series.
   */
  async kpiMonthSplit(
    runs: number,
    month: string,
    nowIso: string,
  ): Promise<{
    readMs: number[];
    factsMs: number[];
    eventsMs: number[];
    perCardMs: number[];
    computeMs: number[];
    chartsMs: number[];
    events: number;
  }> {
    const db = await open();
    const now = new Date(nowIso);
    const out = {
      readMs: [] as number[],
      factsMs: [] as number[],
      eventsMs: [] as number[],
      perCardMs: [] as number[],
      computeMs: [] as number[],
      chartsMs: [] as number[],
      events: 0,
    };
    await withKpiHooks(() => readKpiMonthLedger(db, month)); // the month's facts built, if not yet
    for (let i = 0; i < runs; i++) {
      let t0 = performance.now();
      const ledger = await withKpiHooks(() => readKpiMonthLedger(db, month));
      out.readMs.push(performance.now() - t0);
      // Of the window, the month's cards and events alone, from their kept facts.
      const w = kpiRecordWindow(month).cardsReceived;
      const slack = 15 * 3600_000;
      t0 = performance.now();
      await withKpiHooks(() =>
        readMonthCards(db, month, {
          from: new Date(Date.parse(w.from) - slack).toISOString(),
          to: new Date(Date.parse(w.to) + slack).toISOString(),
        }),
      );
      out.factsMs.push(performance.now() - t0);
      t0 = performance.now();
      out.events = (
        await db.repairEvents
          .where('cardId')
          .anyOf(ledger.cards.map((c) => c.id))
          .toArray()
      ).length;
      out.eventsMs.push(performance.now() - t0);
      // The same events, one indexed read per card in a single transaction (no cursor jumps).
      t0 = performance.now();
      await db.transaction('r', db.repairEvents, () =>
        Promise.all(ledger.cards.map((c) => db.repairEvents.where('cardId').equals(c.id).toArray())),
      );
      out.perCardMs.push(performance.now() - t0);
      t0 = performance.now();
      computeKpiMonth(ledger, month, now, { quoteFold: ledger.quoteFold });
      out.computeMs.push(performance.now() - t0);
      t0 = performance.now();
      kpiChartSeries(ledger, month, now);
      out.chartsMs.push(performance.now() - t0);
    }
    return out;
  },

  /** The monthly report (月度考核报告) with its four charts, drawn from frozen figures through the print path's font. */
  async kpiPdf(runs: number, month: string, nowIso: string): Promise<{ ms: number[]; bytes: number[] }> {
    const db = await open();
    const now = new Date(nowIso);
    const data = await readKpiMonth(db, month, now);
    const figures = freezeKpiReport(
      {
        report: data.report,
        charts: data.charts,
        issuedAt: now,
        company: '鸿泰置业集团',
        preparedBy: '基准测试',
        remark: '本月网络运行平稳，打印机故障集中在月初。',
      },
      null,
    );
    const sha = await figuresSha256(figures);
    await drawKpiPdf(figures, sha); // loads jsPDF and the form: left out ("warm")
    const out = { ms: [] as number[], bytes: [] as number[] };
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const pdf = await drawKpiPdf(figures, sha);
      out.ms.push(performance.now() - t0);
      out.bytes.push(pdf.byteLength);
    }
    return out;
  },

  /**
   * The month's tiles after a new repair card: the card logged as the intake screen logs it (the write
   * pipeline's hook patches the month's K3 from that card in the same transaction), then the
   * month's summary read again — kept, never recomputed from the month's window. Baseline: the
   * summary read while it is kept (no write in between).
   */
  async kpiTileAfterCard(
    runs: number,
    nowIso: string,
  ): Promise<{ ms: number[]; writeMs: number[]; keptMs: number[]; recomputeMs: number[] }> {
    const db = await open();
    const unregister = [kpiMonthCacheHook, kpiMonthCardsHook, kpiCardFactsHook].map(registerCommitHook);
    try {
      const repo = createRepository(db);
      const people = await db.people.where('name').above('').limit(50).toArray();
      // The dataset's "now": the new cards land in a month full of cards, as on a working day.
      let at = Date.parse(nowIso);
      const now = () => new Date(at);
      const ctx = { db, repo, pcCode: 'B', operator: '基准测试', now };
      const month = chinaMonth(now());
      await kpiMonthSummary(db, month, now());
      const keptMs = await times(runs, () => kpiMonthSummary(db, month, now()));
      // What the tiles cost when the write only forgets the month: recomputed from its window.
      const recomputeMs = await times(runs, async () => {
        await db.localMeta.delete(keyOf(month));
        await kpiMonthSummary(db, month, now());
      });
      const out = { ms: [] as number[], writeMs: [] as number[], keptMs, recomputeMs };
      for (let i = 0; i < runs; i++) {
        at += 1000;
        const t0 = performance.now();
        const p = people[i % people.length]!;
        await logRepairCard(ctx, {
          requesterId: p.id,
          faultCategory: 'hardware',
          description: `基准测试：开机黑屏，第 ${i + 1} 张`,
        });
        const t1 = performance.now();
        const summary = await kpiMonthSummary(db, month, now());
        const t2 = performance.now();
        if (!summary.indicators.length) throw new Error('no KPI tiles after the new card');
        out.writeMs.push(t1 - t0);
        out.ms.push(t2 - t1);
      }
      return out;
    } finally {
      for (const u of unregister) u();
    }
  },
};
