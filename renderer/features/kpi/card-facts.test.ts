// The repair cards' KPI facts against fake-indexeddb: a month read once is built, and read from
// its packed text afterwards (its rows once a write forgot the text) to exactly the report and
// charts the ledger's own cards and events give; every later write through the repository (a new
// card, an event, a received time moved in from another month and out to another, a deletion)
// keeps it so; a first read a write overtook keeps nothing; a backup import forgets it; a read
// inside a live query's querier (the screen's) still answers and builds the month just after.
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitRecords, commitScope, finishImport, registerCommitHook } from '../../db/commit';
import { createRepository } from '../../db/repository';
import type { NetdeskDb } from '../../db/schema';
import { freshDb, manualClock } from '../../db/test-support';
import { ledgerTables } from '../../../shared/schemas';
import { kpiCardFactsHook } from './card-facts';
import { readKpiMonth } from './kpi-data';

let db: NetdeskDb;
let unregister: () => void;
beforeEach(async () => {
  db = await freshDb();
  unregister = registerCommitHook(kpiCardFactsHook);
});
afterEach(() => {
  unregister();
  db.close();
});

const NOW = new Date('2026-12-20T04:00:00.000Z');
const MONTH = '2026-11';

/** The month as the ledger's own cards and events give it: read with the facts not in use. */
async function fromLedger(month = MONTH) {
  unregister();
  try {
    return await readKpiMonth(db, month, NOW);
  } finally {
    unregister = registerCommitHook(kpiCardFactsHook);
  }
}

const built = async (month = MONTH) =>
  (await db.localMeta.get(`kpi-card-facts:v1:built:${month}`)) !== undefined;
const packed = async (month = MONTH) =>
  typeof (await db.localMeta.get(`kpi-card-facts:v1:month:${month}`))?.value === 'string';

function newCard(repo: ReturnType<typeof createRepository>, cardNo: string, receivedAt: string) {
  return repo.create('repairCards', {
    cardNo,
    requesterName: '王芳',
    departmentId: 'dept-finance',
    faultCategory: 'printer',
    description: '打印机卡纸，多次出现。',
    receivedAt,
  });
}

async function novemberLedger() {
  const repo = createRepository(db, { now: manualClock('2026-11-02T04:00:00.000Z').now });
  const met = await newCard(repo, 'WX-2026-A-0001', '2026-11-02T01:00:00.000Z');
  await repo.create('repairEvents', { cardId: met.id, type: 'repaired', at: '2026-11-02T03:00:00.000Z' });
  const late = await newCard(repo, 'WX-2026-A-0002', '2026-11-05T01:00:00.000Z');
  await repo.create('repairEvents', { cardId: late.id, type: 'repaired', at: '2026-11-09T03:00:00.000Z' });
  // Received on 1 December in China (16:30 on 30 November UTC), as an imported file writes it.
  await newCard(repo, 'WX-2026-A-0003', '2026-12-01T00:30:00+08:00');
  // 30 November 23:30 in China: November's, written with its offset.
  const edge = await newCard(repo, 'WX-2026-A-0004', '2026-11-30T23:30:00+08:00');
  await repo.create('repairEvents', { cardId: edge.id, type: 'repaired', at: '2026-12-01T01:00:00+08:00' });
  const open = await newCard(repo, 'WX-2026-A-0005', '2026-11-20T06:00:00.000Z');
  await repo.create('repairEvents', {
    cardId: open.id,
    type: 'part-ordered',
    at: '2026-11-20T08:00:00.000Z',
  });
  const gone = await newCard(repo, 'WX-2026-A-0006', '2026-11-21T06:00:00.000Z');
  await repo.remove('repairCards', gone.id);
  return { repo, met, late, open };
}

// Dexie's own zone maker, which liveQuery runs its querier in (not in Dexie's typings).
const inLiveQueryZone = (Dexie.Promise as unknown as { newPSD: <T>(fn: () => T, props: object) => T }).newPSD;

describe("the repair cards' KPI facts", () => {
  it('build a month on its first read and answer later reads exactly as the ledger does', async () => {
    const { met } = await novemberLedger();
    expect(await built()).toBe(false);
    const first = await readKpiMonth(db, MONTH, NOW);
    expect(await built()).toBe(true);
    const second = await readKpiMonth(db, MONTH, NOW);
    expect(second).toEqual(first);
    expect(second).toEqual(await fromLedger());
    expect(second.charts.total).toBe(4);
    // Read from the month's packed text, not from the events nor the rows: an event and every
    // row taken out behind the pipeline's back still count in the built month, and an event so
    // taken out is missed by a read of the ledger.
    expect(await packed()).toBe(true);
    const [event] = await db.repairEvents.where('cardId').equals(met.id).toArray();
    await db.repairEvents.delete(event!.id);
    await db.kpiCardFacts.clear();
    expect(await readKpiMonth(db, MONTH, NOW)).toEqual(first);
    expect(await fromLedger()).not.toEqual(first);
  });

  it('keep nothing from a first read that a write overtook, and build the month right on the next', async () => {
    const { repo, late } = await novemberLedger();
    // The write lands between the read of the month's cards and the read of their events: the
    // card read is then stale (it still holds the deleted card), and must not be kept.
    let overtake: (() => Promise<unknown>) | null = () => repo.remove('repairCards', late.id);
    db.use({
      stack: 'dbcore',
      name: 'overtaking-write',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'repairCards') return table;
          return {
            ...table,
            query: async (req) => {
              const res = await table.query(req);
              const write = overtake;
              overtake = null;
              // Outside the read's transaction, as another window's or a sync's write would be.
              if (write) await Dexie.ignoreTransaction(write);
              return res;
            },
          };
        },
      }),
    });
    // A middleware joins the stack when the database opens.
    db.close();
    await db.open();
    const first = await readKpiMonth(db, MONTH, NOW);
    expect(overtake).toBeNull();
    // The overtaken read answered with the card it saw, but built nothing from it.
    expect(first.charts.total).toBe(4);
    expect([await built(), await packed()]).toEqual([false, false]);
    const truth = await fromLedger();
    expect(truth.charts.total).toBe(3);
    expect(await readKpiMonth(db, MONTH, NOW)).toEqual(truth);
    expect(await built()).toBe(true);
    expect(await readKpiMonth(db, MONTH, NOW)).toEqual(truth);
  });

  it("read a built month's rows again once a write has forgotten its packed text", async () => {
    const { repo, open } = await novemberLedger();
    await readKpiMonth(db, MONTH, NOW);
    await readKpiMonth(db, '2026-10', NOW);
    expect([await packed(), await packed('2026-10')]).toEqual([true, true]);
    await repo.create('repairEvents', {
      cardId: open.id,
      type: 'part-arrived',
      at: '2026-11-23T02:00:00.000Z',
    });
    // November's text forgotten, October's kept: the card is November's alone.
    expect([await packed(), await packed('2026-10')]).toEqual([false, true]);
    // The rows answer, and the text is packed again from them.
    const again = await readKpiMonth(db, MONTH, NOW);
    expect(again).toEqual(await fromLedger());
    expect(await packed()).toBe(true);
    expect(await readKpiMonth(db, MONTH, NOW)).toEqual(again);
  });

  it('follow every write after the month is built', async () => {
    const { repo, late, open } = await novemberLedger();
    await readKpiMonth(db, MONTH, NOW);
    expect(await built()).toBe(true);

    const same = async () => expect(await readKpiMonth(db, MONTH, NOW)).toEqual(await fromLedger());
    await newCard(repo, 'WX-2026-A-0007', '2026-11-25T02:00:00.000Z');
    await same();
    await repo.create('repairEvents', {
      cardId: open.id,
      type: 'part-arrived',
      at: '2026-11-23T02:00:00.000Z',
    });
    await repo.create('repairEvents', { cardId: open.id, type: 'repaired', at: '2026-11-23T05:00:00.000Z' });
    await same();
    // A card received in October, its received time corrected into November.
    const moved = await newCard(repo, 'WX-2026-A-0008', '2026-10-28T02:00:00.000Z');
    await repo.update('repairCards', moved.id, { receivedAt: '2026-11-03T02:00:00.000Z' });
    await same();
    await repo.remove('repairCards', late.id);
    await same();
    // And one of November's corrected out into October: gone from November, counted in October.
    await repo.update('repairCards', open.id, { receivedAt: '2026-10-20T06:00:00.000Z' });
    await same();
    expect(await readKpiMonth(db, '2026-10', NOW)).toEqual(await fromLedger('2026-10'));
    const report = await readKpiMonth(db, MONTH, NOW);
    expect(report.charts.total).toBe(4);
  });

  it('are forgotten when a backup import has finished, and built again by the next read', async () => {
    await novemberLedger();
    const before = await readKpiMonth(db, MONTH, NOW);
    const at = '2026-11-10T02:00:00.000Z';
    const record = {
      ...(ledgerTables.repairCards.parse({
        cardNo: 'WX-2026-A-0009',
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
    await finishImport(db, ['repairCards']);
    expect(await built()).toBe(false);
    expect(await db.kpiCardFacts.count()).toBe(0);
    const after = await readKpiMonth(db, MONTH, NOW);
    expect(after.charts.total).toBe(before.charts.total + 1);
    expect(after).toEqual(await fromLedger());
    expect(await built()).toBe(true);
  });

  it("answer a read inside a live query's querier and build the month just after it", async () => {
    await novemberLedger();
    // A live query's querier runs in a Dexie zone that refuses read-write transactions (liveQuery
    // itself never emits under fake-indexeddb, so the zone is made here as liveQuery makes it).
    const query = () => readKpiMonth(db, MONTH, NOW);
    const inside = await inLiveQueryZone(query, {
      subscr: {},
      signal: new AbortController().signal,
      requery: () => undefined,
      querier: query,
      trans: null,
    });
    expect(await built()).toBe(false);
    expect(inside).toEqual(await fromLedger());
    await expect.poll(() => built()).toBe(true);
    expect(await readKpiMonth(db, MONTH, NOW)).toEqual(inside);
  });
});
