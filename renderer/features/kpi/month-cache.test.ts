// The KPI month cache against fake-indexeddb: a kept month is read back without recomputing; a new
// card or event through the repository patches its month's K3 in the same write, to exactly what a
// recompute gives; other inputs forget the months they touch; a backup import forgets every month
// once, at its end.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitRecords, commitScope, finishImport, registerCommitHook } from '../../db/commit';
import { createRepository } from '../../db/repository';
import type { NetdeskDb } from '../../db/schema';
import { freshDb, manualClock } from '../../db/test-support';
import { ledgerTables } from '../../../shared/schemas';
import { cachedKpiMonth, kpiMonthSummaries, kpiMonthSummary } from './month-cache';
import { keyOf, kpiMonthCacheHook, kpiMonthCardsHook } from './month-cache-hook';

let db: NetdeskDb;
let unregister: (() => void)[];
beforeEach(async () => {
  db = await freshDb();
  unregister = [registerCommitHook(kpiMonthCacheHook), registerCommitHook(kpiMonthCardsHook)];
});
afterEach(() => {
  for (const u of unregister) u();
  db.close();
});

/** The month as a recompute from its records gives it, the kept copy left untouched. */
async function recomputed(month: string, now: Date) {
  const kept = await db.localMeta.get(keyOf(month));
  await db.localMeta.delete(keyOf(month));
  try {
    return await kpiMonthSummary(db, month, now);
  } finally {
    if (kept) await db.localMeta.put(kept);
    else await db.localMeta.delete(keyOf(month));
  }
}

const NOW = new Date('2026-12-20T04:00:00.000Z');
const k3 = (s: { indicators: { id: string; actual: Record<string, number> }[] }) =>
  s.indicators.find((i) => i.id === 'K3')!.actual;

function newCard(repo: ReturnType<typeof createRepository>, cardNo: string, receivedAt: string) {
  return repo.create('repairCards', {
    cardNo,
    requesterName: '王芳',
    faultCategory: 'printer',
    description: '打印机卡纸',
    receivedAt,
  });
}

describe('the KPI month cache', () => {
  it("patches a month when a card of that month is written, and keeps the other months' figures", async () => {
    const repo = createRepository(db, { now: manualClock('2026-12-20T04:00:00.000Z').now });
    await newCard(repo, 'WX-2026-A-0001', '2026-11-10T02:00:00.000Z');
    await repo.create('trainings', { kind: 'office-software', date: '2026-12-03', topic: 'Excel 入门' });
    const [nov, dec] = await kpiMonthSummaries(db, ['2026-11', '2026-12'], NOW);
    const novK3 = k3(nov!);
    expect(novK3.inProgress! + novK3.late! + novK3.met!).toBe(1);
    expect(k3(dec!)).toMatchObject({ met: 0, late: 0, inProgress: 0 });
    // Both kept: November is settled, December is current within this minute.
    expect(await cachedKpiMonth(db, '2026-11', NOW)).toEqual(nov);
    expect(await cachedKpiMonth(db, '2026-12', NOW)).toEqual(dec);

    await newCard(repo, 'WX-2026-A-0002', '2026-12-20T03:30:00.000Z');
    // December patched in the write itself: kept, and counting the new card.
    const patched = await cachedKpiMonth(db, '2026-12', NOW);
    expect(patched && k3(patched).inProgress).toBe(1);
    expect(patched).toEqual(await recomputed('2026-12', NOW));
    expect(await cachedKpiMonth(db, '2026-11', NOW)).toEqual(nov);
  });

  it("follows a card's events, its lateness and its deletion exactly as a recompute does", async () => {
    const repo = createRepository(db, { now: manualClock('2026-12-20T04:00:00.000Z').now });
    const now = new Date('2026-12-20T04:00:00.000Z');
    const late = await newCard(repo, 'WX-2026-A-0010', '2026-12-10T01:00:00.000Z');
    await kpiMonthSummary(db, '2026-12', now);
    const onTime = await newCard(repo, 'WX-2026-A-0011', '2026-12-19T06:00:00.000Z');
    await repo.create('repairEvents', {
      cardId: onTime.id,
      type: 'repaired',
      at: '2026-12-19T08:00:00.000Z',
    });
    let kept = await cachedKpiMonth(db, '2026-12', now);
    expect(kept && k3(kept)).toMatchObject({ met: 1, late: 1, inProgress: 0 });
    expect(kept?.indicators.find((i) => i.id === 'K3')?.pass).toBe(false);
    expect(kept).toEqual(await recomputed('2026-12', now));

    // Repaired four days late: still late, now with a done time; then the card is deleted.
    await repo.create('repairEvents', { cardId: late.id, type: 'repaired', at: '2026-12-14T01:00:00.000Z' });
    expect(await cachedKpiMonth(db, '2026-12', now)).toEqual(await recomputed('2026-12', now));
    await repo.remove('repairCards', late.id);
    kept = await cachedKpiMonth(db, '2026-12', now);
    if (kept) expect(k3(kept)).toMatchObject({ met: 1, late: 0 });
    expect(k3(await kpiMonthSummary(db, '2026-12', now))).toMatchObject({ met: 1, late: 0 });
  });

  it('forgets the month a card leaves when its received time is moved to another month', async () => {
    const repo = createRepository(db, { now: manualClock('2026-12-20T04:00:00.000Z').now });
    const card = await newCard(repo, 'WX-2026-A-0012', '2026-11-28T02:00:00.000Z');
    const [nov] = await kpiMonthSummaries(db, ['2026-11', '2026-12'], NOW);
    expect(k3(nov!).late).toBe(1);
    await repo.update('repairCards', card.id, { receivedAt: '2026-12-02T02:00:00.000Z' });
    expect(k3(await kpiMonthSummary(db, '2026-11', NOW)).late).toBe(0);
    expect(k3(await kpiMonthSummary(db, '2026-12', NOW)).late).toBe(1);
  });

  it('recomputes a month still moving once its minute has passed, a settled month never', async () => {
    const repo = createRepository(db, { now: manualClock('2026-12-20T04:00:00.000Z').now });
    await newCard(repo, 'WX-2026-A-0003', '2026-12-20T03:30:00.000Z');
    await kpiMonthSummaries(db, ['2026-11', '2026-12'], NOW);
    const later = new Date(NOW.getTime() + 60_000);
    expect(await cachedKpiMonth(db, '2026-12', later)).toBeUndefined();
    expect(await cachedKpiMonth(db, '2026-11', later)).toBeDefined();
  });

  it('does not keep a summary computed while a write forgot its month', async () => {
    const repo = createRepository(db, { now: manualClock('2026-12-20T04:00:00.000Z').now });
    const pending = kpiMonthSummary(db, '2026-12', NOW);
    await newCard(repo, 'WX-2026-A-0004', '2026-12-20T03:30:00.000Z');
    await pending;
    const kept = await cachedKpiMonth(db, '2026-12', NOW);
    // Either the summary was computed before the card and not kept, or after it and counts it.
    if (kept) expect(k3(kept).inProgress).toBe(1);
    expect(k3(await kpiMonthSummary(db, '2026-12', NOW)).inProgress).toBe(1);
  });

  it('forgets every month once when a backup import has finished', async () => {
    await kpiMonthSummaries(db, ['2026-10', '2026-11'], NOW);
    const at = '2026-11-10T02:00:00.000Z';
    const record = {
      ...(ledgerTables.repairCards.parse({
        cardNo: 'WX-2026-A-0005',
        requesterName: '李强',
        faultCategory: 'network',
        description: '无法上网',
        receivedAt: at,
      }) as object),
      id: 'imported-card',
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      hlc: {},
    };
    await db.transaction('rw', commitScope(db, ['repairCards']), () =>
      commitRecords(db, 'import', 'repairCards', [{ record }]),
    );
    // Chunks of an import are skipped; the end of the import forgets all.
    expect(await cachedKpiMonth(db, '2026-10', NOW)).toBeDefined();
    await finishImport(db, ['repairCards']);
    expect(await cachedKpiMonth(db, '2026-10', NOW)).toBeUndefined();
    expect(await cachedKpiMonth(db, '2026-11', NOW)).toBeUndefined();
  });
});
