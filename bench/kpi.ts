// The KPI figures in `npm run bench`'s table: one month's K1–K9 (budget 300 ms), the monthly
// report PDF with its charts (1.5 s, 300 KB) and the month's tiles after a new repair card
// (100 ms), each beside a raw baseline from the same run. The page side is bench/page/kpi.ts.
import type { kpiBench } from './page/kpi';
import { median, type HookCall, type Measured } from './hook-call';

type KpiHook = typeof kpiBench;
type Call = HookCall<KpiHook>;

export async function kpiFigures(
  call: Call,
  measured: Measured,
  opts: { runs: number; now: Date; month: string; emptyPdfMs: number },
): Promise<void> {
  const nowIso = opts.now.toISOString();
  const month = await call('kpiMonth', opts.runs, opts.month, nowIso);
  measured(`baseline: one month's repair cards read by index (${month.cards} cards)`, month.rawMs);
  measured('one month of KPIs (K1–K9 with exceptions and chart series)', month.ms, {
    budget: 300,
    baseline: median(month.rawMs),
    note: `${opts.month} as of ${nowIso}, read from its record window, the cards and events as their kept KPI facts`,
  });
  measured("one month of KPIs, first read since a restore (builds the month's card facts)", month.firstMs, {
    baseline: median(month.rawMs),
    note: 'the cards and their events read whole, as before the facts were kept, and the facts written',
  });
  const split = await call('kpiMonthSplit', opts.runs, opts.month, nowIso);
  const m = (xs: number[]) => median(xs).toFixed(1);
  measured(`one month of KPIs: its record window read by index`, split.readMs, {
    note: `of it, the month's cards and events from their kept facts ${m(split.factsMs)} ms; the month's ${split.events} repair events read whole by card id instead: ${m(split.eventsMs)} ms (one read per card: ${m(split.perCardMs)} ms); then K1–K9 computed ${m(split.computeMs)} ms, chart series ${m(split.chartsMs)} ms`,
  });
  const pdf = await call('kpiPdf', opts.runs, opts.month, nowIso);
  const kb = pdf.bytes.map((b) => b / 1024);
  measured('monthly KPI PDF (月度考核报告, four charts)', pdf.ms, {
    budget: 1500,
    baseline: opts.emptyPdfMs,
    note: `font subset and drawing from frozen figures; ${median(kb).toFixed(1)} KB (budget 300 KB)`,
  });
  measured('monthly KPI PDF size', kb, { unit: 'KB', budget: 300 });
  const tile = await call('kpiTileAfterCard', opts.runs, nowIso);
  measured(
    "the month's tiles recomputed from its record window (a write that only forgets the month)",
    tile.recomputeMs,
    {
      baseline: median(tile.keptMs),
      note: 'what the tiles cost after a new card before the hook patched the month in place',
    },
  );
  measured('KPI tiles after a new repair card', tile.ms, {
    budget: 100,
    baseline: median(tile.keptMs),
    note:
      `the month of the dataset's "now" patched by the after-commit hook from the new card alone; the card's write ` +
      `${median(tile.writeMs).toFixed(1)} ms (hook included); baseline = the kept summary read`,
  });
}
