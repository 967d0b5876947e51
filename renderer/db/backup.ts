// Export the ledger to a NetDesk backup (shared/backup.ts) and import one back, either into an
// empty ledger (restore on a new PC) or merged into a ledger in use (per field, newer stamp wins).
//
// Decisions:
// - Everything is exported, tombstones included: a deleted record must stay deleted when the
//   backup is merged into a PC that still has it.
// - Device secrets (passwords, configs) are blanked unless the user asks for them. A blanked
//   secret also loses its clock stamp, so neither an import nor a later sync ever lets the blank
//   overwrite the real secret on another PC.
// - Imported records keep their clock stamps, and every record the import adds or changes is
//   committed through the write pipeline (./commit.ts, source 'import'): validated, written with
//   an outbox change (with the per-field stamps) so that sync later passes it on like a local
//   edit, and followed by the features' hooks (those that rebuild after a bulk import do so once,
//   when the import finishes). Stamps from a PC whose clock ran more than an hour ahead are replaced by a stamp of
//   this PC's clock (otherwise that PC would win every later edit); unreadable stamps are
//   dropped (the field then loses to any stamped copy). Both are counted in the summary.
// - Duplicates of unique fields (employee number, asset tag, card number, department name) are
//   imported, never dropped, and listed in the summary for the supervisor to resolve.
// - Large ledgers are written in transactions of 500 records with progress; a failure part-way
//   leaves the chunks already written, and importing the same backup again completes it (merge
//   of identical records changes nothing).
import type { Table } from 'dexie';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupHoldsSecrets,
  blankDeviceSecret,
  type BackupAttachment,
  type LedgerBackup,
} from '../../shared/backup';
import type { BackupPreview } from '../../shared/backup-check';
import { issueText } from '../../shared/schemas/issues';
import { isListed } from '../../shared/sync/arrival';
import { foldKey } from '../../shared/text/fold';
import { backupTextParts } from '../../shared/backup-stream';
import { compareHlc, isAheadOfClock, isHlc } from '../../shared/hlc';
import {
  LEDGER_TABLES,
  storedRecordSchema,
  type AttachmentMeta,
  type LedgerTable,
  type StoredRecord,
} from '../../shared/schemas';
import { mergeRecord, stampedFields, type StampedRecord } from './merge';
import { loadNodeClock, readNodeId, type NodeClock } from './node-clock';
import { RepositoryError, UNIQUE_FIELDS } from './repository';
import { commitRecords, commitScope, finishImport, type RecordWrite } from './commit';
import type { NetdeskDb, OutboxChange, StoredAttachment } from './schema';
import { base64ToBytes, bytesToBase64 } from '../../shared/wire';

type Row = StampedRecord & { deletedAt: string | null };

function rows(db: NetdeskDb, table: LedgerTable): Table<Row, string> {
  return db.table(table);
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

// ── Export ──────────────────────────────────────────────────────────────────────────────

export interface ExportOptions {
  /** Include device passwords and configs. Off unless the user ticks it. */
  includeSecrets?: boolean;
  /** Include scanned cards and issued PDFs (base64; the file grows by a third of their size). */
  includeAttachments?: boolean;
  /** Name of this PC for the preview on the receiving side. */
  sourceName?: string;
  now?: () => Date;
}

export async function exportLedger(db: NetdeskDb, options: ExportOptions = {}): Promise<LedgerBackup> {
  const { includeSecrets = false, includeAttachments = true, sourceName, now = () => new Date() } = options;
  // One read transaction: the backup is a consistent picture even while the user keeps working.
  const scope = [...LEDGER_TABLES.map((t) => db.table(t)), db.attachments, db.localMeta];
  const { tables, files, nodeId } = await db.transaction('r', scope, async () => {
    const tables: Record<string, Row[]> = {};
    for (const table of LEDGER_TABLES) {
      const all = await rows(db, table).toArray();
      tables[table] =
        table === 'devices' && !includeSecrets
          ? all.map((d) => blankDeviceSecret(d as Row & { secret?: string }))
          : all;
    }
    const files: StoredAttachment[] = includeAttachments ? await db.attachments.toArray() : [];
    return { tables, files, nodeId: await readNodeId(db) };
  });
  // Blobs are read after the transaction: reading a file is not an IndexedDB request.
  const attachments: BackupAttachment[] = [];
  for (const { blob, ...meta } of files) {
    attachments.push({ ...meta, base64: bytesToBase64(new Uint8Array(await blob.arrayBuffer())) });
  }
  const source = { ...(nodeId ? { nodeId } : {}), ...(sourceName ? { name: sourceName } : {}) };
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now().toISOString(),
    ...(Object.keys(source).length ? { source } : {}),
    tables,
    ...(includeAttachments ? { attachments } : {}),
  };
}

export interface ExportPartsOptions extends ExportOptions {
  /** Records read from IndexedDB at a time. */
  batchSize?: number;
  /** Attachments read (and turned into base64) at a time. */
  attachmentBatch?: number;
  /** Roughly how many characters each part of the text holds. */
  partChars?: number;
  /** Records and attachments written so far, of those the ledger held at the start. */
  onProgress?: (done: number, total: number) => void;
}

export interface LedgerExport {
  /** The backup's text, part by part: byte for byte what serializeBackup(exportLedger()) writes. */
  parts: AsyncGenerator<string>;
  /** What was written; complete once `parts` is exhausted. */
  written: { records: number; attachments: number; includesSecrets: boolean };
}

/**
 * The same backup as exportLedger, written in parts so that a ledger larger than one string
 * (ten years: over a gigabyte of JSON) can be saved: each table is paged out by primary key, and
 * the attachments a few at a time, so memory holds one batch and one part.
 *
 * Unlike exportLedger it is not one read transaction (a transaction cannot stay open while the
 * parts are sent): a record saved while the export runs may or may not be in it, but every record
 * in it is whole, and each record is written once. Sync and a later backup carry the rest.
 */
export async function exportLedgerParts(
  db: NetdeskDb,
  options: ExportPartsOptions = {},
): Promise<LedgerExport> {
  const {
    includeSecrets = false,
    includeAttachments = true,
    sourceName,
    now = () => new Date(),
    batchSize = 2000,
    attachmentBatch = 8,
    partChars,
    onProgress,
  } = options;
  const nodeId = await readNodeId(db);
  const source = { ...(nodeId ? { nodeId } : {}), ...(sourceName ? { name: sourceName } : {}) };
  const head = { exportedAt: now().toISOString(), ...(Object.keys(source).length ? { source } : {}) };
  let total = 0;
  for (const table of LEDGER_TABLES) total += await rows(db, table).count();
  if (includeAttachments) total += await db.attachments.count();
  const written = { records: 0, attachments: 0, includesSecrets: false };
  const size = Math.max(1, Math.floor(batchSize));

  async function* tableBatches(table: LedgerTable): AsyncGenerator<Row[]> {
    let after = '';
    for (;;) {
      // Primary-key order, as toArray() gives it: the same order exportLedger writes.
      const page = await rows(db, table).where(':id').above(after).limit(size).toArray();
      if (page.length === 0) return;
      after = page[page.length - 1]!.id;
      written.records += page.length;
      onProgress?.(written.records + written.attachments, total);
      if (table !== 'devices') yield page;
      else if (!includeSecrets) yield page.map((d) => blankDeviceSecret(d as Row & { secret?: string }));
      else {
        if (page.some((d) => typeof d.secret === 'string' && d.secret !== '')) written.includesSecrets = true;
        yield page;
      }
      if (page.length < size) return;
    }
  }

  async function* attachmentBatches(): AsyncGenerator<BackupAttachment[]> {
    const step = Math.max(1, Math.floor(attachmentBatch));
    let after = '';
    for (;;) {
      const page = await db.attachments.where(':id').above(after).limit(step).toArray();
      if (page.length === 0) return;
      after = page[page.length - 1]!.sha256;
      const batch: BackupAttachment[] = [];
      for (const { blob, ...meta } of page)
        batch.push({ ...meta, base64: bytesToBase64(new Uint8Array(await blob.arrayBuffer())) });
      written.attachments += batch.length;
      onProgress?.(written.records + written.attachments, total);
      yield batch;
      if (page.length < step) return;
    }
  }

  return {
    parts: backupTextParts(
      head,
      LEDGER_TABLES,
      tableBatches,
      includeAttachments ? attachmentBatches() : undefined,
      partChars,
    ),
    written,
  };
}

// ── Preview ─────────────────────────────────────────────────────────────────────────────

export type { BackupPreview };

/** What a backup holds, for the confirmation before an import. */
export function previewBackup(backup: LedgerBackup): BackupPreview {
  const tables = {} as BackupPreview['tables'];
  let totalRecords = 0;
  for (const table of LEDGER_TABLES) {
    const list: { deletedAt: string | null }[] = backup.tables[table] ?? [];
    const deleted = list.filter((r) => r.deletedAt).length;
    tables[table] = { live: list.length - deleted, deleted };
    totalRecords += list.length;
  }
  const attachments = backup.attachments ?? [];
  return {
    exportedAt: backup.exportedAt,
    source: backup.source,
    tables,
    totalRecords,
    attachments: attachments.length,
    attachmentBytes: attachments.reduce((sum, a) => sum + a.size, 0),
    includesSecrets: backupHoldsSecrets(backup),
  };
}

// ── Import ──────────────────────────────────────────────────────────────────────────────

export type ImportMode = 'empty' | 'merge';

export interface ImportProgress {
  done: number;
  total: number;
  /** The table (or 'attachments') being written. */
  stage: LedgerTable | 'attachments';
}

export interface ImportOptions {
  /** 'empty': refuse unless the ledger has no records at all. 'merge': newer stamp wins per field. */
  mode: ImportMode;
  onProgress?: (progress: ImportProgress) => void;
  chunkSize?: number;
  now?: () => Date;
}

export interface ImportDuplicate {
  table: LedgerTable;
  field: string;
  value: string;
  /** Ids of the live records sharing the value. */
  ids: string[];
}

export interface ImportSummary {
  mode: ImportMode;
  /** Records that were not in the ledger. */
  added: number;
  /** Records merged with at least one field taken from the backup. */
  updated: number;
  /** Records already present with nothing newer in the backup. */
  unchanged: number;
  attachmentsAdded: number;
  /** Stamps replaced (clock more than an hour ahead) or dropped (unreadable). */
  fixedStamps: number;
  duplicates: ImportDuplicate[];
  /** Records or attachments not imported, with the reason. */
  problems: string[];
}

const ATTACHMENT_CHUNK = 20;

/** The ledger holds no record of any table (tombstones count: they are records too). */
/** The first table that holds any record (deleted ones included: a tombstone is still history), or null. */
export async function firstNonEmptyTable(db: NetdeskDb): Promise<LedgerTable | null> {
  for (const table of LEDGER_TABLES) {
    if ((await rows(db, table).limit(1).primaryKeys()).length > 0) return table;
  }
  return null;
}

/** Replace future stamps by this PC's and drop unreadable ones; returns how many were fixed. */
function fixStamps(row: Row, clock: NodeClock, nowMs: number): { row: Row; fixed: number } {
  let fixed = 0;
  const hlc: Record<string, string> = {};
  for (const [name, stamp] of Object.entries(row.hlc)) {
    if (!isHlc(stamp)) fixed++;
    else if (isAheadOfClock(stamp, nowMs)) {
      hlc[name] = clock.hlc.tick();
      fixed++;
    } else hlc[name] = stamp;
  }
  return { row: fixed ? { ...row, hlc } : row, fixed };
}

/** The outbox change for the fields of `record` listed, each with its own stamp; and the newest. */
function importChange(
  table: LedgerTable,
  record: Row,
  fields: string[],
  at: string,
): { change: OutboxChange; newest: string } | null {
  const stamped = fields.filter((name) => record.hlc[name] !== undefined);
  if (stamped.length === 0) return null;
  const values: Record<string, unknown> = {};
  const stamps: Record<string, string> = {};
  let newest = '';
  for (const name of stamped) {
    values[name] = record[name];
    const stamp = record.hlc[name]!;
    stamps[name] = stamp;
    if (compareHlc(stamp, newest) > 0) newest = stamp;
  }
  return { change: { table, id: record.id, fields: values, stamps, at }, newest };
}

/**
 * One import under way: the steps shared by importLedger (a backup held in memory) and the
 * streamed restore (renderer/db/backup-stream.ts, a file read in pieces), so both write exactly
 * the same records, change-log rows and clock.
 */
export interface ImportRun {
  summary: ImportSummary;
  /** Merge one batch of checked records of one table, in one transaction. */
  records(table: LedgerTable, batch: readonly StoredRecord<LedgerTable>[]): Promise<void>;
  /** Verify (size, checksum) and add the attachments this PC does not have yet. */
  attachments(batch: readonly BackupAttachment[]): Promise<void>;
  /** Look for duplicated unique values in the tables the import wrote to; returns the summary. */
  finish(touched: readonly LedgerTable[]): Promise<ImportSummary>;
}

/**
 * Start an import. In 'empty' mode it throws RepositoryError 'not-empty' when the ledger already
 * holds records, before anything is written.
 */
export async function startImport(
  db: NetdeskDb,
  options: { mode: ImportMode; now?: () => Date },
): Promise<ImportRun> {
  const { mode, now = () => new Date() } = options;
  if (mode === 'empty') {
    const holder = await firstNonEmptyTable(db);
    if (holder) {
      throw new RepositoryError('not-empty', `the ledger already has records (${holder}); use merge`, {
        table: holder,
      });
    }
  }
  const summary: ImportSummary = {
    mode,
    added: 0,
    updated: 0,
    unchanged: 0,
    attachmentsAdded: 0,
    fixedStamps: 0,
    duplicates: [],
    problems: [],
  };

  async function records(table: LedgerTable, batch: readonly StoredRecord<LedgerTable>[]): Promise<void> {
    const chunk = batch as unknown as readonly Row[];
    const schema = storedRecordSchema(table);
    await db.transaction('rw', commitScope(db, [table]), async () => {
      const clock = await loadNodeClock(db, () => now().getTime());
      const at = now().toISOString();
      const local = await rows(db, table).bulkGet(chunk.map((r) => r.id));
      const writes: RecordWrite[] = [];
      let newest = '';
      chunk.forEach((original, i) => {
        const { row, fixed } = fixStamps(original, clock, now().getTime());
        summary.fixedStamps += fixed;
        const existing = local[i];
        let record: Row;
        let fields: string[];
        if (!existing) {
          record = row;
          fields = stampedFields(row);
          summary.added++;
        } else {
          const { merged, taken } = mergeRecord(existing, row);
          if (taken.length === 0) {
            summary.unchanged++;
            return;
          }
          // Each copy was valid; the mix is checked too before it replaces the local record.
          const check = schema.safeParse(merged);
          if (!check.success) {
            summary.problems.push(
              `${table} ${row.id}: merged record invalid at ${issueText(check.error, { first: true })}; kept this PC's copy`,
            );
            return;
          }
          record = merged;
          fields = taken;
          summary.updated++;
        }
        const made = importChange(table, record, fields, at);
        writes.push(made ? { record, change: made.change } : { record });
        if (made && compareHlc(made.newest, newest) > 0) newest = made.newest;
      });
      await commitRecords(db, 'import', table, writes);
      // The next local edit must outrank everything imported.
      if (newest) clock.hlc.receive(newest);
      await clock.save();
    });
  }

  async function attachments(batch: readonly BackupAttachment[]): Promise<void> {
    // Decode and verify outside the transaction (hashing is not an IndexedDB request).
    const verified: StoredAttachment[] = [];
    for (const { base64, ...meta } of batch) {
      let bytes: Uint8Array<ArrayBuffer>;
      try {
        bytes = base64ToBytes(base64) as Uint8Array<ArrayBuffer>;
      } catch {
        summary.problems.push(`attachment ${meta.name}: not valid base64`);
        continue;
      }
      if (bytes.byteLength !== meta.size || (await sha256Hex(bytes)) !== meta.sha256) {
        summary.problems.push(`attachment ${meta.name}: content does not match its checksum`);
        continue;
      }
      const clean: AttachmentMeta = meta;
      verified.push({ ...clean, blob: new Blob([bytes], { type: meta.mime }) });
    }
    await db.transaction('rw', db.attachments, async () => {
      const present = await db.attachments.bulkGet(verified.map((a) => a.sha256));
      const missing = verified.filter((_, i) => !present[i]);
      await db.attachments.bulkAdd(missing);
      summary.attachmentsAdded += missing.length;
    });
  }

  async function finish(touched: readonly LedgerTable[]): Promise<ImportSummary> {
    await finishImport(db, touched);
    summary.duplicates = await findDuplicates(db, touched);
    return summary;
  }

  return { summary, records, attachments, finish };
}

/**
 * Import a backup that passed `parseBackup`/`validateBackup`. Throws RepositoryError 'not-empty'
 * in 'empty' mode when the ledger already holds records; otherwise returns what it did.
 */
export async function importLedger(
  db: NetdeskDb,
  backup: LedgerBackup,
  options: ImportOptions,
): Promise<ImportSummary> {
  const { mode, onProgress, chunkSize = 500, now } = options;
  const size = Math.max(1, Math.floor(chunkSize));
  const run = await startImport(db, { mode, ...(now ? { now } : {}) });
  const attachments = backup.attachments ?? [];
  const total =
    LEDGER_TABLES.reduce((sum, t) => sum + (backup.tables[t]?.length ?? 0), 0) + attachments.length;
  let done = 0;
  for (const table of LEDGER_TABLES) {
    const incoming: readonly StoredRecord<LedgerTable>[] = backup.tables[table] ?? [];
    for (let start = 0; start < incoming.length; start += size) {
      const chunk = incoming.slice(start, start + size);
      await run.records(table, chunk);
      done += chunk.length;
      onProgress?.({ done, total, stage: table });
    }
  }
  for (let start = 0; start < attachments.length; start += ATTACHMENT_CHUNK) {
    const chunk = attachments.slice(start, start + ATTACHMENT_CHUNK);
    await run.attachments(chunk);
    done += chunk.length;
    onProgress?.({ done, total, stage: 'attachments' });
  }
  return run.finish(LEDGER_TABLES.filter((t) => (backup.tables[t]?.length ?? 0) > 0));
}

/** Live records sharing a unique value, in the tables the import wrote to. */
async function findDuplicates(db: NetdeskDb, touched: readonly LedgerTable[]): Promise<ImportDuplicate[]> {
  const duplicates: ImportDuplicate[] = [];
  for (const table of LEDGER_TABLES) {
    const fields = UNIQUE_FIELDS[table];
    if (!fields || !touched.includes(table)) continue;
    const byValue = new Map<string, Map<string, { value: string; ids: string[] }>>(
      fields.map((f) => [f, new Map()]),
    );
    // Streamed, not loaded whole: ten years of repair cards do not fit in memory twice.
    await rows(db, table).each((record) => {
      if (!isListed(record)) return;
      for (const name of fields) {
        const value = record[name];
        if (typeof value !== 'string' || value === '') continue;
        // Keys compare folded, as the repository's uniqueness check does: 'PC-01' = 'pc-01'.
        const seen = byValue.get(name)!;
        const key = foldKey(value);
        const entry = seen.get(key);
        if (entry) entry.ids.push(record.id);
        else seen.set(key, { value, ids: [record.id] });
      }
    });
    for (const [field, seen] of byValue) {
      for (const { value, ids } of seen.values())
        if (ids.length > 1) duplicates.push({ table, field, value, ids });
    }
  }
  return duplicates;
}
