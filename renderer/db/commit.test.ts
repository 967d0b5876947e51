// The write pipeline: a hook registered for a table sees every write to it — a screen's edit, a
// change merged from another PC, a backup import — inside the write's own transaction, and a
// failing hook leaves nothing written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DexieLedger } from '../sync/dexie-ledger';
import { exportLedger, importLedger } from './backup';
import { commitRecords, registerCommitHook, type CommitSource } from './commit';
import { createRepository, RepositoryError, type Repository } from './repository';
import type { NetdeskDb } from './schema';
import { freshDb, manualClock } from './test-support';

let db: NetdeskDb;
let other: NetdeskDb;
let repo: Repository;
let otherRepo: Repository;
let clock: ReturnType<typeof manualClock>;
let seen: { source: CommitSource; names: string[] }[];
let unregister: () => void;

/** A hook on people that notes each batch and counts the writes in this PC's local table. */
function registerWatcher(options: { failOn?: string; rebuildAfterImport?: () => void } = {}) {
  return registerCommitHook({
    name: 'test-people-watcher',
    tables: ['people'],
    writes: (d) => [d.localMeta],
    async afterCommit(d, batch) {
      const names = batch.records.map((r) => String(r.name));
      if (options.failOn && names.includes(options.failOn)) throw new Error('hook failed');
      seen.push({ source: batch.source, names });
      const row = await d.localMeta.get('test.peopleWrites');
      await d.localMeta.put({
        key: 'test.peopleWrites',
        value: ((row?.value as number) ?? 0) + names.length,
      });
    },
    ...(options.rebuildAfterImport
      ? {
          afterImport: () => {
            options.rebuildAfterImport!();
            return Promise.resolve();
          },
        }
      : {}),
  });
}

beforeEach(async () => {
  db = await freshDb();
  other = await freshDb();
  clock = manualClock();
  repo = createRepository(db, { now: clock.now });
  otherRepo = createRepository(other, { now: clock.now });
  seen = [];
});
afterEach(() => {
  unregister?.();
  db.close();
  other.close();
});

describe('after-commit hooks', () => {
  it('see a local edit, a sync merge and a backup import, each in its transaction', async () => {
    unregister = registerWatcher();

    const zhang = await repo.create('people', { employeeNo: '1001', name: '张伟' });
    await repo.update('people', zhang.id, { name: '张伟伟' });
    expect(seen).toEqual([
      { source: 'local', names: ['张伟'] },
      { source: 'local', names: ['张伟伟'] },
    ]);

    // Another PC's person arrives by sync.
    await otherRepo.create('people', { employeeNo: '2001', name: '李娜' });
    const otherLedger = await DexieLedger.open(other, { now: clock.now });
    const ledger = await DexieLedger.open(db, { now: clock.now });
    clock.advance(1000);
    await ledger.applyRemote(otherLedger.nodeId, await otherLedger.readOutbox(0, 100), clock.now().getTime());
    expect(seen.at(-1)).toEqual({ source: 'sync', names: ['李娜'] });

    // And a third person comes in a backup.
    await otherRepo.create('people', { employeeNo: '3001', name: '王芳' });
    await importLedger(db, await exportLedger(other), { mode: 'merge', now: clock.now });
    expect(seen.at(-1)).toEqual({ source: 'import', names: ['王芳'] });

    // The hook's own writes were committed with the records.
    expect((await db.localMeta.get('test.peopleWrites'))?.value).toBe(4);
  });

  it('leaves nothing written when a hook fails: record, outbox and hook tables', async () => {
    unregister = registerWatcher({ failOn: '坏' });
    await expect(repo.create('people', { employeeNo: '1001', name: '坏' })).rejects.toThrow('hook failed');
    expect(await db.people.count()).toBe(0);
    expect(await db.changeLog.count()).toBe(0);
    expect(await db.localMeta.get('test.peopleWrites')).toBeUndefined();
  });

  it('lets a hook skip the chunks of an import and rebuild once when it ends', async () => {
    let rebuilds = 0;
    unregister = registerWatcher({ rebuildAfterImport: () => rebuilds++ });
    for (const n of [1, 2, 3]) await otherRepo.create('people', { employeeNo: `${n}`, name: `员工${n}` });
    seen = []; // the hook is global: it saw the other PC's own writes too
    await importLedger(db, await exportLedger(other), { mode: 'empty', now: clock.now, chunkSize: 1 });
    expect(seen).toEqual([]);
    expect(rebuilds).toBe(1);
  });

  it('stops once it is unregistered', async () => {
    registerWatcher()();
    await repo.create('people', { employeeNo: '1001', name: '张伟' });
    expect(seen).toEqual([]);
  });
});

describe('commitRecords', () => {
  it('refuses a record its schema refuses, for a local write or an import', async () => {
    const at = '2026-03-02T08:00:00.000Z';
    const bad = {
      id: 'p1',
      employeeNo: '',
      name: '张伟',
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      hlc: {},
    };
    for (const source of ['local', 'import'] as const) {
      const err: unknown = await db
        .transaction('rw', [db.people, db.changeLog, db.localMeta], () =>
          commitRecords(db, source, 'people', [{ record: bad }]),
        )
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RepositoryError);
      expect(err).toMatchObject({ code: 'invalid', field: 'employeeNo' });
    }
    expect(await db.people.count()).toBe(0);
  });
});
