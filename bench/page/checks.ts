// The checks figures of `npm run bench`, in the page (bench/page/hook.ts spreads them into
// window.__netdeskBench): a machine-room round saved as the checks screen saves it, with the app's
// after-commit hooks, beside a raw put of the same record; and the raw read of the year's checks by
// index, the floor under the week grid that bench/checks.ts times on the real screen.
import { registerCommitHook } from '../../renderer/db/commit';
import { createRepository } from '../../renderer/db/repository';
import { openNetdeskDb, type NetdeskDb } from '../../renderer/db/schema';
import { checksForGrid, saveCheck } from '../../renderer/features/checks/data';
import { kpiMonthCacheHook, kpiMonthCardsHook } from '../../renderer/features/kpi/month-cache-hook';
import { DEFAULT_CHECK_TEMPLATES } from '../../shared/checks/templates';
import { MACHINE_ROOM_SLOTS } from '../../shared/schemas/records';
import { chinaDay } from '../../shared/time/china';

let ledger: NetdeskDb | null = null;
const open = async () => (ledger ??= await openNetdeskDb());

async function times(runs: number, once: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await once(i);
    out.push(performance.now() - t0);
  }
  return out;
}

export const checksBench = {
  /**
   * Baseline of the week grid: the checks the screen reads for it (the weekly kinds of the 52 weeks
   * to today's week and this week's rounds, by the [kind+at] index), nothing computed or drawn.
   */
  async rawGridChecks(runs: number): Promise<{ ms: number[]; checks: number }> {
    const db = await open();
    const today = chinaDay(new Date());
    let checks = 0;
    const ms = await times(runs, async () => {
      checks = (await checksForGrid(db, today)).length;
    });
    return { ms, checks };
  },

  /**
   * A machine-room round saved through saveCheck (rules, repository, change log) with the hooks the
   * app registers when the ledger opens (the repair search copy's registers itself on import; the
   * KPI months' are added here), one slot after another, a minute apart in the past. Baseline: a raw
   * `routineChecks.put` of each saved record under a fresh id, outside the pipeline.
   */
  async machineRoomSave(runs: number): Promise<{ ms: number[]; rawMs: number[] }> {
    const db = await open();
    const repo = createRepository(db);
    const unregister = [registerCommitHook(kpiMonthCacheHook), registerCommitHook(kpiMonthCardsHook)];
    const items = DEFAULT_CHECK_TEMPLATES.find((t) => t.kind === 'machine-room')!.items.map((item) => ({
      label: item.label,
      deviceId: null,
      result: 'ok' as const,
      note: '',
    }));
    const saved: Awaited<ReturnType<typeof saveCheck>>[] = [];
    const at = Date.now() - 60_000;
    try {
      const ms = await times(runs, async (i) => {
        saved.push(
          await saveCheck(db, repo, {
            kind: 'machine-room',
            at: new Date(at - i * 60_000).toISOString(),
            by: '基准测试',
            slot: MACHINE_ROOM_SLOTS[i % MACHINE_ROOM_SLOTS.length],
            deviceIds: [],
            site: '总部机房',
            items,
          }),
        );
      });
      const rawMs = await times(runs, (i) =>
        db.routineChecks.put({ ...saved[i]!, id: `bench-raw-${Date.now()}-${i}` }),
      );
      return { ms, rawMs };
    } finally {
      for (const u of unregister) u();
    }
  },
};
