// The app's ledger as folder sync sees it (LedgerSide, shared/sync/types.ts): the outbox is the
// change log (already in the shape sync sends), remote changes are merged with the engine's pure
// applyChangeBatch and committed through the write pipeline (renderer/db/commit.ts, source
// 'sync': no outbox row, the features' hooks run), and the sync
// bookkeeping (cursors, per-record base stamps, conflicts, set-aside changes) lives in local
// tables beside the ledger. It mirrors the headless replica's FileLedger (electron/sync).
//
// Rules kept here, and why:
// - A remote batch is merged and written — records, base stamps, new conflicts, new set-aside
//   changes and the cursors — in ONE transaction, so a cursor never runs ahead of the data.
// - Nothing merged from another PC goes into the change log: it would echo back forever.
// - Derived data (repair's counters and search copy) follows through the pipeline's hooks, in the
//   merge's own transaction: no caller refreshes it by hand.
// - The clock receives the newest stamp applied, so the next local edit outranks it.
// - The change log is never trimmed: a new sync root re-publishes it whole, seqs 1, 2, 3 …
// - The base of a field (what its writer had seen) comes from the change that wrote the value:
//   syncBases when it came from another PC, the change log's own `base` when written here.
import type { Table } from 'dexie';
import { LEDGER_TABLES, type AttachmentMeta, type LedgerTable } from '../../shared/schemas';
import { parseHlc } from '../../shared/hlc';
import {
  applyChangeBatch,
  conflictKey,
  recordKey,
  snapshotChanges,
  type LocalCopy,
} from '../../shared/sync/apply';
import { referencedShas } from '../../shared/sync/format';
import type { StampedRecord } from '../../shared/sync/merge';
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
import { commitRecords, fullCommitScope } from '../db/commit';
import { loadNodeClock } from '../db/node-clock';
import type {
  NetdeskDb,
  OutboxChange,
  StoredSetAside,
  StoredSyncConflict,
  SyncRecordBase,
} from '../db/schema';

const CURSORS_KEY = 'syncCursors';

/** Records changed by a merge, so the caller can refresh what it derives from them. */
export interface TouchedRecord {
  table: LedgerTable;
  id: string;
}

function rows(db: NetdeskDb, table: LedgerTable): Table<StampedRecord, string> {
  return db.table(table);
}

export function setAsideKey(from: string, change: SyncChange): string {
  const stamps = Object.values(change.stamps).sort().join(',');
  return `${from}\u0000${change.table}\u0000${change.id}\u0000${change.seq}\u0000${stamps}`;
}

/** Split a page so each piece's JSON stays under `maxChars` (a piece holds one item at least). */
function cutBySize<T>(items: T[], maxChars: number): T[][] {
  const pieces: T[][] = [];
  let piece: T[] = [];
  let chars = 0;
  for (const item of items) {
    const size = JSON.stringify(item).length;
    if (piece.length > 0 && chars + size > maxChars) {
      pieces.push(piece);
      piece = [];
      chars = 0;
    }
    piece.push(item);
    chars += size;
  }
  if (piece.length > 0) pieces.push(piece);
  return pieces;
}

export class DexieLedger implements LedgerSide {
  private constructor(
    private readonly db: NetdeskDb,
    readonly nodeId: string,
    private readonly now: () => Date,
    private readonly onTouched?: (records: TouchedRecord[]) => void,
  ) {}

  /**
   * Open the sync view of the ledger. Makes this PC's node id if it never wrote anything (a new
   * PC joining a folder still needs one to name its journal).
   */
  static async open(
    db: NetdeskDb,
    options: { now?: () => Date; onTouched?: (records: TouchedRecord[]) => void } = {},
  ): Promise<DexieLedger> {
    const now = options.now ?? (() => new Date());
    const nodeId = await db.transaction('rw', db.localMeta, async () => {
      const clock = await loadNodeClock(db, () => now().getTime());
      return clock.nodeId;
    });
    return new DexieLedger(db, nodeId, now, options.onTouched);
  }

  // ── outbox ──

  async readOutbox(afterSeq: number, limit: number): Promise<SyncChange[]> {
    const entries = await this.db.changeLog.where(':id').above(afterSeq).limit(limit).toArray();
    const shas = new Set<string>();
    for (const entry of entries) for (const sha of referencedShas(entry.fields)) shas.add(sha);
    const metas = new Map<string, AttachmentMeta>();
    if (shas.size > 0) {
      const found = await this.db.attachments.bulkGet([...shas]);
      for (const stored of found) {
        if (!stored) continue;
        const { blob: _blob, ...meta } = stored;
        metas.set(meta.sha256, meta);
      }
    }
    return entries.map((entry): SyncChange => {
      const attachments = referencedShas(entry.fields)
        .map((sha) => metas.get(sha))
        .filter((m): m is AttachmentMeta => m !== undefined);
      return { ...entry, seq: entry.seq!, ...(attachments.length ? { attachments } : {}) };
    });
  }

  async lastSeq(): Promise<number> {
    const key = await this.db.changeLog.toCollection().lastKey();
    return typeof key === 'number' ? key : 0;
  }

  // ── merging ──

  /** Every table a merge reads or writes. */
  private mergeScope() {
    const db = this.db;
    return [...fullCommitScope(db), db.syncBases, db.syncConflicts, db.syncSetAside];
  }

  /** Local copies (record + base stamps) of every record the changes name. Inside a transaction. */
  private async prefetch(changes: readonly SyncChange[]): Promise<Map<string, LocalCopy>> {
    const byTable = new Map<LedgerTable, Set<string>>();
    for (const c of changes) {
      if (!(LEDGER_TABLES as string[]).includes(c.table) || typeof c.id !== 'string') continue;
      let ids = byTable.get(c.table);
      if (!ids) byTable.set(c.table, (ids = new Set()));
      ids.add(c.id);
    }
    const copies = new Map<string, LocalCopy>();
    for (const [table, idSet] of byTable) {
      const ids = [...idSet];
      const [records, bases] = await Promise.all([
        rows(this.db, table).bulkGet(ids),
        this.db.syncBases.bulkGet(ids.map((id) => [table, id] as [string, string])),
      ]);
      const localWrites: { key: string; record: StampedRecord; base: Record<string, string> }[] = [];
      records.forEach((record, i) => {
        if (!record) return;
        const stored = bases[i];
        const base: Record<string, string> = {};
        let writtenHere = false;
        for (const [field, stamp] of Object.entries(record.hlc)) {
          if (stored && stored.of[field] === stamp && stored.base[field] !== undefined)
            base[field] = stored.base[field];
          else if (parseHlc(stamp).nodeId === this.nodeId) writtenHere = true;
        }
        const key = recordKey(table, record.id);
        copies.set(key, { record, base });
        if (writtenHere) localWrites.push({ key, record, base });
      });
      // Fields last written on this PC: their base is in the change log row that wrote them.
      if (localWrites.length > 0) {
        const log = await this.db.changeLog
          .where('[table+id]')
          .anyOf(localWrites.map((w) => [table, w.record.id]))
          .toArray();
        const byRecord = new Map<string, OutboxChange[]>();
        for (const entry of log) {
          const list = byRecord.get(entry.id);
          if (list) list.push(entry);
          else byRecord.set(entry.id, [entry]);
        }
        for (const { record, base } of localWrites) {
          for (const entry of byRecord.get(record.id) ?? []) {
            for (const field of Object.keys(entry.fields)) {
              const stamp = entry.stamps[field];
              if (record.hlc[field] === stamp && entry.base?.[field] !== undefined)
                base[field] = entry.base[field];
            }
          }
        }
      }
    }
    return copies;
  }

  /** Merge and write, inside the caller's transaction. */
  private async mergeInTx(from: string, changes: readonly SyncChange[], nowMs: number) {
    const copies = await this.prefetch(changes);
    const known = new Map(
      (await this.db.syncSetAside.bulkGet(changes.map((c) => setAsideKey(from, c)))).map((s) => [
        s?.key,
        s?.since,
      ]),
    );
    const result = applyChangeBatch(from, changes, (t, id) => copies.get(recordKey(t, id)), {
      nowMs,
      setAsideSince: (c) => known.get(setAsideKey(from, c)),
    });
    const touched: TouchedRecord[] = [];
    const byTable = new Map<LedgerTable, StampedRecord[]>();
    const bases: SyncRecordBase[] = [];
    for (const { table, copy } of result.touched.values()) {
      const list = byTable.get(table);
      if (list) list.push(copy.record);
      else byTable.set(table, [copy.record]);
      const of: Record<string, string> = {};
      for (const field of Object.keys(copy.base)) of[field] = copy.record.hlc[field]!;
      bases.push({ table, id: copy.record.id, base: copy.base, of });
      touched.push({ table, id: copy.record.id });
    }
    for (const [table, list] of byTable)
      await commitRecords(
        this.db,
        'sync',
        table,
        list.map((record) => ({ record })),
      );
    if (bases.length) await this.db.syncBases.bulkPut(bases);

    const keys = result.conflicts.map(conflictKey);
    const already = await this.db.syncConflicts.bulkGet(keys);
    const fresh: SyncConflict[] = [];
    const freshKeys = new Set<string>();
    result.conflicts.forEach((c, i) => {
      if (already[i] || freshKeys.has(keys[i]!)) return;
      freshKeys.add(keys[i]!);
      fresh.push(c);
    });
    if (fresh.length)
      await this.db.syncConflicts.bulkAdd(
        fresh.map((c): StoredSyncConflict => ({ ...c, key: conflictKey(c), state: 'open' })),
      );

    const newlySetAside = result.setAside.filter((s) => !known.get(setAsideKey(s.from, s.change)));
    if (result.setAside.length)
      await this.db.syncSetAside.bulkPut(
        result.setAside.map((s): StoredSetAside => ({ ...s, key: setAsideKey(s.from, s.change) })),
      );

    if (result.newest) {
      const clock = await loadNodeClock(this.db, () => this.now().getTime());
      clock.hlc.receive(result.newest);
      await clock.save();
    }
    const out: ApplyResult = {
      applied: result.applied,
      unchanged: result.unchanged,
      conflicts: fresh,
      setAside: newlySetAside,
    };
    return { out, touched };
  }

  async applyRemote(
    from: string,
    changes: SyncChange[],
    nowMs: number,
    cursors?: SyncCursors,
  ): Promise<ApplyResult> {
    const { out, touched } = await this.db.transaction('rw', this.mergeScope(), async () => {
      const merged = await this.mergeInTx(from, changes, nowMs);
      if (cursors) await this.db.localMeta.put({ key: CURSORS_KEY, value: structuredClone(cursors) });
      return merged;
    });
    if (touched.length) this.onTouched?.(touched);
    return out;
  }

  async retrySetAside(nowMs: number): Promise<ApplyResult> {
    const { total, touched } = await this.db.transaction('rw', this.mergeScope(), async () => {
      const waiting = await this.db.syncSetAside.toArray();
      const total: ApplyResult = { applied: 0, unchanged: 0, conflicts: [], setAside: [] };
      const touched: TouchedRecord[] = [];
      if (waiting.length === 0) return { total, touched };
      // Applied ones leave the list; those still refused are put back with their first date.
      await this.db.syncSetAside.clear();
      const byFrom = new Map<string, StoredSetAside[]>();
      for (const s of waiting) byFrom.set(s.from, [...(byFrom.get(s.from) ?? []), s]);
      const since = new Map(waiting.map((s) => [s.key, s.since]));
      for (const [from, list] of byFrom) {
        const merged = await this.mergeInTx(
          from,
          list.map((s) => s.change),
          nowMs,
        );
        total.applied += merged.out.applied;
        total.unchanged += merged.out.unchanged;
        total.conflicts.push(...merged.out.conflicts);
        touched.push(...merged.touched);
      }
      const still = await this.db.syncSetAside.toArray();
      await this.db.syncSetAside.bulkPut(still.map((s) => ({ ...s, since: since.get(s.key) ?? s.since })));
      return { total, touched };
    });
    if (touched.length) this.onTouched?.(touched);
    return total;
  }

  // ── cursors ──

  async readCursors(): Promise<SyncCursors> {
    const row = await this.db.localMeta.get(CURSORS_KEY);
    const stored = (row?.value ?? {}) as Partial<SyncCursors>;
    return structuredClone({ ...EMPTY_CURSORS, ...stored });
  }

  async saveCursors(cursors: SyncCursors): Promise<void> {
    await this.db.localMeta.put({ key: CURSORS_KEY, value: structuredClone(cursors) });
  }

  // ── snapshots ──

  async snapshot(): Promise<LedgerSnapshot> {
    return this.db.transaction(
      'r',
      [...LEDGER_TABLES.map((t) => this.db.table(t)), this.db.syncSetAside],
      async () => {
        const tables: LedgerSnapshot['tables'] = {};
        for (const table of LEDGER_TABLES) {
          const records = await rows(this.db, table).toArray();
          if (records.length) tables[table] = records;
        }
        const setAside: SetAsideChange[] = (await this.db.syncSetAside.toArray()).map(
          ({ key: _key, ...s }) => s,
        );
        return { tables, setAside };
      },
    );
  }

  /**
   * The ledger as snapshot parts: each table's records in id order, then the set-aside changes,
   * at most `maxRecords` and about `maxChars` characters of JSON a part, each page its own short
   * read (a ten-year ledger never sits in memory whole). Records merged meanwhile only ever carry
   * newer stamps, so the parts hold at least what the cursors read before the first one cover.
   */
  async *snapshotParts(
    maxRecords: number,
    maxChars: number,
  ): AsyncGenerator<{ table?: LedgerTable; records: object[]; setAside: object[] }> {
    for (const table of LEDGER_TABLES) {
      let after: string | undefined;
      for (;;) {
        const page = await (after === undefined
          ? rows(this.db, table).orderBy(':id').limit(maxRecords).toArray()
          : rows(this.db, table).where(':id').above(after).limit(maxRecords).toArray());
        if (page.length === 0) break;
        after = page[page.length - 1]!.id;
        for (const records of cutBySize(page, maxChars)) yield { table, records, setAside: [] };
        if (page.length < maxRecords) break;
      }
    }
    let afterKey: string | undefined;
    for (;;) {
      const page = await (afterKey === undefined
        ? this.db.syncSetAside.orderBy(':id').limit(maxRecords).toArray()
        : this.db.syncSetAside.where(':id').above(afterKey).limit(maxRecords).toArray());
      if (page.length === 0) break;
      afterKey = page[page.length - 1]!.key;
      const setAside: SetAsideChange[] = page.map(({ key: _key, ...s }) => s);
      for (const list of cutBySize(setAside, maxChars)) yield { records: [], setAside: list };
      if (page.length < maxRecords) break;
    }
  }

  async loadSnapshot(from: string, snapshot: LedgerSnapshot, nowMs: number): Promise<ApplyResult> {
    const { out, touched } = await this.db.transaction('rw', this.mergeScope(), async () => {
      const merged = await this.mergeInTx(from, snapshotChanges(snapshot), nowMs);
      // The maker's set-aside changes are this PC's to re-examine too.
      const adopted = snapshot.setAside.map((s): StoredSetAside => ({
        ...s,
        key: setAsideKey(s.from, s.change),
      }));
      const have = await this.db.syncSetAside.bulkGet(adopted.map((s) => s.key));
      await this.db.syncSetAside.bulkPut(adopted.filter((_, i) => !have[i]));
      return merged;
    });
    if (touched.length) this.onTouched?.(touched);
    return out;
  }

  // ── attachments ──

  async hasBlob(sha256: string): Promise<boolean> {
    return (await this.db.attachments.where('sha256').equals(sha256).count()) > 0;
  }

  async readBlob(sha256: string): Promise<Uint8Array | undefined> {
    const stored = await this.db.attachments.get(sha256);
    return stored ? new Uint8Array(await stored.blob.arrayBuffer()) : undefined;
  }

  async storeBlob(meta: AttachmentMeta, bytes: Uint8Array): Promise<void> {
    const data = bytes as Uint8Array<ArrayBuffer>;
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
    const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    if (hex !== meta.sha256) throw new Error(`attachment ${meta.name} does not match its hash`);
    await this.db.attachments.put({ ...meta, blob: new Blob([data], { type: meta.mime }) });
  }

  async counts(): Promise<{ conflicts: number; setAside: number }> {
    const [conflicts, setAside] = await Promise.all([
      this.db.syncConflicts.where('state').equals('open').count(),
      this.db.syncSetAside.count(),
    ]);
    return { conflicts, setAside };
  }
}
