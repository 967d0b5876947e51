import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { isOverdue } from '../../../../shared/repair/status-groups';
import type { RepairCard } from '../../../../shared/schemas';
import {
  cardsOfDevice,
  cardsOfRequester,
  countRepairCards,
  findRepairCardByNo,
  getCardTimeline,
  getRepairCard,
  logRepairCard,
  queryRepairCards,
  readRepairCounters,
  rebuildRepairDerivedData,
  recordRepairEvent,
  refreshRepairDerivedData,
  warmRepairSearch,
  type RepairCardFilter,
  type RepairCardSort,
} from './index';
import { HOUR, repairLedger } from './test-support';

// One ledger of 36 cards in every state, shared by the read-only tests below.
let t: Awaited<ReturnType<typeof repairLedger>>;
let all: RepairCard[];
const NOW = new Date('2026-03-20T08:00:00.000Z');

const FAULTS = [
  '开机黑屏，风扇狂转',
  '打印机卡纸，打印模糊',
  '无法连接网络',
  '用友财务软件登录失败',
  'Outlook 邮箱收不到邮件',
  '显示器闪烁',
];

beforeAll(async () => {
  t = await repairLedger('A', NOW.toISOString());
  const { zhang, li, wang } = t.people;
  const { pc153, printer, pc200 } = t.devices;
  const requesters = [zhang, li, wang];
  const devices = [pc153, printer, pc200, null];
  for (let i = 0; i < 36; i++) {
    // Two cards per 12 h, so receipt times tie in pairs: the sort must still be stable.
    const receivedAt = new Date(Date.parse('2026-03-02T00:00:00.000Z') + Math.floor(i / 2) * 12 * HOUR);
    const device = devices[i % 4];
    const card = await logRepairCard(t.ctx, {
      requesterId: requesters[i % 3]!.id,
      ...(device ? { deviceId: device.id } : {}),
      faultCategory: 'hardware',
      description: `${FAULTS[i % FAULTS.length]}（第 ${i} 次）`,
      receivedAt: receivedAt.toISOString(),
    });
    const at = (h: number) => new Date(receivedAt.getTime() + h * HOUR).toISOString();
    const step = (type: Parameters<typeof recordRepairEvent>[2]) => recordRepairEvent(t.ctx, card.id, type);
    switch (i % 6) {
      case 1:
        await step({ type: 'started', at: at(1) });
        break;
      case 2:
        await step({ type: 'part-ordered', at: at(2), partName: '硒鼓' });
        break;
      case 3:
        await step({ type: 'repaired', at: at(3) });
        await step({ type: 'signed-off', at: at(4) });
        await step({ type: 'closed', at: at(5) });
        break;
      case 4:
        await step({ type: 'refused', at: at(1), refusalCause: 'games', reason: '游戏' });
        if (i % 12 === 10) await step({ type: 'closed', at: at(30) });
        break;
      default:
        break;
    }
  }
  all = await t.db.repairCards.toArray();
});
afterAll(() => t.db.close());

/** What the list must show: every card matching the filter, in the sort's order. */
function expected(filter: RepairCardFilter, sort: RepairCardSort): string[] {
  const q = filter.text?.toLowerCase();
  const sign = sort.dir === 'asc' ? 1 : -1;
  return all
    .filter(
      (c) =>
        (!filter.status?.length || filter.status.includes(c.status)) &&
        (!filter.overdue || isOverdue(c, NOW)) &&
        (!filter.departmentId || c.departmentId === filter.departmentId) &&
        (!filter.deviceId || c.deviceId === filter.deviceId) &&
        (!filter.requesterId || c.requesterId === filter.requesterId) &&
        (!filter.receivedFrom || c.receivedAt >= filter.receivedFrom) &&
        (!filter.receivedTo || c.receivedAt < filter.receivedTo) &&
        (!q ||
          [c.cardNo, c.requesterName, c.deviceTag, c.description].some((v) => v.toLowerCase().includes(q))),
    )
    .sort((a, b) => {
      const ka = a[sort.by];
      const kb = b[sort.by];
      if (ka !== kb) return ka === null ? 1 : kb === null ? -1 : ka < kb ? -sign : sign;
      return a.id < b.id ? -sign : sign;
    })
    .map((c) => c.cardNo);
}

/** Every page of the list, read 7 at a time, joined. */
async function paged(
  filter: RepairCardFilter,
  sort: RepairCardSort,
  smallSet: number | undefined,
  fromMemory: boolean,
): Promise<string[]> {
  const seen: string[] = [];
  for (let offset = 0; ; offset += 7) {
    const { rows, hasMore } = await queryRepairCards(
      t.db,
      filter,
      sort,
      { offset, limit: 7 },
      { now: NOW, smallSet, fromMemory },
    );
    seen.push(...rows.map((r) => r.cardNo));
    if (!hasMore) return seen;
    expect(rows).toHaveLength(7);
  }
}

describe('queryRepairCards', () => {
  const sorts: RepairCardSort[] = [
    { by: 'receivedAt', dir: 'desc' },
    { by: 'receivedAt', dir: 'asc' },
    { by: 'slaDueAt', dir: 'asc' },
    { by: 'slaDueAt', dir: 'desc' },
    { by: 'cardNo', dir: 'asc' },
  ];
  const filters = (): [string, RepairCardFilter][] => [
    ['everything', {}],
    ['open statuses', { status: ['received', 'in-repair', 'waiting-parts', 'refused'] }],
    ['closed', { status: ['closed'] }],
    ['a department', { departmentId: t.departments.sales.id }],
    ['a date range', { receivedFrom: '2026-03-05T00:00:00.000Z', receivedTo: '2026-03-10T00:00:00.000Z' }],
    ['status and date range', { status: ['received', 'closed'], receivedFrom: '2026-03-05T00:00:00.000Z' }],
    ['a device', { deviceId: t.devices.printer.id }],
    ['a requester and status', { requesterId: t.people.li.id, status: ['refused', 'received'] }],
    ['overdue', { overdue: true }],
    ['overdue in a department', { overdue: true, departmentId: t.departments.finance.id }],
    ['text', { text: '打印' }],
    ['text and status', { text: '打印', status: ['in-repair', 'closed'] }],
    ['text and department', { text: '次', departmentId: t.departments.finance.id }],
  ];

  it('pages through every filter and sort in a stable order, without gaps or repeats', async () => {
    await warmRepairSearch(t.db);
    for (const [name, filter] of filters()) {
      for (const sort of sorts) {
        const want = expected(filter, sort);
        expect(want.length, name).toBeGreaterThan(0);
        // Both ways of finding a page: reading a small candidate set, and walking the sort's index.
        // and (once the search copy is in memory) cutting the page from it.
        for (const [smallSet, fromMemory] of [
          [undefined, false],
          [0, false],
          [0, true],
        ] as const) {
          expect(
            await paged(filter, sort, smallSet, fromMemory),
            `${name}, ${sort.by} ${sort.dir}, smallSet ${smallSet}, memory ${fromMemory}`,
          ).toEqual(want);
        }
        expect(await countRepairCards(t.db, filter, { now: NOW }), name).toBe(want.length);
        expect(await countRepairCards(t.db, filter, { now: NOW, smallSet: 0 }), name).toBe(want.length);
      }
    }
  });

  it('finds Chinese substrings anywhere in the description, and tags and numbers whatever their case', async () => {
    const search = async (text: string) =>
      (
        await queryRepairCards(
          t.db,
          { text },
          { by: 'cardNo', dir: 'asc' },
          { offset: 0, limit: 100 },
          { now: NOW },
        )
      ).rows;
    expect((await search('收不到')).map((c) => c.description)).toEqual([
      'Outlook 邮箱收不到邮件（第 4 次）',
      'Outlook 邮箱收不到邮件（第 10 次）',
      'Outlook 邮箱收不到邮件（第 16 次）',
      'Outlook 邮箱收不到邮件（第 22 次）',
      'Outlook 邮箱收不到邮件（第 28 次）',
      'Outlook 邮箱收不到邮件（第 34 次）',
    ]);
    expect((await search('ＯＵＴＬＯＯＫ')).length).toBe(6);
    expect((await search('pr-0007')).every((c) => c.deviceTag === 'PR-0007')).toBe(true);
    expect((await search('wx-2026-a-0012')).map((c) => c.cardNo)).toEqual(['WX-2026-A-0012']);
    expect((await search('李娜')).length).toBe(12);
    // The list fields packed beside the text are not searchable: no card's text says "refused".
    expect(await search('refused')).toEqual([]);
    expect(await search(t.people.li.id.slice(0, 8))).toEqual([]);
  });

  it('shows overdue only cards whose running clock passed its due time', async () => {
    const { rows } = await queryRepairCards(
      t.db,
      { overdue: true },
      { by: 'slaDueAt', dir: 'asc' },
      { offset: 0, limit: 50 },
      { now: NOW },
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const card of rows) {
      expect(['received', 'in-repair']).toContain(card.status);
      expect(Date.parse(card.slaDueAt!)).toBeLessThan(NOW.getTime());
    }
    expect((await readRepairCounters(t.db, NOW)).overdue).toBe(rows.length);
  });

  it("lists a device's and a person's cards newest first", async () => {
    const ofPrinter = await cardsOfDevice(t.db, t.devices.printer.id);
    expect(ofPrinter).toHaveLength(9);
    expect(ofPrinter.map((c) => c.receivedAt)).toEqual(
      ofPrinter
        .map((c) => c.receivedAt)
        .sort()
        .reverse(),
    );
    expect((await cardsOfRequester(t.db, t.people.wang.id)).every((c) => c.requesterName === '王芳')).toBe(
      true,
    );
  });
});

describe('derived data written by others', () => {
  let other: Awaited<ReturnType<typeof repairLedger>>;
  afterEach(() => other.db.close());

  it('sees cards written outside this layer after a refresh or a rebuild', async () => {
    other = await repairLedger('A', NOW.toISOString());
    const card = await logRepairCard(other.ctx, {
      requesterName: '赵六',
      faultCategory: 'network',
      description: '交换机掉线',
    });
    const search = () =>
      queryRepairCards(other.db, { text: '交换机' }, { by: 'cardNo', dir: 'asc' }, { offset: 0, limit: 10 });
    expect((await search()).rows).toHaveLength(1);

    // A sync merge changes the card behind this layer's back.
    await other.db.repairCards.update(card.id, { description: '路由器掉线', status: 'in-repair' });
    await refreshRepairDerivedData(other.db, [card.id]);
    expect((await search()).rows).toHaveLength(0);
    expect((await readRepairCounters(other.db, NOW)).byStatus).toMatchObject({ received: 0, 'in-repair': 1 });

    // A restore replaces everything: a rebuild recounts from the cards.
    await other.db.repairCards.update(card.id, { status: 'closed' });
    await rebuildRepairDerivedData(other.db);
    expect((await readRepairCounters(other.db, NOW)).byStatus).toMatchObject({ 'in-repair': 0, closed: 1 });
    expect(
      (
        await queryRepairCards(
          other.db,
          { text: '路由器' },
          { by: 'cardNo', dir: 'asc' },
          { offset: 0, limit: 10 },
        )
      ).rows,
    ).toHaveLength(1);
  });
});

describe('cards sync has delivered only in part', () => {
  let other: Awaited<ReturnType<typeof repairLedger>>;
  afterEach(() => other.db.close());

  it('stay out of the list, search, counters, histories and look-ups until the rest arrives', async () => {
    other = await repairLedger('A', NOW.toISOString());
    const { db } = other;
    const whole = await logRepairCard(other.ctx, {
      requesterId: other.people.zhang.id,
      deviceId: other.devices.pc153.id,
      faultCategory: 'hardware',
      description: '开机黑屏',
      receivedAt: '2026-03-20T01:00:00.000Z',
    });
    // Another PC's card: its status, times, requester and device came in one journal file; the
    // change that created it (number, description, createdAt) is still on its way.
    const { cardNo, description, createdAt, ...rest } = { ...whole, id: 'card-from-pc-b' };
    const parts = { ...rest, cardNo: undefined, description: undefined, createdAt: undefined };
    await db.repairCards.put(parts as unknown as RepairCard);
    await db.repairEvents.put({
      id: 'event-from-pc-b',
      cardId: 'card-from-pc-b',
      type: 'started',
      at: '2026-03-20T02:00:00.000Z',
      deletedAt: null,
      hlc: {},
    } as never);
    await refreshRepairDerivedData(db, ['card-from-pc-b']);

    const shown = async () => {
      const list = await queryRepairCards(
        db,
        {},
        { by: 'receivedAt', dir: 'desc' },
        { offset: 0, limit: 10 },
      );
      const byDevice = await queryRepairCards(
        db,
        { deviceId: other.devices.pc153.id },
        { by: 'receivedAt', dir: 'desc' },
        { offset: 0, limit: 10 },
      );
      const overdue = await queryRepairCards(
        db,
        { overdue: true },
        { by: 'slaDueAt', dir: 'asc' },
        { offset: 0, limit: 10 },
        { now: new Date('2026-03-22T00:00:00.000Z') },
      );
      return {
        list: list.rows.map((c) => c.id),
        byDevice: byDevice.rows.map((c) => c.id),
        overdue: overdue.rows.map((c) => c.id),
        searched: (
          await queryRepairCards(db, { text: '张伟' }, { by: 'cardNo', dir: 'asc' }, { offset: 0, limit: 10 })
        ).rows.map((c) => c.id),
        counted: await countRepairCards(db, { deviceId: other.devices.pc153.id }),
        total: (await readRepairCounters(db, NOW)).total,
        overdueCount: (await readRepairCounters(db, new Date('2026-03-22T00:00:00.000Z'))).overdue,
        ofDevice: (await cardsOfDevice(db, other.devices.pc153.id)).map((c) => c.id),
        ofRequester: (await cardsOfRequester(db, other.people.zhang.id)).map((c) => c.id),
        opened: (await getRepairCard(db, 'card-from-pc-b'))?.id ?? null,
      };
    };
    expect(await shown()).toEqual({
      list: [whole.id],
      byDevice: [whole.id],
      overdue: [whole.id],
      searched: [whole.id],
      counted: 1,
      total: 1,
      overdueCount: 1,
      ofDevice: [whole.id],
      ofRequester: [whole.id],
      opened: null,
    });
    await rebuildRepairDerivedData(db);
    expect((await readRepairCounters(db, NOW)).total).toBe(1);

    // The creating change arrives: the card is whole and shows everywhere.
    await db.repairCards.update('card-from-pc-b', { cardNo: 'WX-2026-B-0001', description, createdAt });
    await db.repairEvents.update('event-from-pc-b', { createdAt });
    await refreshRepairDerivedData(db, ['card-from-pc-b']);
    const after = await shown();
    expect(after.list).toHaveLength(2);
    expect(after.searched).toContain('card-from-pc-b');
    expect(after).toMatchObject({ counted: 2, total: 2, opened: 'card-from-pc-b' });
    expect(after.ofDevice).toContain('card-from-pc-b');
    expect((await findRepairCardByNo(db, 'wx-2026-b-0001'))?.id).toBe('card-from-pc-b');
    expect((await getCardTimeline(db, 'card-from-pc-b')).map((e) => e.type)).toEqual(['started']);
    void cardNo;
  });
});
