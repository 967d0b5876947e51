// Loading the demo ledger (shared/demo.ts) into an empty ledger through the backup import, the
// same path a restored backup takes. The demo module is loaded on demand: it is only needed once.
import { firstNonEmptyTable, importLedger } from '../../db/backup';
import { LEDGER_TABLES } from '../../../shared/schemas';
import type { NetdeskDb } from '../../db/schema';

/** True when no table holds any record, deleted ones included (a tombstone is still history). */
export async function isLedgerEmpty(db: NetdeskDb): Promise<boolean> {
  return (await firstNonEmptyTable(db)) === null;
}

/**
 * The same question for a live query: every table asked at once, in the query's own context (no
 * nested async functions), so the dashboard hides the demo loader as soon as anything is written.
 */
export function ledgerHasRecords(db: NetdeskDb): Promise<boolean> {
  return Promise.all(LEDGER_TABLES.map((table) => db.table(table).limit(1).primaryKeys())).then((found) =>
    found.some((keys) => keys.length > 0),
  );
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
