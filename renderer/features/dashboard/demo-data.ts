// Loading the demo ledger (shared/demo.ts) into an empty ledger through the backup import, the
// same path a restored backup takes. The demo module is loaded on demand: it is only needed once.
import { firstNonEmptyTable, importLedger } from '../../db/backup';
import type { NetdeskDb } from '../../db/schema';

/** True when no table holds any record, deleted ones included (a tombstone is still history). */
export async function isLedgerEmpty(db: NetdeskDb): Promise<boolean> {
  return (await firstNonEmptyTable(db)) === null;
}

/** Build and import the demo ledger; returns how many records it holds. */
export async function loadDemoLedger(
  db: NetdeskDb,
  now: Date,
  onProgress: (done: number, total: number) => void,
): Promise<number> {
  const { buildDemoLedger } = await import('../../../shared/demo');
  const backup = buildDemoLedger({ seed: 1, now });
  const summary = await importLedger(db, backup, {
    mode: 'empty',
    onProgress: (p) => onProgress(p.done, p.total),
  });
  return summary.added;
}
