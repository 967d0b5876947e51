// The headless replica's ledger: NetDesk's records kept in one JSON file instead of IndexedDB,
// for `netdesk replica`, for tests and for admins. It is a full LedgerSide: the same stamping
// (shared/sync/stamp.ts), the same merge (shared/sync/apply.ts) and the same record schemas as
// the app, so a replica and the app converge on the same ledger through the same folder.
//
// The file holds the records per table with their stamps, the outbox, the sync cursors, the
// conflicts and the set-aside changes; attachments sit beside it in `<file>.blobs/<sha256>`.
// Every save is atomic (temp file, flush, rename): a crash leaves the old file or the new one.
// One process at a time per ledger file (the CLI runs one command and exits).
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { Hlc, isAheadOfClock, isHlc } from '../../shared/hlc';
import type { LedgerBackup } from '../../shared/backup';
import { issueText } from '../../shared/schemas/issues';
import {
  LEDGER_TABLES,
  attachmentMetaSchema,
  ledgerTables,
  type AttachmentMeta,
  type LedgerTable,
} from '../../shared/schemas';
import {
  applyChangeBatch,
  conflictKey,
  recordKey,
  snapshotChanges,
  type LocalCopy,
} from '../../shared/sync/apply';
import { dumpLedger } from '../../shared/sync/dump';
import { referencedShas } from '../../shared/sync/format';
import type { StampedRecord } from '../../shared/sync/merge';
import { stampCreate, stampDeleted, stampUpdate, type LocalChange } from '../../shared/sync/stamp';
import {
  EMPTY_CURSORS,
  type ApplyResult,
  type LedgerSide,
  type LedgerSnapshot,
  type SetAsideChange,
  type SyncChange,
  type SyncConflict,
  type SyncCursors,
} from '../../shared/sync/types';
import { sha256Hex } from './folder';
import { errorCode, writeAtomic, type SyncFs } from './fs';

export const REPLICA_FORMAT = 'netdesk-replica';
export const REPLICA_VERSION = 1;

interface ReplicaDocument {
  format: typeof REPLICA_FORMAT;
  version: number;
  nodeId: string;
  name: string;
  /** Last clock stamp issued, so time never runs backwards across runs. */
  hlc: string | null;
  tables: Partial<Record<LedgerTable, Record<string, StampedRecord>>>;
  /** Per table and record: the base stamps of the current field values (see SyncChange.base). */
  bases: Partial<Record<LedgerTable, Record<string, Record<string, string>>>>;
  outbox: SyncChange[];
  cursors: SyncCursors;
  conflicts: SyncConflict[];
  setAside: SetAsideChange[];
  attachments: Record<string, AttachmentMeta>;
}

const documentSchema = z.object({
  format: z.literal(REPLICA_FORMAT),
  version: z.number().int().min(1).max(REPLICA_VERSION),
  nodeId: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/),
  name: z.string(),
  hlc: z.string().nullable(),
  tables: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.unknown()))),
  bases: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.string()))),
  outbox: z.array(z.record(z.string(), z.unknown())),
  cursors: z.record(z.string(), z.unknown()),
  conflicts: z.array(z.unknown()),
  setAside: z.array(z.unknown()),
  attachments: z.record(z.string(), z.unknown()),
});

/** Why a replica command refused: the CLI prints it and exits 2. */
export class ReplicaError extends Error {
  override readonly name = 'ReplicaError';
}

export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
  attachments: number;
  /** Stamps over an hour ahead, replaced by this replica's clock. */
  fixedStamps: number;
  problems: string[];
}

export class FileLedger implements LedgerSide {
  private readonly clock: Hlc;
  private deferSave = false;
  private timeOnly = false;

  private constructor(
    private readonly fs: SyncFs,
    readonly path: string,
    private doc: ReplicaDocument,
    private readonly now: () => Date,
  ) {
    this.clock = new Hlc(doc.nodeId, () => now().getTime(), doc.hlc ?? undefined);
  }

  get nodeId(): string {
    return this.doc.nodeId;
  }

  get name(): string {
    return this.doc.name;
  }

  /** Create a new, empty replica file. Refuses to overwrite one. */
  static async create(
    fs: SyncFs,
    path: string,
    name: string,
    now: () => Date = () => new Date(),
  ): Promise<FileLedger> {
    if (await fs.exists(path))
      throw new ReplicaError(`账本文件已存在 / the ledger file already exists: ${path}`);
    const doc: ReplicaDocument = {
      format: REPLICA_FORMAT,
      version: REPLICA_VERSION,
      nodeId: randomUUID().replace(/-/g, '').slice(0, 16),
      name,
      hlc: null,
      tables: {},
      bases: {},
      outbox: [],
      cursors: structuredClone(EMPTY_CURSORS),
      conflicts: [],
      setAside: [],
      attachments: {},
    };
    const ledger = new FileLedger(fs, path, doc, now);
    await fs.mkdir(dirname(path));
    await ledger.save();
    return ledger;
  }

  static async open(fs: SyncFs, path: string, now: () => Date = () => new Date()): Promise<FileLedger> {
    let text: string;
    try {
      text = new TextDecoder().decode(await fs.readFile(path));
    } catch (err) {
      if (errorCode(err) === 'ENOENT')
        throw new ReplicaError(`账本文件不存在（先运行 init）/ no ledger file (run init first): ${path}`);
      throw err;
    }
    let parsed;
    try {
      parsed = documentSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = null;
    }
    if (!parsed?.success)
      throw new ReplicaError(`不是 NetDesk 副本账本 / not a NetDesk replica ledger: ${path}`);
    const doc = parsed.data as unknown as ReplicaDocument;
    doc.cursors = { ...structuredClone(EMPTY_CURSORS), ...doc.cursors };
    return new FileLedger(fs, path, doc, now);
  }

  async save(): Promise<void> {
    if (this.deferSave) return;
    this.timeOnly = false;
    this.doc.hlc = this.clock.last ?? this.doc.hlc;
    await writeAtomic(this.fs, this.path, JSON.stringify(this.doc));
  }

  private table(table: LedgerTable): Record<string, StampedRecord> {
    return (this.doc.tables[table] ??= {});
  }

  private bases(table: LedgerTable): Record<string, Record<string, string>> {
    return (this.doc.bases[table] ??= {});
  }

  private copyOf(table: LedgerTable, id: string): LocalCopy | undefined {
    const record = this.doc.tables[table]?.[id];
    return record ? { record, base: this.doc.bases[table]?.[id] ?? {} } : undefined;
  }

  private store(table: LedgerTable, copy: LocalCopy) {
    this.table(table)[copy.record.id] = copy.record;
    if (Object.keys(copy.base).length > 0) this.bases(table)[copy.record.id] = copy.base;
    else delete this.bases(table)[copy.record.id];
  }

  private addToOutbox(change: LocalChange) {
    const seq = (this.doc.outbox[this.doc.outbox.length - 1]?.seq ?? 0) + 1;
    const attachments = referencedShas(change.fields)
      .map((sha) => this.doc.attachments[sha])
      .filter((meta): meta is AttachmentMeta => meta !== undefined);
    this.doc.outbox.push({ seq, ...change, ...(attachments.length ? { attachments } : {}) });
  }

  // ── local writes (the CLI's put / delete) ──

  /** Create a record, or update it when `input.id` names one. Validated with the table's schema. */
  async put(table: LedgerTable, input: Record<string, unknown>): Promise<StampedRecord> {
    const schema = ledgerTables[table] as unknown as z.ZodObject;
    const { id: givenId, ...rest } = input;
    const unknown = Object.keys(rest).filter((key) => !Object.hasOwn(schema.shape, key));
    if (unknown.length > 0)
      throw new ReplicaError(`${table}: 未知字段 / unknown field(s): ${unknown.join(', ')}`);
    if (givenId !== undefined && (typeof givenId !== 'string' || givenId === '' || givenId.length > 64))
      throw new ReplicaError(`${table}: id 必须是 1–64 个字符 / id must be 1–64 characters`);
    const existing = typeof givenId === 'string' ? this.doc.tables[table]?.[givenId] : undefined;
    if (existing?.deletedAt) throw new ReplicaError(`${table} ${existing.id} 已删除 / is deleted`);
    const parsed = schema.safeParse(existing ? { ...existing, ...rest } : rest);
    if (!parsed.success) {
      throw new ReplicaError(`${table}: ${issueText(parsed.error)}`);
    }
    const content = parsed.data;
    const at = this.now().toISOString();
    const made = existing
      ? stampUpdate(table, existing, content, this.clock.tick(), at)
      : stampCreate(
          table,
          typeof givenId === 'string' ? givenId : randomUUID(),
          content,
          this.clock.tick(),
          at,
        );
    if (!made) return existing!;
    this.writeLocal(table, made);
    await this.save();
    return made.record;
  }

  /** Create or update many records with one save (imports, measurements). All or nothing. */
  async putMany(table: LedgerTable, inputs: readonly Record<string, unknown>[]): Promise<StampedRecord[]> {
    const saved = this.deferSave;
    this.deferSave = true;
    const before = structuredClone(this.doc);
    try {
      const records: StampedRecord[] = [];
      for (const input of inputs) records.push(await this.put(table, input));
      this.deferSave = saved;
      await this.save();
      return records;
    } catch (err) {
      this.doc = before;
      this.deferSave = saved;
      throw err;
    }
  }

  /** Delete (tombstone) a record; deleting it again changes nothing. */
  async remove(table: LedgerTable, id: string): Promise<StampedRecord> {
    const existing = this.doc.tables[table]?.[id];
    if (!existing) throw new ReplicaError(`${table} ${id} 不存在 / does not exist`);
    const made = stampDeleted(table, existing, true, this.clock.tick(), this.now().toISOString());
    if (!made) return existing;
    this.writeLocal(table, made);
    await this.save();
    return made.record;
  }

  private writeLocal(table: LedgerTable, made: { record: StampedRecord; change: LocalChange }) {
    const base = { ...(this.doc.bases[table]?.[made.record.id] ?? {}) };
    for (const field of Object.keys(made.change.fields)) {
      const before = made.change.base?.[field];
      if (before === undefined) delete base[field];
      else base[field] = before;
    }
    this.store(table, { record: made.record, base });
    this.addToOutbox(made.change);
  }

  /** Store an attachment from bytes (the CLI has no such command; tests and imports use it). */
  async putAttachment(
    meta: Omit<AttachmentMeta, 'sha256' | 'size'>,
    bytes: Uint8Array,
  ): Promise<AttachmentMeta> {
    const full = attachmentMetaSchema.parse({ ...meta, sha256: sha256Hex(bytes), size: bytes.byteLength });
    await this.storeBlob(full, bytes);
    return full;
  }

  /** Merge a NetDesk backup: per field the newer stamp wins; what it brings is published too. */
  async importBackup(backup: LedgerBackup): Promise<ImportReport> {
    const report: ImportReport = {
      added: 0,
      updated: 0,
      unchanged: 0,
      attachments: 0,
      fixedStamps: 0,
      problems: [],
    };
    for (const { base64, ...meta } of backup.attachments ?? []) {
      const bytes = Buffer.from(base64, 'base64');
      if (sha256Hex(bytes) !== meta.sha256) {
        report.problems.push(`attachment ${meta.name}: content does not match its checksum`);
        continue;
      }
      if (!(await this.hasBlob(meta.sha256))) report.attachments++;
      await this.storeBlob(meta, bytes);
    }
    const nowMs = this.now().getTime();
    const tables: LedgerSnapshot['tables'] = {};
    for (const table of LEDGER_TABLES) {
      tables[table] = (backup.tables[table] ?? []).map((original) => {
        const record = original as unknown as StampedRecord;
        const hlc: Record<string, string> = {};
        for (const [field, stamp] of Object.entries(record.hlc)) {
          // Same rule as the app's import: a future stamp is replaced, an unreadable one dropped.
          if (!isHlc(stamp)) report.fixedStamps++;
          else if (isAheadOfClock(stamp, nowMs)) {
            hlc[field] = this.clock.tick();
            report.fixedStamps++;
          } else hlc[field] = stamp;
        }
        return { ...record, hlc };
      });
    }
    const changes = snapshotChanges({ tables, setAside: [] });
    const result = applyChangeBatch(this.nodeId, changes, (t, id) => this.copyOf(t, id), { nowMs });
    for (const s of result.setAside) report.problems.push(`${s.change.table} ${s.change.id}: ${s.detail}`);
    const at = this.now().toISOString();
    for (const change of changes) {
      const touched = result.touched.get(recordKey(change.table, change.id));
      if (!touched) continue;
      if (this.copyOf(change.table, change.id)) report.updated++;
      else report.added++;
      this.store(touched.table, touched.copy);
      const fields: Record<string, unknown> = {};
      const stamps: Record<string, string> = {};
      for (const field of touched.taken) {
        fields[field] = touched.copy.record[field];
        stamps[field] = touched.copy.record.hlc[field]!;
      }
      this.addToOutbox({ table: change.table, id: change.id, fields, stamps, at });
    }
    report.unchanged = result.unchanged;
    if (result.newest) this.clock.receive(result.newest);
    await this.save();
    return report;
  }

  /**
   * The ledger's records as canonical JSON: tables by name, records by id, keys sorted at every
   * level, tombstones included (deletedAt). Left out: `hlc` (stamps) and `updatedAt` (the time
   * this copy last changed, which depends on the order changes arrived). Two replicas that
   * converged print identical bytes.
   */
  dump(): string {
    return dumpLedger(Object.fromEntries(LEDGER_TABLES.map((t) => [t, this.records(t)])));
  }

  /** Live and deleted records of a table (for tests and the CLI). */
  records(table: LedgerTable): StampedRecord[] {
    return Object.values(this.doc.tables[table] ?? {});
  }

  conflicts(): SyncConflict[] {
    return [...this.doc.conflicts];
  }

  setAsideChanges(): SetAsideChange[] {
    return [...this.doc.setAside];
  }

  // ── LedgerSide ──

  readOutbox(afterSeq: number, limit: number): Promise<SyncChange[]> {
    // Seqs are 1, 2, 3 … so the position is known without a search.
    return Promise.resolve(this.doc.outbox.slice(afterSeq, afterSeq + limit));
  }

  lastSeq(): Promise<number> {
    return Promise.resolve(this.doc.outbox.length);
  }

  async applyRemote(
    from: string,
    changes: SyncChange[],
    nowMs: number,
    cursors?: SyncCursors,
  ): Promise<ApplyResult> {
    const result = this.merge(from, changes, nowMs);
    if (cursors) this.doc.cursors = structuredClone(cursors);
    await this.save();
    return result;
  }

  private merge(from: string, changes: readonly SyncChange[], nowMs: number): ApplyResult {
    const known = new Map(this.doc.setAside.map((s) => [setAsideKey(s.from, s.change), s.since]));
    const result = applyChangeBatch(from, changes, (t, id) => this.copyOf(t, id), {
      nowMs,
      setAsideSince: (c) => known.get(setAsideKey(from, c)),
    });
    for (const { table, copy } of result.touched.values()) this.store(table, copy);
    if (result.newest) this.clock.receive(result.newest);
    const seen = new Set(this.doc.conflicts.map(conflictKey));
    const fresh = result.conflicts.filter((c) => !seen.has(conflictKey(c)));
    this.doc.conflicts.push(...fresh);
    const setAsideNow = new Set(this.doc.setAside.map((s) => setAsideKey(s.from, s.change)));
    const newlySetAside = result.setAside.filter((s) => !setAsideNow.has(setAsideKey(s.from, s.change)));
    this.doc.setAside.push(...newlySetAside);
    return {
      applied: result.applied,
      unchanged: result.unchanged,
      conflicts: fresh,
      setAside: newlySetAside,
    };
  }

  async retrySetAside(nowMs: number): Promise<ApplyResult> {
    const waiting = this.doc.setAside;
    if (waiting.length === 0) return { applied: 0, unchanged: 0, conflicts: [], setAside: [] };
    this.doc.setAside = [];
    const total: ApplyResult = { applied: 0, unchanged: 0, conflicts: [], setAside: [] };
    const byFrom = new Map<string, SetAsideChange[]>();
    for (const s of waiting) byFrom.set(s.from, [...(byFrom.get(s.from) ?? []), s]);
    for (const [from, list] of byFrom) {
      const r = this.merge(
        from,
        list.map((s) => s.change),
        nowMs,
      );
      total.applied += r.applied;
      total.unchanged += r.unchanged;
      total.conflicts.push(...r.conflicts);
    }
    // Still not acceptable: keep them with their first date.
    const since = new Map(waiting.map((s) => [setAsideKey(s.from, s.change), s.since]));
    for (const s of this.doc.setAside) s.since = since.get(setAsideKey(s.from, s.change)) ?? s.since;
    await this.save();
    return total;
  }

  readCursors(): Promise<SyncCursors> {
    return Promise.resolve(structuredClone(this.doc.cursors));
  }

  async saveCursors(cursors: SyncCursors): Promise<void> {
    const onlyTime =
      JSON.stringify({ ...cursors, lastSyncAt: null }) ===
      JSON.stringify({ ...this.doc.cursors, lastSyncAt: null });
    this.doc.cursors = structuredClone(cursors);
    // A sync with nothing new changes only the time of the last sync: not worth rewriting the
    // whole file each time. It is written with the next real change, or by flush().
    if (onlyTime) this.timeOnly = true;
    else await this.save();
  }

  /** Write what saveCursors held back (the CLI calls it before exiting). */
  async flush(): Promise<void> {
    if (this.timeOnly) await this.save();
  }

  snapshot(): Promise<LedgerSnapshot> {
    const tables: LedgerSnapshot['tables'] = {};
    for (const table of LEDGER_TABLES) {
      const records = Object.values(this.doc.tables[table] ?? {});
      if (records.length) tables[table] = records;
    }
    return Promise.resolve(structuredClone({ tables, setAside: this.doc.setAside }));
  }

  async loadSnapshot(from: string, snapshot: LedgerSnapshot, nowMs: number): Promise<ApplyResult> {
    const result = this.merge(from, snapshotChanges(snapshot), nowMs);
    // The maker's set-aside changes are this PC's to re-examine too.
    const have = new Set(this.doc.setAside.map((s) => setAsideKey(s.from, s.change)));
    for (const s of snapshot.setAside)
      if (!have.has(setAsideKey(s.from, s.change))) this.doc.setAside.push(s);
    await this.save();
    return result;
  }

  private blobPath(sha256: string) {
    return join(`${this.path}.blobs`, sha256);
  }

  async hasBlob(sha256: string): Promise<boolean> {
    return this.doc.attachments[sha256] !== undefined && (await this.fs.exists(this.blobPath(sha256)));
  }

  async readBlob(sha256: string): Promise<Uint8Array | undefined> {
    try {
      const bytes = await this.fs.readFile(this.blobPath(sha256));
      return sha256Hex(bytes) === sha256 ? bytes : undefined;
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return undefined;
      throw err;
    }
  }

  async storeBlob(meta: AttachmentMeta, bytes: Uint8Array): Promise<void> {
    if (sha256Hex(bytes) !== meta.sha256) throw new Error(`attachment ${meta.name} does not match its hash`);
    await this.fs.mkdir(`${this.path}.blobs`);
    await writeAtomic(this.fs, this.blobPath(meta.sha256), bytes);
    this.doc.attachments[meta.sha256] = meta;
    await this.save();
  }

  counts(): Promise<{ conflicts: number; setAside: number }> {
    return Promise.resolve({ conflicts: this.doc.conflicts.length, setAside: this.doc.setAside.length });
  }
}

function setAsideKey(from: string, change: SyncChange): string {
  const stamps = Object.values(change.stamps).sort().join(',');
  return `${from}\u0000${change.table}\u0000${change.id}\u0000${change.seq}\u0000${stamps}`;
}
