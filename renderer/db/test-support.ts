// Helpers for the ledger's unit tests: a fresh in-memory IndexedDB per test (fake-indexeddb)
// and a clock the test moves by hand. Imported by tests only.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openNetdeskDb, type NetdeskDb } from './schema';

/** A new, empty ledger in its own in-memory IndexedDB, so tests never share state. */
export function freshDb(): Promise<NetdeskDb> {
  return openNetdeskDb('netdesk', new IDBFactory(), IDBKeyRange);
}

/** A clock starting at `start` that moves only when told. */
export function manualClock(start = '2026-03-02T08:00:00.000Z') {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
  };
}

/** A second connection to the same in-memory ledger (as a worker opens its own). */
export function reopenDb(db: NetdeskDb): Promise<NetdeskDb> {
  const factory = db._options.indexedDB;
  if (!factory) throw new Error('not a test ledger');
  return openNetdeskDb(db.name, factory as IDBFactory, IDBKeyRange);
}
