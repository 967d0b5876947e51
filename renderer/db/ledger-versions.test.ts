// Updates without losing anything: a newer NetDesk opening a ledger an older one made upgrades it
// with every record kept; an older NetDesk opening a ledger a newer one upgraded refuses, and the
// ledger stays exactly as it was for the newer version to open.
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { isNewerLedgerError } from './ledger-version';
import { ledgerStores, NetdeskDb, openNetdeskDb } from './schema';

/** The stores of the first shipped ledger, written out: what a version-1 PC has on disk. */
const VERSION_1_STORES = {
  ...ledgerStores(1),
  attachments: 'sha256',
  changeLog: '++seq, [table+recordId]',
  localMeta: 'key',
  repairSearch: 'chunk',
  repairCounters: 'status',
  syncBases: '[table+id]',
  syncConflicts: 'key, state, [table+recordId]',
  syncSetAside: 'key',
};

const person = { id: 'p1', name: '张伟', employeeNo: 'E001', updatedAt: '2026-01-05T02:00:00.000Z' };
const device = { id: 'd1', assetTag: 'PC-0001', updatedAt: '2026-01-05T02:00:00.000Z' };
const card = { id: 'c1', cardNo: 'A-2026-0001', status: 'received', updatedAt: '2026-01-05T02:00:00.000Z' };
const setting = { id: 's1', key: 'companyName', value: '某集团', updatedAt: '2026-01-05T02:00:00.000Z' };

describe('a ledger made by the first version', () => {
  it('opens in this version upgraded, with every record and setting kept', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie('netdesk', { indexedDB, IDBKeyRange });
    v1.version(1).stores(VERSION_1_STORES);
    await v1.table('people').put(person);
    await v1.table('devices').put(device);
    await v1.table('repairCards').put(card);
    await v1.table('ledgerSettings').put(setting);
    await v1.table('localMeta').put({ key: 'pcCode', value: 'A' });
    v1.close();

    const db = await openNetdeskDb('netdesk', indexedDB, IDBKeyRange);
    expect(db.verno).toBe(new NetdeskDb('unopened').verno);
    expect(db.verno).toBeGreaterThan(1);
    expect(await db.people.toArray()).toEqual([person]);
    expect(await db.devices.toArray()).toEqual([device]);
    expect(await db.repairCards.toArray()).toEqual([card]);
    expect(await db.ledgerSettings.toArray()).toEqual([setting]);
    expect(await db.localMeta.get('pcCode')).toEqual({ key: 'pcCode', value: 'A' });
    // And it takes new records at once.
    await db.people.put({ ...person, id: 'p2', employeeNo: 'E002' } as never);
    expect(await db.people.count()).toBe(2);
    db.close();
  });
});

describe('a ledger made before invitations to write for the website (version 2)', () => {
  it('opens with every website update kept and takes invitations at once', async () => {
    const indexedDB = new IDBFactory();
    const v2 = new Dexie('netdesk', { indexedDB, IDBKeyRange });
    v2.version(2).stores({ ...VERSION_1_STORES, changeLog: '++seq, [table+id]' });
    const update = {
      id: 'w1',
      site: '集团官网',
      title: '年终表彰大会',
      category: 'activity',
      publishedAt: '2026-12-01T02:00:00.000Z',
      updatedAt: '2026-12-01T02:00:00.000Z',
    };
    await v2.table('websiteUpdates').put(update);
    await v2.table('people').put(person);
    v2.close();

    const db = await openNetdeskDb('netdesk', indexedDB, IDBKeyRange);
    expect(db.verno).toBe(new NetdeskDb('unopened').verno);
    expect(await db.websiteUpdates.toArray()).toEqual([update]);
    expect(await db.people.toArray()).toEqual([person]);
    const invitation = {
      id: 'i1',
      personId: 'p1',
      askedAt: '2026-12-02T02:00:00.000Z',
      status: 'published',
      note: '',
      websiteUpdateId: 'w1',
      updatedAt: '2026-12-02T02:00:00.000Z',
    };
    await db.websiteInvitations.put(invitation as never);
    expect(await db.websiteInvitations.where('websiteUpdateId').equals('w1').toArray()).toEqual([invitation]);
    expect(await db.websiteInvitations.where('personId').equals('p1').count()).toBe(1);
    db.close();
  });
});

describe('a ledger made before the KPI facts of repair cards (version 4)', () => {
  it('opens with every card and event kept and no facts yet', async () => {
    const indexedDB = new IDBFactory();
    const v4 = new Dexie('netdesk', { indexedDB, IDBKeyRange });
    v4.version(4).stores({
      ...VERSION_1_STORES,
      changeLog: '++seq, [table+id]',
      websiteInvitations: ledgerStores(4).websiteInvitations!,
    });
    const event = { id: 'e1', cardId: 'c1', type: 'repaired', at: '2026-01-05T03:00:00.000Z' };
    await v4.table('repairCards').put(card);
    await v4.table('repairEvents').put(event);
    v4.close();

    const db = await openNetdeskDb('netdesk', indexedDB, IDBKeyRange);
    expect(db.verno).toBe(new NetdeskDb('unopened').verno);
    expect(await db.repairCards.toArray()).toEqual([card]);
    expect(await db.repairEvents.toArray()).toEqual([event]);
    expect(await db.kpiCardFacts.count()).toBe(0);
    db.close();
  });
});

describe('a ledger a newer NetDesk has upgraded', () => {
  it('is refused with a VersionError NetDesk recognises, and left exactly as it was', async () => {
    const indexedDB = new IDBFactory();
    const newer = new NetdeskDb('unopened').verno + 5;
    const future = new Dexie('netdesk', { indexedDB, IDBKeyRange });
    future.version(newer).stores({ ...VERSION_1_STORES, changeLog: '++seq, [table+id]', futureThings: 'id' });
    await future.table('people').put(person);
    await future.table('futureThings').put({ id: 'f1', note: '新版本的记录' });
    future.close();

    const refusal = await openNetdeskDb('netdesk', indexedDB, IDBKeyRange).then(
      () => null,
      (err: unknown) => err,
    );
    expect(refusal).toBeInstanceOf(Error);
    expect(isNewerLedgerError(refusal)).toBe(true);

    const again = new Dexie('netdesk', { indexedDB, IDBKeyRange });
    again.version(newer).stores({ ...VERSION_1_STORES, changeLog: '++seq, [table+id]', futureThings: 'id' });
    await again.open();
    // Not one upgrade more: the IndexedDB version is what the newer NetDesk left (Dexie's 10n).
    expect(again.backendDB().version).toBe(newer * 10);
    expect(await again.table('people').toArray()).toEqual([person]);
    expect(await again.table('futureThings').toArray()).toEqual([{ id: 'f1', note: '新版本的记录' }]);
    again.close();
  });

  it('is told apart from other failures to open', () => {
    expect(isNewerLedgerError(new Dexie.QuotaExceededError('disk full'))).toBe(false);
    expect(isNewerLedgerError(new Error('something else'))).toBe(false);
    expect(isNewerLedgerError('VersionError')).toBe(false);
  });
});
