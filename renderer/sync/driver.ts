// One sync of this PC's ledger with the shared folder, driven from the renderer: rounds of
// sync:exchange (shared/sync-ipc.ts) until the main process says nothing more is waiting. Each
// round sends the cursors and the next chunk of the outbox with the attachments it refers to;
// the answer's steps (merge, load snapshot, store attachment, save cursors) are replayed here in
// order, each in its own IndexedDB transaction.
//
// When a snapshot is due (SNAPSHOT_EVERY changes came or went since the last), it is sent first,
// in parts of at most SNAPSHOT_PART_MAX_RECORDS records (snapshotPart exchanges), so a ledger of
// any size publishes one in bounded requests. A refused or failed upload costs only the snapshot:
// the sync goes on without it and the next sync tries again.
//
// What a merge changes reaches derived data (repair's search copy and counters) through the write
// pipeline's hooks, inside each merge's own transaction (renderer/db/commit.ts): nothing here
// refreshes it.
import type { NetdeskApi } from '../../shared/ipc';
import type { AttachmentMeta, LedgerTable } from '../../shared/schemas';
import {
  EXCHANGE_MAX_BLOB_BYTES,
  EXCHANGE_MAX_CHANGES,
  SNAPSHOT_PART_MAX_CHARS,
  SNAPSHOT_EVERY,
  SNAPSHOT_PART_MAX_RECORDS,
  type SyncExchangeResult,
  type SyncProgress,
} from '../../shared/sync-ipc';
import type { SyncCursors, SyncStatus } from '../../shared/sync/types';
import type { DexieLedger, TouchedRecord } from './dexie-ledger';

/** Rounds of one sync before it stops and lets the next timer tick go on. */
const MAX_ROUNDS = 50;

export type SyncApi = Pick<NetdeskApi, 'syncExchange' | 'syncStatus'>;

export interface SyncRunOptions {
  /** This PC's name as the other PCs see it. */
  name: string;
  /** Make the folder a new sync root (explicit action only). */
  initFolder?: boolean;
  joinOtherRoot?: boolean;
  now?: () => Date;
  /** Changes between snapshots (default SNAPSHOT_EVERY); tests set it low. */
  snapshotEvery?: number;
  /** Records per snapshot part (default and at most SNAPSHOT_PART_MAX_RECORDS). */
  snapshotPartRecords?: number;
  /** After a round with more to come: bytes read of those to read (a PC catching up). */
  onProgress?: (progress: SyncProgress) => void;
}

export interface SyncRunResult {
  folderSet: boolean;
  status: SyncStatus;
  published: number;
  /** Records merged from other PCs. */
  touched: TouchedRecord[];
  rounds: number;
  /** The snapshot this sync put in the folder, if any. */
  snapshotWritten?: string;
}

function snapshotDue(cursors: SyncCursors, every: number): boolean {
  if (!cursors.rootId) return false;
  const total = cursors.written + Object.values(cursors.read).reduce((a, b) => a + b, 0);
  return total - cursors.snapshotTotal >= every;
}

/** The next outbox chunk and the attachments it needs, within one request's limits. */
async function outboxChunk(ledger: DexieLedger, afterSeq: number) {
  const changes = await ledger.readOutbox(afterSeq, EXCHANGE_MAX_CHANGES);
  const blobs: { sha256: string; bytes: Uint8Array<ArrayBuffer> }[] = [];
  const sent = new Set<string>();
  let bytes = 0;
  let keep = changes.length;
  for (let i = 0; i < changes.length; i++) {
    for (const meta of changes[i]!.attachments ?? []) {
      if (sent.has(meta.sha256)) continue;
      const data = await ledger.readBlob(meta.sha256);
      if (!data) continue;
      if (bytes > 0 && bytes + data.byteLength > EXCHANGE_MAX_BLOB_BYTES) {
        keep = i;
        break;
      }
      bytes += data.byteLength;
      sent.add(meta.sha256);
      blobs.push({ sha256: meta.sha256, bytes: data as Uint8Array<ArrayBuffer> });
    }
    if (keep !== changes.length) break;
  }
  const chunk = changes.slice(0, Math.max(1, keep));
  const needed = new Set(chunk.flatMap((c) => (c.attachments ?? []).map((a) => a.sha256)));
  return { changes: chunk, blobs: blobs.filter((b) => needed.has(b.sha256)) };
}

/** Replay the engine's ledger calls of one round, in order. */
async function replay(ledger: DexieLedger, answer: SyncExchangeResult, nowMs: () => number) {
  const later: AttachmentMeta[] = [];
  for (const step of answer.steps) {
    switch (step.kind) {
      case 'apply':
        await ledger.applyRemote(step.from, step.changes, nowMs(), step.cursors);
        break;
      case 'snapshot':
        await ledger.loadSnapshot(step.from, step.snapshot, nowMs());
        break;
      case 'blob':
        if (await ledger.hasBlob(step.meta.sha256)) break;
        try {
          await ledger.storeBlob(step.meta, step.bytes);
        } catch {
          later.push(step.meta);
        }
        break;
      case 'blob-later':
        if (!(await ledger.hasBlob(step.meta.sha256))) later.push(step.meta);
        break;
      case 'retry-set-aside':
        await ledger.retrySetAside(nowMs());
        break;
      case 'cursors':
        await ledger.saveCursors(step.cursors);
        break;
    }
  }
  if (later.length > 0) {
    const cursors = await ledger.readCursors();
    for (const meta of later)
      if (!cursors.missingBlobs.some((m) => m.sha256 === meta.sha256)) cursors.missingBlobs.push(meta);
    await ledger.saveCursors(cursors);
  }
}

/** This PC's own figures in a status the main process made from what was sent. */
async function localStatus(ledger: DexieLedger, status: SyncStatus): Promise<SyncStatus> {
  const cursors = await ledger.readCursors();
  const lastSeq = await ledger.lastSeq();
  return {
    ...status,
    lastSyncAt: cursors.lastSyncAt ?? status.lastSyncAt,
    waiting: Math.max(0, lastSeq - (cursors.rootId ? cursors.written : 0)),
    ...(await ledger.counts()),
  };
}

/**
 * Send the whole ledger as a snapshot, part by part, and replay the last answer (which saves
 * what the snapshot covers in the cursors). Returns the snapshot's name; throws when the main
 * process refused a part or the folder failed (the upload is then dropped there).
 */
async function publishSnapshot(
  ledger: DexieLedger,
  api: SyncApi,
  options: SyncRunOptions,
  nowMs: () => number,
): Promise<string | undefined> {
  // Read before any record: the snapshot covers these cursors (records only get newer).
  const cursors = await ledger.readCursors();
  const base = {
    nodeId: ledger.nodeId,
    name: options.name,
    cursors,
    lastSeq: await ledger.lastSeq(),
    counts: await ledger.counts(),
    outbox: [],
    blobs: [],
  };
  const uploadId = crypto.randomUUID();
  const perPart = Math.min(
    options.snapshotPartRecords ?? SNAPSHOT_PART_MAX_RECORDS,
    SNAPSHOT_PART_MAX_RECORDS,
  );
  let part = 0;
  let pending: { table?: LedgerTable; records: object[]; setAside: object[] } | undefined;
  const send = async (chunk: NonNullable<typeof pending>, last: boolean) => {
    const answer = await api.syncExchange({
      ...base,
      snapshotPart: {
        uploadId,
        part: part++,
        ...(chunk.table ? { table: chunk.table } : {}),
        records: chunk.records as Record<string, unknown>[],
        setAside: chunk.setAside as Record<string, unknown>[],
        last,
      },
    });
    // No sync folder (or an unusable one): the part was not taken; stop reading the ledger.
    if (!answer.snapshotPart) throw new Error('the snapshot part was not taken');
    return answer;
  };
  // Parts go one behind the reading, so the last one can say it is the last.
  for await (const chunk of ledger.snapshotParts(perPart, SNAPSHOT_PART_MAX_CHARS / 2)) {
    if (pending) await send(pending, false);
    pending = chunk;
  }
  const answer = await send(pending ?? { records: [], setAside: [] }, true);
  await replay(ledger, answer, nowMs);
  return answer.snapshotPart?.name;
}

export interface SyncDriverDeps {
  ledger: DexieLedger;
  api: SyncApi;
  /** Records merged during the run (the ledger's onTouched feeds it). */
  drainTouched: () => TouchedRecord[];
}

/** Run one sync: rounds until nothing more waits (or MAX_ROUNDS). Throws only if the service does. */
export async function runSync(deps: SyncDriverDeps, options: SyncRunOptions): Promise<SyncRunResult> {
  const { ledger, api } = deps;
  const now = options.now ?? (() => new Date());
  const nowMs = () => now().getTime();
  let snapshotTried = false;
  let snapshotWritten: string | undefined;
  let published = 0;
  let rounds = 0;
  let answer: SyncExchangeResult | undefined;
  const touched: TouchedRecord[] = [];
  try {
    for (; rounds < MAX_ROUNDS;) {
      if (
        !snapshotTried &&
        snapshotDue(await ledger.readCursors(), options.snapshotEvery ?? SNAPSHOT_EVERY)
      ) {
        // Once a sync: a refused upload waits for the next sync, the rounds go on meanwhile.
        snapshotTried = true;
        snapshotWritten = await publishSnapshot(ledger, api, options, nowMs).catch(() => undefined);
      }
      const cursors = await ledger.readCursors();
      const lastSeq = await ledger.lastSeq();
      const { changes, blobs } = await outboxChunk(ledger, cursors.written);
      const request = {
        nodeId: ledger.nodeId,
        name: options.name,
        cursors,
        lastSeq,
        counts: await ledger.counts(),
        outbox: changes,
        blobs,
        initFolder: rounds === 0 && options.initFolder === true,
        joinOtherRoot: rounds === 0 && options.joinOtherRoot === true,
      };
      answer = await api.syncExchange(request);
      rounds++;
      if (answer.progress && answer.more) options.onProgress?.(answer.progress);
      published += answer.published;
      await replay(ledger, answer, nowMs);
      touched.push(...deps.drainTouched());
      if (!answer.folderSet || !answer.status.connected || !answer.more) break;
    }
  } finally {
    touched.push(...deps.drainTouched());
  }
  const status = await localStatus(ledger, answer!.status);
  return {
    folderSet: answer!.folderSet,
    status,
    published,
    touched,
    rounds,
    ...(snapshotWritten ? { snapshotWritten } : {}),
  };
}

/** The status without syncing (cheap): root file, peers, and this PC's own figures. */
export async function readStatus(
  ledger: DexieLedger,
  api: SyncApi,
): Promise<{ folderSet: boolean; status: SyncStatus }> {
  const answer = await api.syncStatus({
    cursors: await ledger.readCursors(),
    lastSeq: await ledger.lastSeq(),
    counts: await ledger.counts(),
  });
  return { folderSet: answer.folderSet, status: await localStatus(ledger, answer.status) };
}
