// The one way a record enters the ledger. A screen's edit (through the repository), a change
// merged from another PC (renderer/sync/dexie-ledger.ts) and a backup import (./backup.ts) all end
// in commitRecords(), which, inside the caller's transaction:
//
//   1. validates every record it is given with its table's stored-record schema — local edits and
//      imports; a record merged from another PC was checked field by field by the merge
//      (shared/sync/apply.ts) and may be incomplete until its first change arrives;
//   2. puts the records;
//   3. writes their changes to the outbox in one shape (OutboxChange, what sync publishes) —
//      local edits and imports; what came from another PC is never sent back;
//   4. runs the after-commit hooks registered for the table, so data a feature derives from its
//      records (repair's counters and search copy; a KPI month cache) changes in the same
//      transaction, whoever wrote.
//
// Stamping is not done here: a local edit is stamped by shared/sync/stamp.ts before it commits, a
// merge keeps the stamps of the PC that wrote, an import those of the backup.
//
// A hook's own tables must be in every transaction that commits to the tables it follows: build
// transaction scopes with commitScope(). After a bulk import, hooks that would rather rebuild
// than follow each chunk get afterImport() once (see CommitHook).
import type { Table } from 'dexie';
import { LEDGER_TABLES, storedRecordSchema, type LedgerTable } from '../../shared/schemas';
import { fieldIssues, issueText } from '../../shared/schemas/issues';
import type { StampedRecord } from '../../shared/sync/merge';
import { RepositoryError } from './errors';
import type { NetdeskDb, OutboxChange } from './schema';

/** Who is writing: this PC's user, another PC through sync, or a backup being imported. */
export type CommitSource = 'local' | 'sync' | 'import';

/** One record as it is to be stored, with the change the outbox gets for it (if any). */
export interface RecordWrite {
  record: StampedRecord;
  change?: OutboxChange;
}

/** What a hook is told after a commit: the records of one table as they are now stored. */
export interface CommittedBatch {
  source: CommitSource;
  table: LedgerTable;
  records: readonly StampedRecord[];
}

/** Data a feature derives from ledger records, kept current by every write. */
export interface CommitHook {
  /** Unique; registering the same name again replaces the hook. */
  name: string;
  /** The ledger tables whose writes it follows. */
  tables: readonly LedgerTable[];
  /** The local tables it writes (they join each transaction committing to `tables`). */
  writes(db: NetdeskDb): Table[];
  /**
   * Runs inside the commit's transaction, after the records were put. Awaits only IndexedDB
   * requests on its own tables and `tables` (an IndexedDB transaction ends at any other await).
   */
  afterCommit(db: NetdeskDb, batch: CommittedBatch): Promise<void>;
  /**
   * Optional: called once when a backup import that wrote to `tables` has finished. A hook that
   * has one skips the import's chunks in afterCommit and rebuilds here instead (cheaper than
   * following 200,000 records a chunk at a time).
   */
  afterImport?(db: NetdeskDb): Promise<void>;
}

const hooks = new Map<string, CommitHook>();

/** Register a hook (idempotent by name). Returns a function that removes it again. */
export function registerCommitHook(hook: CommitHook): () => void {
  hooks.set(hook.name, hook);
  return () => {
    if (hooks.get(hook.name) === hook) hooks.delete(hook.name);
  };
}

/** Whether this very hook is the one registered under its name (data it keeps is current only then). */
export function commitHookActive(hook: CommitHook): boolean {
  return hooks.get(hook.name) === hook;
}

function hooksFor(table: LedgerTable): CommitHook[] {
  return [...hooks.values()].filter((h) => h.tables.includes(table));
}

/**
 * Every table a transaction committing to `tables` needs: those ledger tables, the outbox, this
 * PC's clock, and the tables of the hooks that follow them.
 */
export function commitScope(db: NetdeskDb, tables: readonly LedgerTable[]): Table[] {
  const scope = new Set<Table>([...tables.map((t) => db.table(t)), db.changeLog, db.localMeta]);
  for (const table of tables)
    for (const hook of hooksFor(table)) for (const t of hook.writes(db)) scope.add(t);
  return [...scope];
}

/** commitScope() of every ledger table: for merges and imports, which may touch any. */
export function fullCommitScope(db: NetdeskDb): Table[] {
  return commitScope(db, LEDGER_TABLES);
}

/** Throws RepositoryError 'invalid' when `record` breaks its table's stored-record schema. */
export function checkRecord(table: LedgerTable, record: object): void {
  const parsed = storedRecordSchema(table).safeParse(record);
  if (parsed.success) return;
  const issues = fieldIssues(parsed.error);
  throw new RepositoryError('invalid', `${table}: ${issueText(issues)}`, { table, issues });
}

/**
 * Store `writes` of one table, add their outbox changes and run the table's hooks — the steps
 * above. Must run inside a read-write transaction over commitScope(db, [table]) (or wider).
 */
export async function commitRecords(
  db: NetdeskDb,
  source: CommitSource,
  table: LedgerTable,
  writes: readonly RecordWrite[],
): Promise<void> {
  if (writes.length === 0) return;
  if (source !== 'sync') for (const { record } of writes) checkRecord(table, record);
  const records = writes.map((w) => w.record);
  const rows: Table<StampedRecord, string> = db.table(table);
  if (records.length === 1) await rows.put(records[0]!);
  else await rows.bulkPut(records);
  if (source !== 'sync') {
    const changes = writes.flatMap((w) => (w.change ? [w.change] : []));
    if (changes.length === 1) await db.changeLog.add(changes[0]!);
    else if (changes.length > 1) await db.changeLog.bulkAdd(changes);
  }
  for (const hook of hooksFor(table)) {
    if (source === 'import' && hook.afterImport) continue;
    await hook.afterCommit(db, { source, table, records });
  }
}

/** Tell the hooks of the tables an import wrote to that it has finished (see afterImport). */
export async function finishImport(db: NetdeskDb, tables: readonly LedgerTable[]): Promise<void> {
  const due = new Set(tables.flatMap(hooksFor));
  for (const hook of due) await hook.afterImport?.(db);
}
