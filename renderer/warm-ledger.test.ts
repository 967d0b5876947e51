// public/warm-ledger.js, the plain script that starts opening the ledger while the app's code
// loads: on a first start it creates no database (the app creates it with its schema); on a PC
// with a ledger it opens it, then steps aside when the app upgrades the ledger, and closes itself.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRepository } from './db/repository';
import { NetdeskDb, openNetdeskDb } from './db/schema';
import source from './public/warm-ledger.js?raw';

/** The script as a function of the one global it uses (a test builds it from the file's text). */
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the file under test is a plain script
const warmScript = new Function('indexedDB', source) as (indexedDB: Pick<IDBFactory, 'open'>) => void;

/** Run the script as the page does, against `factory`; returns once its open has been answered. */
async function runWarm(factory: IDBFactory): Promise<void> {
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
  warmScript(spy);
  await answered;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('warming the ledger at start', () => {
  it('creates no database on a first start, and the app then creates the ledger as usual', async () => {
    const factory = new IDBFactory();
    await runWarm(factory);
    expect(await factory.databases()).toEqual([]);
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
    warmScript(watching);
    await vi.waitFor(() => expect(vi.getTimerCount()).toBeGreaterThan(0));
    expect(closed).toEqual([]);
    vi.runAllTimers();
    expect(closed).toEqual(['netdesk']);
  });
});
