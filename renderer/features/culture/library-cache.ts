// The quote library kept in memory for the check a save makes against every quote: reading ten
// years of quotes on each save cost more than the check itself (2,600 quotes read in ~120 ms,
// checked in 0.1 ms). Every write to the quotes table, local, synced or imported, passes through
// the commit pipeline, whose hook below keeps the copy current once the write has committed; a
// backup import drops it and the next save reads the table again.
import Dexie from 'dexie';
import { byCreation } from '../../../shared/culture/schedule';
import type { Quote } from '../../../shared/schemas';
import { isListed } from '../../../shared/sync/arrival';
import { commitHookActive, type CommitHook } from '../../db/commit';
import type { NetdeskDb } from '../../db/schema';

const kept = new WeakMap<NetdeskDb, Map<string, Quote>>();
// Bumped by every write the hook sees, so a read that a write overtook is not kept.
const writes = new WeakMap<NetdeskDb, number>();
// Writes seen by the hook whose transaction has not committed or failed yet.
const pending = new WeakMap<NetdeskDb, number>();

/** The live quotes, oldest first, from the kept copy when there is one. */
export async function quoteLibrary(db: NetdeskDb): Promise<Quote[]> {
  // Without its hook (a test, a tool) nothing keeps the copy current: read the table each time.
  if (!commitHookActive(quoteLibraryHook)) kept.delete(db);
  let byId = (pending.get(db) ?? 0) > 0 ? undefined : kept.get(db);
  if (!byId) {
    const before = writes.get(db) ?? 0;
    const all = await db.quotes.toArray();
    byId = new Map(all.map((q) => [q.id, q]));
    const settled = (writes.get(db) ?? 0) === before && (pending.get(db) ?? 0) === 0;
    if (settled && commitHookActive(quoteLibraryHook)) kept.set(db, byId);
  }
  return [...byId.values()].filter(isListed).sort(byCreation);
}

export const quoteLibraryHook: CommitHook = {
  name: 'culture-quote-library',
  tables: ['quotes'],
  writes: () => [],
  // eslint-disable-next-line @typescript-eslint/require-await -- the pipeline awaits every hook
  async afterCommit(db, batch) {
    const records = batch.records as unknown as Quote[];
    const tx = Dexie.currentTransaction?.idbtrans;
    writes.set(db, (writes.get(db) ?? 0) + 1);
    if (!tx) {
      kept.delete(db);
      return;
    }
    // Followed once the IndexedDB transaction commits (the pipeline's write may be part of the
    // caller's, which can still fail after this): a write rolled back never reaches the copy, and
    // until the write settles a save reads the table, which waits for it.
    pending.set(db, (pending.get(db) ?? 0) + 1);
    const settle = (committed: boolean) => {
      pending.set(db, (pending.get(db) ?? 1) - 1);
      const byId = kept.get(db);
      if (committed && byId) for (const record of records) byId.set(record.id, record);
    };
    tx.addEventListener('complete', () => settle(true));
    tx.addEventListener('abort', () => settle(false));
  },
  // eslint-disable-next-line @typescript-eslint/require-await -- the pipeline awaits every hook
  async afterImport(db) {
    writes.set(db, (writes.get(db) ?? 0) + 1);
    kept.delete(db);
  },
};
