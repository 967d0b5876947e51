// The feed against a real (fake-indexeddb) ledger: after writes of every kind — a new device, a
// handover, a deletion, a person renamed, a record sync delivered in part, a table cleared by a
// restore — the index it keeps says what a fresh build from the ledger says.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDeviceIndex, filterDevices, type DeviceIndex } from '../../../shared/devices/device-list';
import { createRepository, type Repository } from '../../db/repository';
import type { NetdeskDb } from '../../db/schema';
import { freshDb } from '../../db/test-support';
import { buildDirectory } from '../../directory/directory';
import { DeviceIndexFeed, writtenKeys } from './device-index-feed';

let db: NetdeskDb;
let repo: Repository;
let feed: DeviceIndexFeed;
let latest: DeviceIndex | undefined;

beforeEach(async () => {
  db = await freshDb();
  repo = createRepository(db);
  latest = undefined;
});
afterEach(() => {
  feed?.stop();
  db.close();
});

async function directory() {
  return buildDirectory(await db.people.toArray(), await db.departments.toArray());
}

async function start() {
  feed = new DeviceIndexFeed(db, (index) => (latest = index));
  feed.start();
  feed.setNames(await directory());
}

/** What a fresh build from the ledger as it is now says. */
async function fresh() {
  const names = await directory();
  return buildDeviceIndex(await db.devices.toArray(), names.personById, names.departmentById);
}

const view = (index: DeviceIndex | undefined) =>
  index?.rows.map((r) => `${r.device.assetTag} ${r.responsibleName} ${r.departmentName} ${r.searchText}`);

/** Wait until the feed's index reads like a fresh build. */
async function settles() {
  const expected = view(await fresh());
  for (let i = 0; i < 100 && JSON.stringify(view(latest)) !== JSON.stringify(expected); i++)
    await new Promise((r) => setTimeout(r, 10));
  expect(view(latest)).toEqual(expected);
}

describe('device index feed', () => {
  it('follows writes, renames, partial records and a cleared table', async () => {
    const finance = await repo.create('departments', { name: '财务部' });
    const zhang = await repo.create('people', { employeeNo: '1001', name: '张伟', departmentId: finance.id });
    const li = await repo.create('people', { employeeNo: '1002', name: '李娜' });
    const pc = await repo.create('devices', {
      assetTag: 'PC-0101',
      type: 'computer',
      userPersonId: zhang.id,
    });
    await start();
    await settles();
    expect(latest?.rows).toHaveLength(1);

    const printer = await repo.create('devices', {
      assetTag: 'PR-0101',
      type: 'printer',
      attachedToDeviceId: pc.id,
      departmentId: finance.id,
    });
    await settles();
    expect(latest?.byId.get(printer.id)?.responsibleName).toBe('张伟');

    // A handover: the printer's row follows though the printer itself was not written.
    await repo.update('devices', pc.id, { userPersonId: li.id });
    await settles();
    expect(
      filterDevices(latest!, { query: '李娜', type: null, status: null, departmentId: null }),
    ).toHaveLength(2);

    await repo.update('people', li.id, { name: '李娜娜' });
    feed.setNames(await directory());
    await settles();
    await repo.update('departments', finance.id, { name: '财务中心' });
    feed.setNames(await directory());
    await settles();
    expect(latest?.byId.get(printer.id)?.departmentName).toBe('财务中心');

    await repo.remove('devices', pc.id);
    await settles();
    expect(latest?.byId.has(pc.id)).toBe(false);

    // Sync delivered a later field of a device whose creation has not arrived: not listed.
    await db.devices.put({
      ...printer,
      id: 'half',
      assetTag: 'PR-HALF',
      createdAt: undefined as unknown as string,
    });
    await settles();
    expect(latest?.all.has('half')).toBe(true);
    expect(latest?.byId.has('half')).toBe(false);

    // A restore clears the table: the notice names a range, and everything is read again.
    await db.devices.clear();
    await settles();
    expect(latest?.rows).toEqual([]);
  });

  it('reads back only the devices written, not the table', async () => {
    await start();
    await settles();
    const created = await Promise.all(
      Array.from({ length: 5 }, (_, i) => repo.create('devices', { assetTag: `SW-0${i}`, type: 'switch' })),
    );
    await settles();
    const before = latest!;
    const untouched = before.byId.get(created[0]!.id);
    await repo.update('devices', created[4]!.id, { location: '2F 机房' });
    await settles();
    expect(latest).not.toBe(before);
    expect(latest?.byId.get(created[0]!.id)).toBe(untouched);
  });
});

describe('change notices', () => {
  it('name written keys, or ask for everything when they name a range', async () => {
    const { RangeSet } = await import('dexie');
    expect(writtenKeys(new RangeSet().addKeys(['a', 'b']))).toEqual(new Set(['a', 'b']));
    expect(writtenKeys(new RangeSet('a', 'z'))).toBe('all');
    expect(writtenKeys(undefined)).toEqual(new Set());
  });
});
