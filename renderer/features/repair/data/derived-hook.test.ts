// Repair's derived data (counters, search copy) follows cards written by anyone — another PC's
// change merged by sync, a restored conflict, a backup import — through the write pipeline's
// hook, with no caller refreshing it by hand.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportLedger, importLedger } from '../../../db/backup';
import { DexieLedger } from '../../../sync/dexie-ledger';
import { logRepairCard, queryRepairCards, readRepairCounters, recordRepairEvent } from '.';
import { repairLedger } from './test-support';

const NOW = new Date('2026-03-02T12:00:00.000Z');
let here: Awaited<ReturnType<typeof repairLedger>>;
let there: Awaited<ReturnType<typeof repairLedger>>;

const find = (t: typeof here, text: string) =>
  queryRepairCards(t.db, { text }, { by: 'cardNo', dir: 'asc' }, { offset: 0, limit: 10 });

beforeEach(async () => {
  here = await repairLedger('A', '2026-03-02T08:00:00.000Z');
  there = await repairLedger('B', '2026-03-02T08:00:00.000Z');
  // Both see their (empty) derived data once, as the app does at start.
  await readRepairCounters(here.db, NOW);
});
afterEach(() => {
  here.db.close();
  there.db.close();
});

async function syncFromThere(): Promise<void> {
  const from = await DexieLedger.open(there.db, { now: there.clock.now });
  const to = await DexieLedger.open(here.db, { now: here.clock.now });
  await to.applyRemote(from.nodeId, await from.readOutbox(0, 1000), NOW.getTime());
}

describe("repair's derived data as a write-pipeline hook", () => {
  it('counts and finds a card another PC logged, once sync merged it', async () => {
    const card = await logRepairCard(there.ctx, {
      requesterName: '赵六',
      faultCategory: 'network',
      description: '交换机掉线',
    });
    await syncFromThere();
    expect((await find(here, '交换机')).rows.map((r) => r.id)).toEqual([card.id]);
    expect((await readRepairCounters(here.db, NOW)).byStatus).toMatchObject({ received: 1 });

    // Work started on the other PC moves the count here too.
    there.clock.advance(60_000);
    await recordRepairEvent(there.ctx, card.id, { type: 'started' });
    await syncFromThere();
    expect((await readRepairCounters(here.db, NOW)).byStatus).toMatchObject({ received: 0, 'in-repair': 1 });
  });

  it('counts and finds the cards of a backup once the import ends', async () => {
    await logRepairCard(there.ctx, {
      requesterName: '赵六',
      faultCategory: 'network',
      description: '交换机掉线',
    });
    await logRepairCard(there.ctx, {
      requesterName: '钱七',
      faultCategory: 'printer',
      description: '打印机卡纸',
    });
    await importLedger(here.db, await exportLedger(there.db), {
      mode: 'merge',
      now: here.clock.now,
      chunkSize: 1,
    });
    expect((await readRepairCounters(here.db, NOW)).total).toBe(2);
    expect((await find(here, '卡纸')).rows).toHaveLength(1);
  });

  it('follows a card edited through the repository, as a restored sync conflict is', async () => {
    const card = await logRepairCard(here.ctx, {
      requesterName: '赵六',
      faultCategory: 'network',
      description: '交换机掉线',
    });
    await here.repo.update('repairCards', card.id, { description: '路由器掉线' });
    expect((await find(here, '交换机')).rows).toHaveLength(0);
    expect((await find(here, '路由器')).rows).toHaveLength(1);
  });
});
