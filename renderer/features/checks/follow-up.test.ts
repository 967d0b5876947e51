// What follows a problem found by a check: a repair card opened from a problem item, prefilled and
// linked both ways, and the CCTV provider-contact log with its 24-hour clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactClock } from '../../../shared/checks/cctv';
import { snapshotItems, templateOf } from '../../../shared/checks/templates';
import { createRepository, type Repository } from '../../db/repository';
import type { NetdeskDb } from '../../db/schema';
import { freshDb, manualClock } from '../../db/test-support';
import { getRepairCard, type RepairContext } from '../repair/data';
import {
  CardFromItemRefused,
  checkOfCard,
  ContactRefused,
  linkedCardNumbers,
  logProviderContact,
  openRepairCardFromItem,
  saveCheck,
} from './data';

let db: NetdeskDb;
let repo: Repository;
let ctx: RepairContext;
const cn = (text: string) => new Date(`${text.replace(' ', 'T')}:00+08:00`).toISOString();
const now = new Date(cn('2026-12-09 17:00'));

beforeEach(async () => {
  db = await freshDb();
  const clock = manualClock(now.toISOString());
  repo = createRepository(db, { now: clock.now });
  ctx = { db, repo, pcCode: 'A', operator: '王工', now: () => now };
  await repo.create('devices', { assetTag: 'SRV-01', type: 'server' });
  await repo.create('devices', { assetTag: 'NVR-01', type: 'cctv-recorder' });
});
afterEach(() => db.close());

const idOf = async (tag: string) => (await db.devices.where('assetTag').equals(tag).first())!.id;

async function checkWithProblem(
  kind: 'server-maintenance' | 'cctv',
  tag: string,
  at = cn('2026-12-09 10:00'),
) {
  const id = await idOf(tag);
  const lines = snapshotItems(templateOf([], kind), [{ id, label: tag }]);
  return saveCheck(
    db,
    repo,
    {
      kind,
      at,
      by: '王工',
      deviceIds: [id],
      items: lines.map((l, i) => ({
        ...l,
        result: i === 1 ? 'problem' : 'ok',
        note: i === 1 ? '日志报 RAID 降级' : '',
      })),
    },
    now,
  );
}

describe('a repair card from a problem item', () => {
  it('opens a card for the item’s device with the item and note as the fault, linked both ways', async () => {
    const check = await checkWithProblem('server-maintenance', 'SRV-01');
    const card = await openRepairCardFromItem(ctx, check.id, 1);
    expect(card).toMatchObject({
      deviceTag: 'SRV-01',
      requesterName: '王工',
      description: 'SRV-01 系统日志：日志报 RAID 降级',
      fromCheckId: check.id,
      status: 'received',
    });
    expect(card.cardNo).toMatch(/^WX-2026-A-\d{4}$/);
    const linked = (await db.routineChecks.get(check.id))!;
    expect(linked.items[1]!.repairCardId).toBe(card.id);
    expect(await linkedCardNumbers(db, [linked])).toEqual(new Map([[card.id, card.cardNo]]));
    expect((await checkOfCard(db, (await getRepairCard(db, card.id))!.fromCheckId!))!.id).toBe(check.id);
  });

  it('refuses an OK item and an item already linked, opening no second card', async () => {
    const check = await checkWithProblem('server-maintenance', 'SRV-01');
    await expect(openRepairCardFromItem(ctx, check.id, 0)).rejects.toMatchObject({ code: 'not-a-problem' });
    await openRepairCardFromItem(ctx, check.id, 1);
    const again = openRepairCardFromItem(ctx, check.id, 1);
    await expect(again).rejects.toBeInstanceOf(CardFromItemRefused);
    await expect(again).rejects.toMatchObject({ code: 'already-linked' });
    expect(await db.repairCards.count()).toBe(1);
  });
});

describe('the CCTV provider contact log', () => {
  it('logs contacts, keeps the earliest as the contact time and judges the clock by it', async () => {
    const check = await checkWithProblem('cctv', 'NVR-01', cn('2026-12-08 10:00'));
    expect(contactClock(check, now).state).toBe('overdue');
    const first = await logProviderContact(
      db,
      repo,
      check.id,
      { at: cn('2026-12-09 11:00'), provider: '海康服务商', means: 'phone', agreed: '明天上门换硬盘' },
      now,
    );
    expect(first.providerContacts![0]).toMatchObject({ provider: '海康服务商', agreed: '明天上门换硬盘' });
    expect(contactClock(first, now)).toMatchObject({ state: 'late', lateMs: 3600_000 });
    // A contact made earlier and logged afterwards is the one that counts.
    const both = await logProviderContact(
      db,
      repo,
      check.id,
      { at: cn('2026-12-09 09:00'), provider: '海康服务商', means: 'wechat' },
      now,
    );
    expect(both.providerContacts!.map((c) => c.at)).toEqual([cn('2026-12-09 09:00'), cn('2026-12-09 11:00')]);
    expect(both.providerContactedAt).toBe(cn('2026-12-09 09:00'));
    expect(contactClock(both, now).state).toBe('on-time');
  });

  it('refuses a contact without provider, in the future, before the check or on a check without a fault', async () => {
    const check = await checkWithProblem('cctv', 'NVR-01');
    const contact = { at: cn('2026-12-09 12:00'), provider: '海康服务商', means: 'phone' as const };
    await expect(
      logProviderContact(db, repo, check.id, { ...contact, provider: ' ' }, now),
    ).rejects.toMatchObject({ code: 'provider-required' });
    await expect(
      logProviderContact(db, repo, check.id, { ...contact, at: cn('2026-12-09 18:00') }, now),
    ).rejects.toMatchObject({ code: 'future' });
    await expect(
      logProviderContact(db, repo, check.id, { ...contact, at: cn('2026-12-09 09:00') }, now),
    ).rejects.toBeInstanceOf(ContactRefused);
    const server = await checkWithProblem('server-maintenance', 'SRV-01');
    await expect(logProviderContact(db, repo, server.id, contact, now)).rejects.toMatchObject({
      code: 'not-cctv-fault',
    });
    expect((await db.routineChecks.get(check.id))!.providerContacts ?? []).toEqual([]);
  });
});
