import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCorrectionNote } from '../../../../shared/repair/corrections';
import type { RepairCard } from '../../../../shared/schemas';
import { RepositoryError } from '../../../db/repository';
import {
  attachSignedCard,
  correctRepairCard,
  getCardTimeline,
  logRepairCard,
  peekNextCardNo,
  queryRepairCards,
  readRepairCounters,
  recordRepairEvent,
  removeRepairCard,
  removeSignedCard,
  reserveBlankCardNumbers,
  restoreRepairCard,
  saveRepairRecord,
  type LogRepairCardInput,
} from './index';
import { HOUR, rejection, repairLedger } from './test-support';
import { parseScanRemovedNote } from '../../../../shared/repair/attachment-notes';

let t: Awaited<ReturnType<typeof repairLedger>>;

beforeEach(async () => {
  t = await repairLedger();
});
afterEach(() => t.db.close());

const walkUp: LogRepairCardInput = {
  requesterName: '张伟',
  faultCategory: 'hardware',
  description: '开机黑屏',
};

/** Everything a refused write could have touched, to check it stayed as it was. */
async function snapshot() {
  const { db } = t;
  return {
    cards: await db.repairCards.toArray(),
    events: await db.repairEvents.toArray(),
    log: await db.changeLog.count(),
    search: await db.repairSearch.toArray(),
    counters: await db.repairCounters.toArray(),
  };
}

describe('logRepairCard', () => {
  it('numbers walk-up cards of this PC in sequence and records who received them', async () => {
    const first = await logRepairCard(t.ctx, walkUp);
    const second = await logRepairCard(t.ctx, { ...walkUp, description: '打印机卡纸' });

    expect(first.cardNo).toBe('WX-2026-A-0001');
    expect(second.cardNo).toBe('WX-2026-A-0002');
    expect(first).toMatchObject({
      status: 'received',
      receivedAt: '2026-03-02T08:00:00.000Z',
      slaDueAt: '2026-03-03T08:00:00.000Z',
      deptHeadSignedAt: null,
    });
    const timeline = await getCardTimeline(t.db, first.id);
    expect(timeline.map((e) => [e.type, e.by, e.at])).toEqual([
      ['received', '王网管', '2026-03-02T08:00:00.000Z'],
    ]);
  });

  it('keeps the number of a pre-printed card, and walk-up numbers continue after it', async () => {
    const blank = await logRepairCard(t.ctx, { ...walkUp, cardNo: 'wx-2026-a-0041' });
    const next = await logRepairCard(t.ctx, walkUp);
    const oldPaper = await logRepairCard(t.ctx, { ...walkUp, cardNo: '旧卡-17' });

    expect(blank.cardNo).toBe('WX-2026-A-0041');
    expect(next.cardNo).toBe('WX-2026-A-0042');
    expect(oldPaper.cardNo).toBe('旧卡-17');
  });

  it('never gives a walk-up card a number printed on a blank card', async () => {
    expect(await reserveBlankCardNumbers(t.ctx, 3)).toEqual([
      'WX-2026-A-0001',
      'WX-2026-A-0002',
      'WX-2026-A-0003',
    ]);
    expect(await peekNextCardNo(t.ctx)).toBe('WX-2026-A-0004');
    expect((await logRepairCard(t.ctx, walkUp)).cardNo).toBe('WX-2026-A-0004');
    // The blank card comes back filled in: its own number is kept.
    expect((await logRepairCard(t.ctx, { ...walkUp, cardNo: 'WX-2026-A-0002' })).cardNo).toBe(
      'WX-2026-A-0002',
    );
  });

  it('gives two PCs numbers that never collide when their cards meet by sync', async () => {
    const other = await repairLedger('B');
    const a = [await logRepairCard(t.ctx, walkUp), await logRepairCard(t.ctx, walkUp)];
    const b = [await logRepairCard(other.ctx, walkUp), await logRepairCard(other.ctx, walkUp)];
    other.db.close();
    // PC B's cards arrive here: numbering on A continues with its own letter, and all differ.
    await t.db.repairCards.bulkAdd(b);
    const after = await logRepairCard(t.ctx, walkUp);
    const numbers = [...a, ...b, after].map((c) => c.cardNo);
    expect(numbers).toEqual([
      'WX-2026-A-0001',
      'WX-2026-A-0002',
      'WX-2026-B-0001',
      'WX-2026-B-0002',
      'WX-2026-A-0003',
    ]);
  });

  it('refuses a number already on a card, writing nothing', async () => {
    await logRepairCard(t.ctx, walkUp);
    const before = await snapshot();
    const err = await rejection(logRepairCard(t.ctx, { ...walkUp, cardNo: 'WX-2026-A-0001' }));
    expect(err).toBeInstanceOf(RepositoryError);
    expect(err).toMatchObject({ code: 'duplicate', field: 'cardNo' });
    expect(await snapshot()).toEqual(before);
  });

  it('finds the device from a scanned tag and fills department and name from the directory', async () => {
    const card = await logRepairCard(t.ctx, {
      requesterId: t.people.zhang.id,
      deviceTag: ' pc-0153 ',
      faultCategory: 'hardware',
      description: '风扇异响',
    });
    expect(card).toMatchObject({
      requesterName: '张伟',
      departmentId: t.departments.finance.id,
      deviceId: t.devices.pc153.id,
      deviceTag: 'PC-0153',
    });
  });

  it('resolves a full-width tag typed with a Chinese input method to the same device', async () => {
    const card = await logRepairCard(t.ctx, {
      requesterId: t.people.zhang.id,
      deviceTag: 'ｐｃ－０１５３',
      faultCategory: 'hardware',
      description: '风扇异响',
    });
    expect(card).toMatchObject({ deviceId: t.devices.pc153.id, deviceTag: 'PC-0153' });
  });

  it('refuses an unknown asset tag, writing nothing', async () => {
    const before = await snapshot();
    const err = await rejection(logRepairCard(t.ctx, { ...walkUp, deviceTag: 'PC-9999' }));
    expect(err).toMatchObject({ code: 'unknown-asset-tag', field: 'deviceTag' });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a 5,000-character description, writing nothing', async () => {
    const before = await snapshot();
    const err = await rejection(logRepairCard(t.ctx, { ...walkUp, description: '黑'.repeat(5000) }));
    expect(err).toMatchObject({ code: 'invalid', field: 'description' });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a card without a requester or received in the future', async () => {
    expect(await rejection(logRepairCard(t.ctx, { ...walkUp, requesterName: '  ' }))).toMatchObject({
      code: 'requester-required',
    });
    expect(
      await rejection(logRepairCard(t.ctx, { ...walkUp, receivedAt: '2026-03-02T09:00:00.000Z' })),
    ).toMatchObject({ code: 'bad-time', field: 'receivedAt' });
    expect(await t.db.repairCards.count()).toBe(0);
  });

  it('logs a card received earlier with its due time from receipt, and a head signature given at intake', async () => {
    const card = await logRepairCard(t.ctx, {
      ...walkUp,
      receivedAt: '2026-03-01T10:00:00+08:00',
      deptHeadSignedAt: '2026-03-01T09:30:00+08:00',
    });
    expect(card.receivedAt).toBe('2026-03-01T02:00:00.000Z');
    expect(card.slaDueAt).toBe('2026-03-02T02:00:00.000Z');
    expect(card.deptHeadSignedAt).toBe('2026-03-01T01:30:00.000Z');
    expect((await getCardTimeline(t.db, card.id)).map((e) => e.type)).toEqual(['head-signed', 'received']);
  });
});

describe('recordRepairEvent', () => {
  let card: RepairCard;
  beforeEach(async () => {
    card = await logRepairCard(t.ctx, walkUp);
  });

  it('refuses an event before the card was received, leaving the card unchanged', async () => {
    const err = await rejection(
      recordRepairEvent(t.ctx, card.id, { type: 'started', at: '2026-03-02T07:59:00.000Z' }),
    );
    expect(err).toMatchObject({ code: 'bad-time', field: 'at' });
    expect(await t.db.repairCards.get(card.id)).toEqual(card);
    expect(await getCardTimeline(t.db, card.id)).toHaveLength(1);
  });

  it("refuses a step dated before the card's last step, or in the future", async () => {
    t.clock.advance(2 * HOUR);
    await recordRepairEvent(t.ctx, card.id, { type: 'started' });
    expect(
      await rejection(
        recordRepairEvent(t.ctx, card.id, { type: 'repaired', at: '2026-03-02T09:00:00.000Z' }),
      ),
    ).toMatchObject({ code: 'bad-time' });
    expect(
      await rejection(
        recordRepairEvent(t.ctx, card.id, { type: 'repaired', at: '2026-03-02T10:05:00.000Z' }),
      ),
    ).toMatchObject({ code: 'bad-time' });
  });

  it('carries the part ordered into the repair record, once, quantity 1', async () => {
    await recordRepairEvent(t.ctx, card.id, { type: 'started' });
    await recordRepairEvent(t.ctx, card.id, { type: 'part-ordered', partName: '电源 300W' });
    expect((await t.db.repairCards.get(card.id))!.parts).toEqual([
      { name: '电源 300W', quantity: 1, cost: 0 },
    ]);
    // The supervisor sets the quantity; the part's arrival does not add it again or undo that.
    await saveRepairRecord(t.ctx, card.id, { parts: [{ name: '电源 300W', quantity: 2, cost: 260 }] });
    await recordRepairEvent(t.ctx, card.id, { type: 'part-arrived', partName: '电源300w' });
    expect((await t.db.repairCards.get(card.id))!.parts).toEqual([
      { name: '电源 300W', quantity: 2, cost: 260 },
    ]);
  });

  it('refuses an approval on a card that was never refused, leaving it unchanged', async () => {
    const err = await rejection(
      recordRepairEvent(t.ctx, card.id, { type: 'approved', approverRole: 'chairman', approverName: '陈董' }),
    );
    expect(err).toMatchObject({ code: 'not-allowed' });
    expect(await t.db.repairCards.get(card.id)).toEqual(card);
    expect(await getCardTimeline(t.db, card.id)).toHaveLength(1);
  });

  it('needs the cause and reason of a refusal and the approver of an approval', async () => {
    expect(
      await rejection(recordRepairEvent(t.ctx, card.id, { type: 'refused', reason: '装游戏' })),
    ).toMatchObject({ code: 'refusal-reason-required', field: 'refusalCause' });
    await recordRepairEvent(t.ctx, card.id, {
      type: 'refused',
      refusalCause: 'games',
      reason: '私自安装游戏',
    });
    expect(
      await rejection(
        recordRepairEvent(t.ctx, card.id, { type: 'approved', approverRole: 'general-manager' }),
      ),
    ).toMatchObject({ code: 'approver-required', field: 'approverName' });
  });

  it('stops the clock on refusal and restarts it 24 h after the approval', async () => {
    t.clock.advance(HOUR);
    const refused = await recordRepairEvent(t.ctx, card.id, {
      type: 'refused',
      refusalCause: 'games',
      reason: '私自安装游戏导致系统崩溃',
    });
    expect(refused.card).toMatchObject({
      status: 'refused',
      slaDueAt: null,
      refusalCause: 'games',
      refusalReason: '私自安装游戏导致系统崩溃',
    });
    t.clock.advance(3 * 24 * HOUR);
    const approved = await recordRepairEvent(t.ctx, card.id, {
      type: 'approved',
      approverRole: 'general-manager',
      approverName: '刘总',
    });
    expect(approved.card).toMatchObject({ status: 'in-repair', slaDueAt: '2026-03-06T09:00:00.000Z' });
    expect(approved.event).toMatchObject({
      approverRole: 'general-manager',
      approverName: '刘总',
      by: '王网管',
    });
  });

  it('has no due time while waiting for parts and is due 24 h after the part arrives', async () => {
    t.clock.advance(HOUR);
    await recordRepairEvent(t.ctx, card.id, { type: 'started' });
    const waiting = await recordRepairEvent(t.ctx, card.id, { type: 'part-ordered', partName: '电源' });
    expect(waiting.card).toMatchObject({ status: 'waiting-parts', slaDueAt: null });

    t.clock.advance(2 * 24 * HOUR);
    const arrived = await recordRepairEvent(t.ctx, card.id, { type: 'part-arrived', partName: '电源' });
    expect(arrived.card).toMatchObject({ status: 'in-repair', slaDueAt: '2026-03-05T09:00:00.000Z' });

    t.clock.advance(2 * HOUR);
    const repaired = await recordRepairEvent(t.ctx, card.id, { type: 'repaired' });
    expect(repaired.card).toMatchObject({ status: 'repaired', slaDueAt: '2026-03-05T09:00:00.000Z' });
    expect((await getCardTimeline(t.db, card.id)).map((e) => e.type)).toEqual([
      'received',
      'started',
      'part-ordered',
      'part-arrived',
      'repaired',
    ]);
  });

  it("marks the department head's signature and keeps a vendor contact on the timeline", async () => {
    const signed = await recordRepairEvent(t.ctx, card.id, { type: 'head-signed' });
    expect(signed.card.deptHeadSignedAt).toBe('2026-03-02T08:00:00.000Z');
    expect(
      await rejection(recordRepairEvent(t.ctx, card.id, { type: 'vendor-contact', note: '已报修' })),
    ).toMatchObject({ code: 'vendor-required' });
    const call = await recordRepairEvent(t.ctx, card.id, {
      type: 'vendor-contact',
      vendor: '联想服务站',
      note: '主板需返厂',
    });
    expect(call.card.status).toBe('received');
    expect(call.event).toMatchObject({ vendor: '联想服务站', note: '主板需返厂' });
  });

  it('keeps the counters right through a sequence of steps', async () => {
    const second = await logRepairCard(t.ctx, { ...walkUp, description: '网络断开' });
    await logRepairCard(t.ctx, { ...walkUp, description: '账号锁定' });
    await recordRepairEvent(t.ctx, card.id, { type: 'started' });
    await recordRepairEvent(t.ctx, card.id, { type: 'repaired' });
    await recordRepairEvent(t.ctx, card.id, { type: 'signed-off' });
    await recordRepairEvent(t.ctx, second.id, { type: 'refused', refusalCause: 'cheats', reason: '外挂' });
    // A refused write moves nothing.
    await rejection(recordRepairEvent(t.ctx, card.id, { type: 'started' }));

    t.clock.advance(25 * HOUR);
    const counters = await readRepairCounters(t.db, t.ctx.now());
    expect(counters.byStatus).toMatchObject({ received: 1, 'signed-off': 1, refused: 1, 'in-repair': 0 });
    expect(counters).toMatchObject({ total: 3, open: 2, awaitingSignOff: 0, overdue: 1 });

    await removeRepairCard(t.ctx, second.id);
    expect((await readRepairCounters(t.db, t.ctx.now())).byStatus.refused).toBe(0);
    await restoreRepairCard(t.ctx, second.id);
    expect((await readRepairCounters(t.db, t.ctx.now())).byStatus.refused).toBe(1);
  });
});

describe('repair record, signed card and corrections', () => {
  it('saves the repair record and refuses a bad quantity without changing the card', async () => {
    const card = await logRepairCard(t.ctx, walkUp);
    const saved = await saveRepairRecord(t.ctx, card.id, {
      diagnosis: '电源损坏',
      workDone: '更换电源',
      result: '正常开机',
      minutesSpent: 45,
      parts: [{ name: '电源 300W', quantity: 1, cost: 180 }],
    });
    expect(saved).toMatchObject({
      diagnosis: '电源损坏',
      minutesSpent: 45,
      parts: [{ name: '电源 300W', cost: 180 }],
    });
    const err = await rejection(saveRepairRecord(t.ctx, card.id, { parts: [{ name: '内存', quantity: 0 }] }));
    expect(err).toMatchObject({ code: 'invalid', field: 'parts.0.quantity' });
    expect(await t.db.repairCards.get(card.id)).toEqual(saved);
  });

  it('attaches a scanned signed card once by its SHA-256', async () => {
    const card = await logRepairCard(t.ctx, walkUp);
    const scan = {
      bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46, 1, 2, 3]),
      name: 'WX-2026-A-0001.pdf',
      mime: 'application/pdf' as const,
    };
    const first = await attachSignedCard(t.ctx, card.id, scan);
    const again = await attachSignedCard(t.ctx, card.id, scan);
    expect(first.card.attachmentShas).toEqual([first.attachment.sha256]);
    expect(again.card.attachmentShas).toEqual([first.attachment.sha256]);
    expect(await t.db.attachments.count()).toBe(1);
  });

  it('takes a wrongly uploaded scan off the card, keeping who and when in its history', async () => {
    const card = await logRepairCard(t.ctx, walkUp);
    const pdf = {
      bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46, 9]),
      name: '签字卡.pdf',
      mime: 'application/pdf' as const,
    };
    const wrong = {
      bytes: new Uint8Array([0xff, 0xd8, 0xff, 7]),
      name: '工资表.jpg',
      mime: 'image/jpeg' as const,
    };
    const kept = await attachSignedCard(t.ctx, card.id, pdf);
    const mistake = await attachSignedCard(t.ctx, card.id, wrong);
    t.clock.advance(HOUR);

    const updated = await removeSignedCard(t.ctx, card.id, mistake.attachment.sha256);
    expect(updated.attachmentShas).toEqual([kept.attachment.sha256]);
    expect((await t.db.repairCards.get(card.id))!.attachmentShas).toEqual([kept.attachment.sha256]);
    const note = (await getCardTimeline(t.db, card.id)).at(-1)!;
    expect(note).toMatchObject({ type: 'note', by: '王网管', at: '2026-03-02T09:00:00.000Z' });
    expect(parseScanRemovedNote(note.note)).toEqual({
      name: '工资表.jpg',
      sha256: mistake.attachment.sha256,
    });
    // The status and the clock are untouched by it.
    expect(updated.status).toBe(card.status);
    expect(updated.slaDueAt).toBe(card.slaDueAt);

    // Removing it again is refused and changes nothing.
    const before = await snapshot();
    const err = await rejection(removeSignedCard(t.ctx, card.id, mistake.attachment.sha256));
    expect(err).toMatchObject({ code: 'not-found' });
    expect(await snapshot()).toEqual(before);
  });

  it('corrects the received time, moving the due time and the received event with it', async () => {
    const card = await logRepairCard(t.ctx, walkUp);
    const fixed = await correctRepairCard(t.ctx, card.id, {
      receivedAt: '2026-03-02T06:00:00.000Z',
      deviceTag: 'PR-0007',
    });
    expect(fixed).toMatchObject({
      receivedAt: '2026-03-02T06:00:00.000Z',
      slaDueAt: '2026-03-03T06:00:00.000Z',
      deviceId: t.devices.printer.id,
      deviceTag: 'PR-0007',
    });
    expect((await getCardTimeline(t.db, card.id))[0]!.at).toBe('2026-03-02T06:00:00.000Z');
  });
});

describe('blank cards', () => {
  it('reserves numbers that no walk-up card, deleted card or later batch takes again', async () => {
    expect(await reserveBlankCardNumbers(t.ctx, 3)).toEqual([
      'WX-2026-A-0001',
      'WX-2026-A-0002',
      'WX-2026-A-0003',
    ]);
    // A printed blank card comes back filled in: logged with its own number, kept.
    const filled = await logRepairCard(t.ctx, { ...walkUp, cardNo: 'WX-2026-A-0002' });
    expect(filled.cardNo).toBe('WX-2026-A-0002');
    const walkIn = await logRepairCard(t.ctx, walkUp);
    expect(walkIn.cardNo).toBe('WX-2026-A-0004');
    // A deleted card's paper may still be around: its number is not handed out again.
    await removeRepairCard(t.ctx, walkIn.id);
    expect(await reserveBlankCardNumbers(t.ctx, 2)).toEqual(['WX-2026-A-0005', 'WX-2026-A-0006']);
    expect((await logRepairCard(t.ctx, walkUp)).cardNo).toBe('WX-2026-A-0007');
  });

  it('refuses a batch without a PC letter or outside 1–1000, reserving nothing', async () => {
    expect(await rejection(reserveBlankCardNumbers({ ...t.ctx, pcCode: '' }, 3))).toMatchObject({
      code: 'no-pc-code',
    });
    await expect(reserveBlankCardNumbers(t.ctx, 0)).rejects.toThrow(RangeError);
    expect(await peekNextCardNo(t.ctx)).toBe('WX-2026-A-0001');
  });
});

describe('correcting and deleting a card', () => {
  const search = async (text: string) =>
    (await queryRepairCards(t.db, { text }, { by: 'cardNo', dir: 'asc' }, { offset: 0, limit: 10 })).rows.map(
      (c) => c.cardNo,
    );

  it('corrects intake fields, says on the timeline who changed what, and updates the search copy', async () => {
    const card = await logRepairCard(t.ctx, {
      ...walkUp,
      requesterId: t.people.zhang.id,
      deviceTag: 'PC-0153',
    });
    t.clock.advance(HOUR);
    const fixed = await correctRepairCard({ ...t.ctx, operator: '李主管' }, card.id, {
      requesterId: t.people.li.id,
      deviceTag: 'pc-0200',
      faultCategory: 'network',
      description: '无法上网，网线指示灯不亮',
    });
    expect(fixed).toMatchObject({
      cardNo: card.cardNo,
      requesterId: t.people.li.id,
      requesterName: '李娜',
      departmentId: t.departments.sales.id,
      deviceId: t.devices.pc200.id,
      deviceTag: 'PC-0200',
      faultCategory: 'network',
      description: '无法上网，网线指示灯不亮',
      status: 'received',
    });

    const correction = (await getCardTimeline(t.db, card.id)).at(-1)!;
    expect(correction).toMatchObject({ type: 'note', by: '李主管', at: '2026-03-02T09:00:00.000Z' });
    expect(parseCorrectionNote(correction.note)).toEqual([
      { field: 'requester', from: '张伟', to: '李娜' },
      { field: 'department', from: '财务部', to: '销售部' },
      { field: 'device', from: 'PC-0153', to: 'PC-0200' },
      { field: 'faultCategory', from: 'hardware', to: 'network' },
      { field: 'description', from: '开机黑屏', to: '无法上网，网线指示灯不亮' },
    ]);

    expect(await search('网线指示灯')).toEqual([card.cardNo]);
    expect(await search('开机黑屏')).toEqual([]);
    expect(await search('李娜')).toEqual([card.cardNo]);
    expect((await readRepairCounters(t.db, t.ctx.now())).byStatus.received).toBe(1);
  });

  it('moves the received event and due time, and refuses a received time after a later step', async () => {
    const card = await logRepairCard(t.ctx, walkUp);
    t.clock.advance(2 * HOUR);
    await recordRepairEvent(t.ctx, card.id, { type: 'started', at: '2026-03-02T09:00:00.000Z' });

    const before = await snapshot();
    const late = await rejection(
      correctRepairCard(t.ctx, card.id, { receivedAt: '2026-03-02T09:30:00.000Z' }),
    );
    expect(late).toMatchObject({ code: 'received-after-step', field: 'receivedAt' });
    expect(await snapshot()).toEqual(before);

    // At the same minute as the first step is still in order; earlier moves the clock back.
    const fixed = await correctRepairCard(t.ctx, card.id, { receivedAt: '2026-03-02T07:00:00.000Z' });
    expect(fixed).toMatchObject({
      receivedAt: '2026-03-02T07:00:00.000Z',
      slaDueAt: '2026-03-03T07:00:00.000Z',
    });
    const timeline = await getCardTimeline(t.db, card.id);
    expect(timeline[0]).toMatchObject({ type: 'received', at: '2026-03-02T07:00:00.000Z' });
    expect(parseCorrectionNote(timeline.at(-1)!.note)).toEqual([
      { field: 'receivedAt', from: '2026-03-02T08:00:00.000Z', to: '2026-03-02T07:00:00.000Z' },
    ]);
  });

  it('refuses an unknown asset tag, a description over the limit and a future time, changing nothing', async () => {
    const card = await logRepairCard(t.ctx, walkUp);
    const before = await snapshot();
    expect(await rejection(correctRepairCard(t.ctx, card.id, { deviceTag: 'PC-9999' }))).toMatchObject({
      code: 'unknown-asset-tag',
      field: 'deviceTag',
    });
    expect(
      await rejection(correctRepairCard(t.ctx, card.id, { description: '很长的故障描述'.repeat(400) })),
    ).toMatchObject({ code: 'invalid', field: 'description' });
    expect(
      await rejection(correctRepairCard(t.ctx, card.id, { receivedAt: '2026-03-05T08:00:00.000Z' })),
    ).toMatchObject({ code: 'bad-time', field: 'receivedAt' });
    expect(await snapshot()).toEqual(before);
  });

  it('keeps the head-signed step in step with the signature time', async () => {
    const card = await logRepairCard(t.ctx, walkUp);
    const signedSteps = async () =>
      (await getCardTimeline(t.db, card.id)).filter((e) => e.type === 'head-signed').map((e) => e.at);

    await correctRepairCard(t.ctx, card.id, { deptHeadSignedAt: '2026-03-02T07:30:00.000Z' });
    expect(await signedSteps()).toEqual(['2026-03-02T07:30:00.000Z']);
    await correctRepairCard(t.ctx, card.id, { deptHeadSignedAt: '2026-03-02T07:45:00.000Z' });
    expect(await signedSteps()).toEqual(['2026-03-02T07:45:00.000Z']);
    const pending = await correctRepairCard(t.ctx, card.id, { deptHeadSignedAt: null });
    expect(pending.deptHeadSignedAt).toBeNull();
    expect(await signedSteps()).toEqual([]);
  });

  it('writes nothing when nothing changes', async () => {
    const card = await logRepairCard(t.ctx, { ...walkUp, requesterId: t.people.zhang.id });
    const before = await snapshot();
    const same = await correctRepairCard(t.ctx, card.id, {
      requesterId: t.people.zhang.id,
      description: '开机黑屏',
      faultCategory: 'hardware',
      receivedAt: card.receivedAt,
      deptHeadSignedAt: null,
    });
    expect(same).toEqual(card);
    expect(await snapshot()).toEqual(before);
  });

  it('deletes a card out of the list, search and counters, and brings it back on undo', async () => {
    const card = await logRepairCard(t.ctx, walkUp);
    await removeRepairCard(t.ctx, card.id);
    expect(await search('开机黑屏')).toEqual([]);
    expect((await readRepairCounters(t.db, t.ctx.now())).total).toBe(0);
    expect(await rejection(correctRepairCard(t.ctx, card.id, { description: '改' }))).toMatchObject({
      code: 'not-found',
    });
    expect(await rejection(removeRepairCard(t.ctx, card.id))).toMatchObject({ code: 'not-found' });

    await restoreRepairCard(t.ctx, card.id);
    expect(await search('开机黑屏')).toEqual([card.cardNo]);
    expect((await readRepairCounters(t.db, t.ctx.now())).total).toBe(1);
  });
});
