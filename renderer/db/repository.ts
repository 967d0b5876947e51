// The screens' way into the ledger. Every write is validated with the record's zod schema,
// checked for duplicates among live records (keys compared folded), stamped with this PC's hybrid
// logical clock per field (shared/sync/stamp.ts, the one stamping rule), and committed through
// the write pipeline (./commit.ts): the record, its outbox change and the features' after-commit
// hooks, all in one transaction — either all are written, or none is.
//
// Usage from a screen (reads may use Dexie directly, e.g. through useLiveQuery; writes never):
//
//   const db = await openNetdeskDb();
//   const repo = createRepository(db);
//   try {
//     const person = await repo.create('people', { employeeNo: '1001', name: '张伟' });
//     await repo.update('people', person.id, { phone: '138 0000 0000' });
//     await repo.remove('people', person.id); // tombstone; repo.restore() undoes it
//   } catch (err) {
//     if (err instanceof RepositoryError && err.code === 'duplicate') {
//       form.setError(err.field!, { message: t(`repository.${err.code}`) });
//     } else if (err instanceof RepositoryError && err.code === 'invalid') {
//       for (const issue of err.issues) form.setError(issue.path, { message: issue.message });
//     } else throw err;
//   }
//   const result = await repo.bulkCreate('devices', rows, { onProgress: ({ done, total }) => … });
//   if (!result.ok) showRowErrors(result.errors); // nothing was written
//   const scan = await repo.putAttachment({ bytes, name: 'WX-2026-A-0001.pdf', mime: 'application/pdf' });
//   await repo.update('repairCards', cardId, { attachmentShas: [...card.attachmentShas, scan.sha256] });
//
// Error codes (RepositoryError.code) are what the UI translates; messages are English for logs.
import type { Table } from 'dexie';
import {
  attachmentMetaSchema,
  ledgerTables,
  type AttachmentMeta,
  type LedgerTable,
  type RecordContent,
  type RecordInput,
  type StoredRecord,
} from '../../shared/schemas';
import { fieldIssues, issueText, type FieldIssue } from '../../shared/schemas/issues';
import { isListed } from '../../shared/sync/arrival';
import { foldKey } from '../../shared/text/fold';
import { stampCreate, stampDeleted, stampUpdate } from '../../shared/sync/stamp';
import { commitRecords, commitScope } from './commit';
import { RepositoryError } from './errors';
import { whereAnyKey, whereKey } from './keys';
import { sameValue } from './merge';
import { loadNodeClock } from './node-clock';
import type { NetdeskDb, StoredAttachment } from './schema';

export { RepositoryError, type RepositoryErrorCode, type FieldIssue } from './errors';

/**
 * Fields unique among live records of a table, compared as keys (foldKey: 'PC-01' and 'pc-01'
 * are one tag). Enforced here, never by an index: records arriving by sync or import may still
 * clash, and are stored and reported, not lost.
 */
export const UNIQUE_FIELDS: { readonly [T in LedgerTable]?: readonly string[] } = {
  people: ['employeeNo'],
  departments: ['name'],
  devices: ['assetTag'],
  repairCards: ['cardNo'],
};

export interface BulkRowError {
  /** Index of the row in the inputs (0-based). */
  index: number;
  code: 'invalid' | 'duplicate';
  field?: string;
  value?: unknown;
  /** For a duplicate: the live record already holding the value, if any (else another row). */
  conflictId?: string;
  issues: FieldIssue[];
}

export type BulkCreateResult<T extends LedgerTable> =
  { ok: true; records: StoredRecord<T>[] } | { ok: false; errors: BulkRowError[] };

export interface BulkProgress {
  done: number;
  total: number;
}

export interface AttachmentInput {
  bytes: Uint8Array;
  name: string;
  mime: AttachmentMeta['mime'];
}

export interface Repository {
  create<T extends LedgerTable>(table: T, input: RecordInput<T>): Promise<StoredRecord<T>>;
  update<T extends LedgerTable>(
    table: T,
    id: string,
    patch: Partial<RecordInput<T>>,
  ): Promise<StoredRecord<T>>;
  remove<T extends LedgerTable>(table: T, id: string): Promise<StoredRecord<T>>;
  restore<T extends LedgerTable>(table: T, id: string): Promise<StoredRecord<T>>;
  get<T extends LedgerTable>(table: T, id: string): Promise<StoredRecord<T> | undefined>;
  list<T extends LedgerTable>(table: T): Promise<StoredRecord<T>[]>;
  bulkCreate<T extends LedgerTable>(
    table: T,
    inputs: readonly RecordInput<T>[],
    options?: { chunkSize?: number; onProgress?: (progress: BulkProgress) => void },
  ): Promise<BulkCreateResult<T>>;
  putAttachment(input: AttachmentInput): Promise<AttachmentMeta>;
  getAttachment(sha256: string): Promise<StoredAttachment | undefined>;
}

/** Validate user input for a table; throws RepositoryError 'invalid'. */
export function validateInput<T extends LedgerTable>(table: T, input: unknown): RecordContent<T> {
  const parsed = ledgerTables[table].safeParse(input);
  if (!parsed.success) {
    const issues = fieldIssues(parsed.error);
    throw new RepositoryError('invalid', `${table}: ${issueText(issues)}`, { table, issues });
  }
  return parsed.data as RecordContent<T>;
}

/** A stored record as the generic write path handles it; the public API narrows it per table. */
interface LedgerRow {
  id: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  hlc: Record<string, string>;
  [field: string]: unknown;
}

function rows(db: NetdeskDb, table: LedgerTable): Table<LedgerRow, string> {
  return db.table(table);
}

function typed<T extends LedgerTable>(row: LedgerRow): StoredRecord<T> {
  return row as unknown as StoredRecord<T>;
}

function isDeleted(record: { deletedAt?: string | null }): boolean {
  return Boolean(record.deletedAt);
}

function field(record: object, name: string): unknown {
  return (record as Record<string, unknown>)[name];
}

function dropUndefined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function createRepository(db: NetdeskDb, options: { now?: () => Date } = {}): Repository {
  const now = options.now ?? (() => new Date());
  const nowMs = () => now().getTime();

  /** Throws 'duplicate' if a live record other than `selfId` holds one of the unique values. */
  async function assertUnique(table: LedgerTable, content: object, selfId: string | null, only?: string[]) {
    for (const name of UNIQUE_FIELDS[table] ?? []) {
      if (only && !only.includes(name)) continue;
      const value = field(content, name);
      if (typeof value !== 'string' || value === '') continue;
      const other = await whereKey(rows(db, table), name, value)
        .filter((r) => isListed(r) && r.id !== selfId)
        .first();
      if (other) {
        throw new RepositoryError('duplicate', `${table}.${name} "${value}" is already used by ${other.id}`, {
          table,
          field: name,
          value,
          conflictId: other.id,
          ...(selfId ? { recordId: selfId } : {}),
        });
      }
    }
  }

  async function getAny(table: LedgerTable, id: string): Promise<LedgerRow> {
    const record = await rows(db, table).get(id);
    if (!record)
      throw new RepositoryError('not-found', `${table} ${id} does not exist`, { table, recordId: id });
    return record;
  }

  /** Set deletedAt (tombstone or restore) with its own stamp and outbox change. */
  async function setDeleted(table: LedgerTable, id: string, deleted: boolean): Promise<LedgerRow> {
    return db.transaction('rw', commitScope(db, [table]), async () => {
      const existing = await getAny(table, id);
      if (isDeleted(existing) === deleted) return existing;
      // A restored record must not clash with one created meanwhile under the same number.
      if (!deleted) await assertUnique(table, existing, id);
      const clock = await loadNodeClock(db, nowMs);
      const write = stampDeleted(table, existing, deleted, clock.hlc.tick(), now().toISOString())!;
      await commitRecords(db, 'local', table, [write]);
      await clock.save();
      return write.record as LedgerRow;
    });
  }

  async function create(table: LedgerTable, input: unknown): Promise<LedgerRow> {
    // Validate before opening the transaction: a bad form never touches the database.
    const content = validateInput(table, input);
    return db.transaction('rw', commitScope(db, [table]), async () => {
      await assertUnique(table, content, null);
      const clock = await loadNodeClock(db, nowMs);
      const write = stampCreate(table, crypto.randomUUID(), content, clock.hlc.tick(), now().toISOString());
      await commitRecords(db, 'local', table, [write]);
      await clock.save();
      return write.record as LedgerRow;
    });
  }

  async function update(table: LedgerTable, id: string, patch: object): Promise<LedgerRow> {
    return db.transaction('rw', commitScope(db, [table]), async () => {
      const existing = await getAny(table, id);
      if (isDeleted(existing)) {
        throw new RepositoryError('deleted', `${table} ${id} is deleted`, { table, recordId: id });
      }
      // The whole record is re-validated: a patch may not leave it in a state a form would refuse.
      // A key left undefined in the patch means "not edited", not "reset to the default".
      const content = validateInput(table, { ...existing, ...dropUndefined(patch) });
      const changedNames = Object.keys(content).filter(
        (name) => !sameValue(field(content, name), existing[name]),
      );
      if (changedNames.length === 0) return existing;
      await assertUnique(table, content, id, changedNames);
      const clock = await loadNodeClock(db, nowMs);
      const write = stampUpdate(table, existing, content, clock.hlc.tick(), now().toISOString())!;
      await commitRecords(db, 'local', table, [write]);
      await clock.save();
      return write.record as LedgerRow;
    });
  }

  /** Per-row problems of a batch: schema errors, then duplicates among the rows and with the ledger. */
  async function checkBatch(table: LedgerTable, inputs: readonly unknown[]) {
    const errors: BulkRowError[] = [];
    const contents: object[] = [];
    inputs.forEach((input, index) => {
      const parsed = ledgerTables[table].safeParse(input);
      if (parsed.success) contents[index] = parsed.data;
      else errors.push({ index, code: 'invalid', issues: fieldIssues(parsed.error) });
    });
    for (const name of UNIQUE_FIELDS[table] ?? []) {
      const firstRow = new Map<string, number>();
      contents.forEach((content, index) => {
        const value = field(content, name);
        if (typeof value !== 'string' || value === '') return;
        const key = foldKey(value);
        const first = firstRow.get(key);
        if (first === undefined) {
          firstRow.set(key, index);
          return;
        }
        errors.push({
          index,
          code: 'duplicate',
          field: name,
          value,
          issues: [{ path: name, message: `same ${name} as row ${first + 1}` }],
        });
      });
      if (firstRow.size === 0) continue;
      const typed = [...firstRow.values()].map((index) => field(contents[index]!, name) as string);
      const clashes = await whereAnyKey(rows(db, table), name, typed).filter(isListed).toArray();
      for (const clash of clashes) {
        const value = clash[name] as string;
        errors.push({
          index: firstRow.get(foldKey(value))!,
          code: 'duplicate',
          field: name,
          value,
          conflictId: clash.id,
          issues: [{ path: name, message: `${name} "${value}" is already in the ledger` }],
        });
      }
    }
    return { errors: errors.sort((a, b) => a.index - b.index), contents };
  }

  async function bulkCreate(
    table: LedgerTable,
    inputs: readonly unknown[],
    {
      chunkSize = 500,
      onProgress,
    }: { chunkSize?: number; onProgress?: (progress: BulkProgress) => void } = {},
  ): Promise<{ ok: true; records: LedgerRow[] } | { ok: false; errors: BulkRowError[] }> {
    const { errors, contents } = await checkBatch(table, inputs);
    if (errors.length > 0) return { ok: false, errors };
    const size = Math.max(1, Math.floor(chunkSize));
    const records: LedgerRow[] = [];
    for (let start = 0; start < contents.length; start += size) {
      const chunk = contents.slice(start, start + size);
      const written = await db.transaction('rw', commitScope(db, [table]), async () => {
        // Re-checked per chunk: another window may have added a clashing record since the check.
        // Only where the table has unique fields: hundreds of awaits that touch no table lose
        // Dexie's hold on the transaction (it ended early on a year's quote schedule).
        if (UNIQUE_FIELDS[table]?.length)
          for (const content of chunk) await assertUnique(table, content, null);
        const clock = await loadNodeClock(db, nowMs);
        const at = now().toISOString();
        const made = chunk.map((content) =>
          stampCreate(table, crypto.randomUUID(), content as Record<string, unknown>, clock.hlc.tick(), at),
        );
        await commitRecords(db, 'local', table, made);
        await clock.save();
        return made.map((m) => m.record as LedgerRow);
      });
      records.push(...written);
      onProgress?.({ done: records.length, total: contents.length });
    }
    return { ok: true, records };
  }

  async function putAttachment({ bytes, name, mime }: AttachmentInput): Promise<AttachmentMeta> {
    // Hash outside the transaction: an IndexedDB transaction ends when it awaits anything else.
    const data = bytes as Uint8Array<ArrayBuffer>;
    const sha256 = toHex(await crypto.subtle.digest('SHA-256', data));
    const parsed = attachmentMetaSchema.safeParse({
      sha256,
      name,
      mime,
      size: bytes.byteLength,
      createdAt: now().toISOString(),
    });
    if (!parsed.success) {
      const issues = fieldIssues(parsed.error);
      throw new RepositoryError('invalid', `attachment: ${issueText(issues)}`, { issues });
    }
    const meta = parsed.data;
    return db.transaction('rw', db.attachments, async () => {
      const existing = await db.attachments.get(sha256);
      if (existing) {
        const { blob: _blob, ...storedMeta } = existing;
        return storedMeta;
      }
      await db.attachments.add({ ...meta, blob: new Blob([data], { type: mime }) });
      return meta;
    });
  }

  return {
    create: async <T extends LedgerTable>(table: T, input: RecordInput<T>) =>
      typed<T>(await create(table, input)),
    update: async <T extends LedgerTable>(table: T, id: string, patch: Partial<RecordInput<T>>) =>
      typed<T>(await update(table, id, patch)),
    remove: async <T extends LedgerTable>(table: T, id: string) =>
      typed<T>(await setDeleted(table, id, true)),
    restore: async <T extends LedgerTable>(table: T, id: string) =>
      typed<T>(await setDeleted(table, id, false)),
    async get<T extends LedgerTable>(table: T, id: string) {
      const record = await rows(db, table).get(id);
      return isListed(record) ? typed<T>(record!) : undefined;
    },
    list: async <T extends LedgerTable>(table: T) =>
      (await rows(db, table).filter(isListed).toArray()).map((r) => typed<T>(r)),
    async bulkCreate<T extends LedgerTable>(
      table: T,
      inputs: readonly RecordInput<T>[],
      options?: { chunkSize?: number; onProgress?: (progress: BulkProgress) => void },
    ): Promise<BulkCreateResult<T>> {
      const result = await bulkCreate(table, inputs, options);
      return result.ok ? { ok: true, records: result.records.map((r) => typed<T>(r)) } : result;
    },
    putAttachment,
    getAttachment: (sha256) => db.attachments.get(sha256),
  };
}
