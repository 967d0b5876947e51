import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LEDGER_TABLES } from '../../shared/schemas';
import { ledgerStores, openNetdeskDb, requestPersistentStorage } from './schema';
import { freshDb } from './test-support';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('NetdeskDb', () => {
  it('has every ledger table keyed by id, indexed by updatedAt, with no unique index', async () => {
    const db = await freshDb();
    for (const name of LEDGER_TABLES) {
      const schema = db.table(name).schema;
      expect(schema.primKey.keyPath, name).toBe('id');
      expect(
        schema.indexes.map((i) => i.name),
        name,
      ).toContain('updatedAt');
      // A unique index would make sync fail on two PCs' records with the same number.
      expect(
        schema.indexes.filter((i) => i.unique).map((i) => i.name),
        name,
      ).toEqual([]);
    }
    expect(db.attachments.schema.primKey.keyPath).toBe('sha256');
    expect(db.changeLog.schema.primKey).toMatchObject({ keyPath: 'seq', auto: true });
    expect(db.changeLog.schema.indexes.map((i) => i.name)).toEqual(['[table+id]']);
    db.close();
  });

  it('answers the queries the screens make through their indexes', async () => {
    const db = await freshDb();
    const at = '2026-03-02T08:00:00.000Z';
    const meta = { createdAt: at, updatedAt: at, deletedAt: null, hlc: {} };
    await db.routineChecks.bulkAdd([
      { id: 'c1', kind: 'server-maintenance', at, deviceIds: ['srv1', 'srv2'], ...checkDefaults, ...meta },
      { id: 'c2', kind: 'cctv', at, deviceIds: ['cam1'], ...checkDefaults, ...meta },
    ]);
    // A server's maintenance history comes straight from the multi-entry index.
    expect(await db.routineChecks.where('deviceIds').equals('srv2').primaryKeys()).toEqual(['c1']);
    expect(
      await db.routineChecks
        .where('[kind+at]')
        .between(['cctv', '2026-03-01'], ['cctv', '2026-03-08'])
        .primaryKeys(),
    ).toEqual(['c2']);
    db.close();
  });
});

describe('the upgrade to version 2', () => {
  it('keeps every pending change of a version-1 outbox, in the shape sync sends', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie('netdesk', { indexedDB, IDBKeyRange });
    v1.version(1).stores({
      ...ledgerStores(1),
      attachments: 'sha256',
      changeLog: '++seq, [table+recordId]',
      localMeta: 'key',
      repairSearch: 'chunk',
      repairCounters: 'status',
      syncBases: '[table+id]',
      syncConflicts: 'key, state, [table+recordId]',
      syncSetAside: 'key',
    });
    await v1.table('changeLog').bulkAdd([
      { table: 'people', recordId: 'p1', hlc: 'S1', changed: { name: '张伟', deletedAt: null }, at: 'T1' },
      {
        table: 'people',
        recordId: 'p1',
        hlc: 'S3',
        fieldHlc: { title: 'S2', phone: 'S3' },
        changed: { title: '出纳', phone: '138' },
        base: { title: 'S1' },
        at: 'T2',
      },
      { table: 'devices', recordId: 'd1', hlc: 'S4', changed: { deletedAt: 'T3' }, deleted: true, at: 'T3' },
    ]);
    v1.close();

    const db = await openNetdeskDb('netdesk', indexedDB, IDBKeyRange);
    expect(await db.changeLog.orderBy('seq').toArray()).toEqual([
      {
        seq: 1,
        table: 'people',
        id: 'p1',
        fields: { name: '张伟', deletedAt: null },
        stamps: { name: 'S1', deletedAt: 'S1' },
        at: 'T1',
      },
      {
        seq: 2,
        table: 'people',
        id: 'p1',
        fields: { title: '出纳', phone: '138' },
        stamps: { title: 'S2', phone: 'S3' },
        base: { title: 'S1' },
        at: 'T2',
      },
      {
        seq: 3,
        table: 'devices',
        id: 'd1',
        fields: { deletedAt: 'T3' },
        stamps: { deletedAt: 'S4' },
        at: 'T3',
      },
    ]);
    expect(await db.changeLog.where('[table+id]').equals(['people', 'p1']).count()).toBe(2);
    db.close();
  });
});

const checkDefaults = {
  by: '',
  site: '',
  slot: null,
  result: 'ok' as const,
  findings: '',
  actions: '',
  providerContactedAt: null,
  items: [],
  forDay: null,
  templateId: '',
};

describe('requestPersistentStorage', () => {
  it('asks the browser to keep the ledger and reports the answer', async () => {
    const persist = vi.fn(() => Promise.resolve(true));
    vi.stubGlobal('navigator', { storage: { persist, persisted: () => Promise.resolve(false) } });
    expect(await requestPersistentStorage()).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
  });

  it('does not ask again when storage is already persistent', async () => {
    const persist = vi.fn(() => Promise.resolve(false));
    vi.stubGlobal('navigator', { storage: { persist, persisted: () => Promise.resolve(true) } });
    expect(await requestPersistentStorage()).toBe(true);
    expect(persist).not.toHaveBeenCalled();
  });

  it('returns false where the storage API is missing', async () => {
    vi.stubGlobal('navigator', {});
    expect(await requestPersistentStorage()).toBe(false);
  });
});
