// public/warm-ledger.js, the plain script that starts opening the ledger while the app's code
// loads: on a first start it creates no database (the app creates it with its schema); on a PC
// with a ledger it opens it, reads the dashboard's counts by the app's own rule, then steps aside
// when the app upgrades the ledger, and closes itself.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRepository } from './db/repository';
import { NetdeskDb, openNetdeskDb } from './db/schema';
import { readLedgerCounts } from './features/dashboard/counts';
import source from './public/warm-ledger.js?raw';

interface WarmStart {
  counts: unknown;
  done: Promise<unknown>;
}

/** The script as a function of the globals it uses (a test builds it from the file's text). */
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the file under test is a plain script
const warmScript = new Function('indexedDB', 'IDBKeyRange', 'self', source) as (
  indexedDB: Pick<IDBFactory, 'open'>,
  keyRange: typeof IDBKeyRange,
  self: { netdeskStart?: WarmStart },
) => void;

/** Run the script as the page does, against `factory`; returns once its open has been answered,
 * with what it published for the app. */
async function runWarm(factory: IDBFactory): Promise<WarmStart> {
  const open = factory.open.bind(factory);
  let answered: Promise<void> = Promise.resolve();
  const spy = {
    open(name: string, version?: number) {
      const request = open(name, version);
      answered = new Promise((resolve) => {
        request.addEventListener('success', () => setTimeout(resolve, 0));
        request.addEventListener('error', () => setTimeout(resolve, 0));
      });
      return request;
    },
  };
  const page: { netdeskStart?: WarmStart } = {};
  warmScript(spy, IDBKeyRange, page);
  await answered;
  return page.netdeskStart!;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('warming the ledger at start', () => {
  it('creates no database on a first start, and the app then creates the ledger as usual', async () => {
    const factory = new IDBFactory();
    const start = await runWarm(factory);
    expect(await factory.databases()).toEqual([]);
    // Nothing to count: the dashboard reads the counts itself once the app has made the ledger.
    expect(await start.done).toBeNull();
    expect(start.counts).toBeNull();
    const db = await openNetdeskDb('netdesk', factory, IDBKeyRange);
    expect(db.tables.map((t) => t.name)).toContain('repairCards');
    await createRepository(db).create('departments', { name: '信息部' });
    expect(await db.departments.count()).toBe(1);
    db.close();
  });

  it('opens an existing ledger without blocking the app, even when the app upgrades it', async () => {
    const factory = new IDBFactory();
    const first = await openNetdeskDb('netdesk', factory, IDBKeyRange);
    await createRepository(first).create('departments', { name: '信息部' });
    first.close();

    await runWarm(factory);
    // A later NetDesk with one more schema version: its upgrade must not wait for the warm connection.
    class NextLedger extends NetdeskDb {
      constructor() {
        super('netdesk', { indexedDB: factory, IDBKeyRange });
        this.version(2).stores({ departments: 'id, name, deletedAt, shortName' });
      }
    }
    const next = new NextLedger();
    const opened = await Promise.race([
      next.open().then(() => 'opened'),
      new Promise((r) => setTimeout(() => r('blocked'), 2_000)),
    ]);
    expect(opened).toBe('opened');
    expect(await next.departments.count()).toBe(1);
    next.close();
  });

  it('reads the live counts the dashboard shows, by the same rule as the app', async () => {
    const factory = new IDBFactory();
    const db = await openNetdeskDb('netdesk', factory, IDBKeyRange);
    const repo = createRepository(db);
    const it1 = await repo.create('departments', { name: '信息部' });
    await repo.create('departments', { name: '财务部' });
    const gone = await repo.create('departments', { name: '已撤销' });
    await repo.remove('departments', gone.id);
    for (const name of ['张三', '李四', '王五'])
      await repo.create('people', { name, departmentId: it1.id, employeeNo: name });
    const expected = await readLedgerCounts(db);
    db.close();
    expect(expected).toEqual({ people: 3, departments: 2, devices: 0 });

    const start = await runWarm(factory);
    expect(await start.done).toEqual(expected);
    expect(start.counts).toEqual(expected);
  });

  it('reads no counts from a ledger without those tables, and the app still opens it', async () => {
    const factory = new IDBFactory();
    // A ledger from some other program or an unreleased build: no people/devices tables.
    const other = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open('netdesk', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('departments', { keyPath: 'id' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(String(request.error)));
    });
    other.close();

    const start = await runWarm(factory);
    expect(await start.done).toBeNull();
    expect(start.counts).toBeNull();
  });

  it('closes its connection by itself', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const factory = new IDBFactory();
    (await openNetdeskDb('netdesk', factory, IDBKeyRange)).close();
    const closed: string[] = [];
    const open = factory.open.bind(factory);
    const watching = {
      open(name: string) {
        const request = open(name);
        request.addEventListener('success', () => {
          const db = request.result;
          const close = db.close.bind(db);
          db.close = () => {
            closed.push(name);
            close();
          };
        });
        return request;
      },
    };
    warmScript(watching, IDBKeyRange, {});
    await vi.waitFor(() => expect(vi.getTimerCount()).toBeGreaterThan(0));
    expect(closed).toEqual([]);
    vi.runAllTimers();
    expect(closed).toEqual(['netdesk']);
  });
});
