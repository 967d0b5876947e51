// The sync:exchange and sync:status services: one sync round of the renderer's ledger with the
// shared folder named in this PC's settings.
//
// The ledger (the truth) is in the renderer's IndexedDB, so it cannot be handed to the engine
// directly. Instead the engine runs against a RecordingLedger: it answers from what the renderer
// sent (cursors, a chunk of the outbox, the attachments that chunk needs, counts) and records every call that would change the ledger — merge these changes
// with these cursors, load this snapshot, store this attachment, save these cursors — as steps
// the renderer replays in order in its own transactions (renderer/sync/driver.ts). The engine's
// guarantees carry over: cursors in a step never run ahead of the changes in the same or an
// earlier step.
//
// A round is bounded: at most ROUND_MAX_CHANGES incoming changes (one batch is always taken) and
// EXCHANGE_MAX_BLOB_BYTES of attachments; the rest comes in the next round (`more`).
//
// A new PC joins from a snapshot in pieces too: the engine picks it by its head; it is checked
// against its hash once (read in ranges, never whole), then each round hands the renderer at
// most ROUND_MAX_CHANGES of its records as a 'snapshot' step, and the position of the next
// piece travels in the cursors the renderer saves after merging it (SyncCursors.joining).
//
// Snapshots come from the renderer in parts (`snapshotPart`, shared/sync-ipc.ts) before a round:
// one upload per PC at a time, streamed into a temp file in the folder's snapshots/ and renamed
// into place after the last part (electron/sync/snapshot-stream.ts). The snapshot covers exactly
// the cursors the renderer had at part 0 (it reads its records after them, and merges only ever
// add newer stamps), and the last answer saves that in the cursors (snapshotTotal/Covers). A part
// of an unknown upload, out of order, for another PC or another sync root, or too large is
// refused and the upload dropped with its temp file; the renderer then syncs without a snapshot.
import { join, isAbsolute, win32 } from 'node:path';
import type { AttachmentMeta } from '../../shared/schemas';
import {
  EXCHANGE_MAX_BLOB_BYTES,
  SNAPSHOT_PART_MAX_CHARS,
  type SyncExchangeResult,
  type SyncStatusResult,
  type SyncStep,
} from '../../shared/sync-ipc';
import type { IpcParsedRequest } from '../../shared/ipc';
import {
  EMPTY_CURSORS,
  type ApplyResult,
  type LedgerSide,
  type LedgerSnapshot,
  type SnapshotJoinPosition,
  type SyncChange,
  type SyncCursors,
  type SyncStatus,
} from '../../shared/sync/types';
import { formatHlc } from '../../shared/hlc';
import { parseSnapshotName, SNAPSHOT_DIR } from '../../shared/sync/format';
import { readSyncStatus, syncOnce, type SnapshotLoad } from '../sync/engine';
import { SyncFolder, WEBDAV_PEER_REFRESH_MS, type JournalFileRef } from '../sync/folder';
import { WebDavFs } from '../sync/webdav-fs';
import { errorCode, nodeFs, withTimeout, type SyncFs } from '../sync/fs';
import {
  readSnapshotChunk,
  SnapshotStream,
  SnapshotStreamError,
  verifySnapshotFile,
  type SnapshotHead,
} from '../sync/snapshot-stream';
import { ServiceError } from './errors';

/** Incoming changes one round hands back (then `more`). */
export const ROUND_MAX_CHANGES = 20_000;
/**
 * Each call to the shared folder gives up after this long: a hung share costs a status, never a
 * frozen app. Not WebDAV: a WebDavFs bounds every request itself (connecting, then no byte moving
 * for its idle limit), and a limit on the whole call would cut a large snapshot going up or down
 * a slow line that is still moving, round after round.
 */
const FOLDER_CALL_TIMEOUT_MS = 15_000;
/** Reading stops after this long; the rest comes next round. */
const ROUND_TIME_BUDGET_MS = 5_000;
export { SNAPSHOT_EVERY } from '../../shared/sync-ipc';

type ExchangeRequest = IpcParsedRequest<'sync:exchange'>;
type StatusRequest = IpcParsedRequest<'sync:status'>;

const NOTHING: ApplyResult = { applied: 0, unchanged: 0, conflicts: [], setAside: [] };

class RoundFull extends Error {}

/**
 * Whether a sync folder setting can be used: an absolute path (a mapped drive `Z:\NetDesk`, a
 * UNC path `\\server\share\netdesk`, or any absolute directory elsewhere). Returns why not.
 */
export function syncFolderProblem(folder: string, platform: string = process.platform): string | null {
  if (folder.trim() === '') return null;
  const absolute =
    platform === 'win32' ? win32.isAbsolute(folder) && !/^[\\/](?![\\/])/.test(folder) : isAbsolute(folder);
  return absolute ? null : `同步文件夹必须是绝对路径 / the sync folder must be an absolute path: ${folder}`;
}

/** The engine's view of the renderer's ledger for one round. */
export class RecordingLedger implements LedgerSide {
  readonly steps: SyncStep[] = [];
  /** Set when the round stopped because it carried enough. */
  full = false;
  /** The outbox the renderer did not send (the engine asked for more): another round is needed. */
  outboxShort = false;
  /** Incoming changes (and snapshot records) this round carries so far. */
  incoming = 0;
  private blobBytes = 0;
  private readonly stored = new Set<string>();
  private cursors: SyncCursors;

  constructor(
    private readonly req: Omit<ExchangeRequest, 'initFolder' | 'joinOtherRoot'>,
    private readonly roundMax: number = ROUND_MAX_CHANGES,
  ) {
    this.cursors = structuredClone({ ...EMPTY_CURSORS, ...req.cursors });
  }

  get nodeId() {
    return this.req.nodeId;
  }

  readOutbox(afterSeq: number, limit: number): Promise<SyncChange[]> {
    const sent = this.req.outbox as SyncChange[];
    const first = sent[0]?.seq ?? this.req.lastSeq + 1;
    if (afterSeq + 1 < first && afterSeq < this.req.lastSeq) {
      // The engine starts from an earlier seq than the renderer sent (a new root): next round.
      this.outboxShort = true;
      return Promise.resolve([]);
    }
    const out = sent.filter((c) => c.seq > afterSeq).slice(0, limit);
    const last = out[out.length - 1]?.seq ?? afterSeq;
    if (out.length === 0 && last < this.req.lastSeq) this.outboxShort = true;
    return Promise.resolve(out);
  }

  lastSeq(): Promise<number> {
    return Promise.resolve(this.req.lastSeq);
  }

  applyRemote(from: string, changes: SyncChange[], _nowMs: number, cursors?: SyncCursors) {
    if (this.incoming > 0 && this.incoming + changes.length > this.roundMax) {
      this.full = true;
      throw new RoundFull('this round carries enough; the rest comes next round');
    }
    this.incoming += changes.length;
    this.steps.push({
      kind: 'apply',
      from,
      changes,
      ...(cursors ? { cursors: structuredClone(cursors) } : {}),
    });
    if (cursors) this.cursors = structuredClone(cursors);
    return Promise.resolve({ ...NOTHING, applied: changes.length });
  }

  retrySetAside(): Promise<ApplyResult> {
    this.steps.push({ kind: 'retry-set-aside' });
    return Promise.resolve(NOTHING);
  }

  readCursors(): Promise<SyncCursors> {
    return Promise.resolve(structuredClone(this.cursors));
  }

  saveCursors(cursors: SyncCursors): Promise<void> {
    this.cursors = structuredClone(cursors);
    this.steps.push({ kind: 'cursors', cursors: structuredClone(cursors) });
    return Promise.resolve();
  }

  snapshot(): Promise<LedgerSnapshot> {
    // Never asked: the engine runs with snapshotEvery 0, and snapshots arrive in parts instead.
    return Promise.reject(new Error('snapshots are uploaded in parts (snapshotPart)'));
  }

  /** Room left this round for incoming changes or snapshot records (one at least). */
  get room(): number {
    return Math.max(1, this.roundMax - this.incoming);
  }

  loadSnapshot(from: string, snapshot: LedgerSnapshot): Promise<ApplyResult> {
    let records = 0;
    for (const list of Object.values(snapshot.tables)) records += list?.length ?? 0;
    this.incoming += records;
    this.steps.push({ kind: 'snapshot', from, snapshot });
    return Promise.resolve(NOTHING);
  }

  hasBlob(sha256: string): Promise<boolean> {
    // The renderer checks again before storing; here only what this round already carries.
    return Promise.resolve(this.stored.has(sha256));
  }

  readBlob(sha256: string): Promise<Uint8Array | undefined> {
    return Promise.resolve(this.req.blobs.find((b) => b.sha256 === sha256)?.bytes);
  }

  storeBlob(meta: AttachmentMeta, bytes: Uint8Array): Promise<void> {
    this.stored.add(meta.sha256);
    if (this.blobBytes > 0 && this.blobBytes + bytes.byteLength > EXCHANGE_MAX_BLOB_BYTES) {
      this.steps.push({ kind: 'blob-later', meta });
    } else {
      this.blobBytes += bytes.byteLength;
      this.steps.push({ kind: 'blob', meta, bytes });
    }
    return Promise.resolve();
  }

  counts(): Promise<{ conflicts: number; setAside: number }> {
    return Promise.resolve({ ...this.req.counts });
  }
}

/** One snapshot upload in progress (one per PC). */
interface SnapshotUpload {
  uploadId: string;
  folderDir: string;
  rootId: string;
  next: number;
  stream: SnapshotStream;
  covers: Record<string, number>;
  /** Changes (all PCs) the snapshot holds: the cursors' snapshotTotal once it is in place. */
  total: number;
}

const refused = (detail: string) =>
  new ServiceError('bad-request', `快照上传被拒绝 / snapshot part refused: ${detail}`);

/** A WebDAV server to sync through, from the settings and the secret store. */
export interface WebDavTarget {
  url: string;
  user: string;
  /** Undefined when not kept (browser mode after a restart): the user types it again. */
  password: string | undefined;
  /** Fingerprint of the self-signed certificate the user confirmed, or ''. */
  pin: string;
}

export interface SyncServiceOptions {
  /** The syncFolder setting, read at each call (it may change while NetDesk runs). */
  syncFolder: () => Promise<string>;
  /** The WebDAV server when this PC syncs through one (it then wins over syncFolder). */
  webdav?: () => Promise<WebDavTarget | null>;
  now: () => Date;
  fs?: SyncFs;
  platform?: string;
  /** Incoming changes one round hands back (default ROUND_MAX_CHANGES); tests set it low. */
  roundMaxChanges?: number;
}

/** A status for "sync is not set up" or "the setting is unusable". */
function offStatus(
  req: { cursors: SyncCursors; lastSeq: number; counts: StatusRequest['counts'] },
  detail?: string,
  reason: SyncStatus['reason'] = 'unreachable',
): SyncStatus {
  return {
    connected: false,
    reason,
    ...(detail ? { detail } : {}),
    rootId: req.cursors.rootId,
    lastSyncAt: req.cursors.lastSyncAt,
    waiting: Math.max(0, req.lastSeq - (req.cursors.rootId ? req.cursors.written : 0)),
    ...req.counts,
    peers: [],
    warnings: [],
  };
}

const partOf = (part: { uploadId: string; part: number }) => ({ uploadId: part.uploadId, part: part.part });

/**
 * Remove temp files of this PC's own unfinished snapshot uploads (an app closed mid-upload).
 * Another PC's temp files are never touched: that PC may be writing right now.
 */
async function removeOwnLeftovers(folder: SyncFolder, nodeId: string): Promise<void> {
  let names: string[];
  try {
    names = await folder.fs.readdir(join(folder.dir, SNAPSHOT_DIR));
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return;
    throw err;
  }
  for (const name of names) {
    // `.<snapshot name>.<random>.tmp`, the snapshot name being `<nodeId>-<stamp>.json`.
    const m = /^\.(.+)\.[0-9a-f-]{8}\.tmp$/.exec(name);
    if (m && parseSnapshotName(m[1]!)?.nodeId === nodeId)
      await folder.fs.unlink(join(folder.dir, SNAPSHOT_DIR, name)).catch(() => undefined);
  }
}

export function createSyncService(options: SyncServiceOptions) {
  const fs = withTimeout(options.fs ?? nodeFs, FOLDER_CALL_TIMEOUT_MS);
  /** Snapshot uploads in progress, by PC (node id). */
  const uploads = new Map<string, SnapshotUpload>();
  /** Snapshots (folder + name) being joined whose whole file passed its hash check. */
  const verified = new Set<string>();
  // One round at a time: two windows syncing at once would each publish the same outbox seqs.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  // One WebDavFs while the server, user, password and pin stay: its listing and the small files
  // it read (with their ETags) make the next sync with nothing new one request.
  let dav: { key: string; fs: SyncFs } | undefined;

  async function folderOf(): Promise<
    { folder: SyncFolder } | { problem: string; reason?: SyncStatus['reason'] } | null
  > {
    const server = await options.webdav?.();
    if (server) {
      if (server.password === undefined)
        return {
          problem: 'WebDAV password not kept on this PC: enter it again in Settings → Sync',
          reason: 'no-password',
        };
      const key = JSON.stringify([server.url, server.user, server.pin, server.password]);
      if (dav?.key !== key) {
        const webdavFs = new WebDavFs({
          url: server.url,
          username: server.user,
          password: server.password,
          ...(server.pin && { pinnedFingerprint: server.pin }),
        });
        dav = { key, fs: webdavFs };
      }
      // The server's sync folder is the root of the address.
      return { folder: new SyncFolder('/', dav.fs, {}, { peerRefreshMs: WEBDAV_PEER_REFRESH_MS }) };
    }
    const dir = (await options.syncFolder()).trim();
    if (dir === '') return null;
    const problem = syncFolderProblem(dir, options.platform);
    return problem ? { problem } : { folder: new SyncFolder(dir, fs) };
  }

  async function exchange(req: ExchangeRequest): Promise<SyncExchangeResult> {
    const where = await folderOf();
    if (!where || 'problem' in where)
      return {
        folderSet: where !== null,
        status: offStatus(req, where?.problem, where?.reason),
        steps: [],
        published: 0,
        more: false,
        compacted: 0,
      };
    if (req.snapshotPart) return snapshotPart(req, req.snapshotPart, where.folder);
    const ledger = new RecordingLedger(req, options.roundMaxChanges);
    const report = await syncOnce(ledger, where.folder, {
      name: req.name || req.nodeId,
      now: options.now,
      initFolder: req.initFolder,
      joinOtherRoot: req.joinOtherRoot,
      timeBudgetMs: ROUND_TIME_BUDGET_MS,
      // Snapshots arrive from the renderer in parts (snapshotPart).
      snapshotEvery: 0,
      loadSnapshot: (folder, _rootId, name, head, resume) => loadInPieces(ledger, folder, name, head, resume),
    });
    let status = report.status;
    if (ledger.full) status = await readSyncStatus(ledger, where.folder);
    const more = report.more || ledger.full || ledger.outboxShort;
    const progress = more && status.connected ? await progressOf(ledger, where.folder) : undefined;
    return {
      folderSet: true,
      status,
      steps: ledger.steps,
      published: report.published,
      more,
      compacted: report.compacted,
      ...(progress && { progress }),
    };
  }

  /**
   * Bytes read of those to read, after this round: the other PCs' journal files up to the
   * cursors the renderer will have saved, and of a snapshot being joined the part already in
   * (so one large snapshot moves the bar as it goes, not all at once at its end). Sizes come
   * from the folder's listing: over WebDAV the pass's PROPFIND (getcontentlength), no request
   * more; on a share one stat a file.
   */
  async function progressOf(ledger: RecordingLedger, folder: SyncFolder) {
    const cursors = await ledger.readCursors();
    let doneBytes = 0;
    let totalBytes = 0;
    const size = (of: Promise<number>) => of.catch(() => 0);
    const journals = await folder.listJournals().catch(() => new Map<string, JournalFileRef[]>());
    for (const [nodeId, files] of journals) {
      if (nodeId === ledger.nodeId) continue;
      for (const file of files) {
        const bytes = await size(folder.journalSize(file));
        totalBytes += bytes;
        if (file.to <= (cursors.read[nodeId] ?? 0)) doneBytes += bytes;
      }
    }
    if (cursors.joining) {
      const bytes = await size(folder.snapshotSize(cursors.joining.name));
      totalBytes += bytes;
      doneBytes += Math.min(cursors.joining.offset, bytes);
    }
    return totalBytes > 0 ? { doneBytes, totalBytes } : undefined;
  }

  /**
   * Hand the renderer the next piece of a snapshot to join from, as a 'snapshot' step of at most
   * the round's room. The whole file is checked against its hash before its first piece (and
   * again after NetDesk restarted, before going on).
   */
  async function loadInPieces(
    ledger: RecordingLedger,
    folder: SyncFolder,
    name: string,
    head: SnapshotHead,
    resume: SnapshotJoinPosition | undefined,
  ): Promise<SnapshotLoad> {
    const key = `${folder.dir}\u0000${name}`;
    if (!resume || !verified.has(key)) {
      const checked = await verifySnapshotFile(folder, head, name);
      if (!checked.ok) return checked;
      verified.add(key);
    }
    const from = resume ?? { name, offset: head.bodyStart, table: null, inSetAside: false };
    let chunk;
    try {
      chunk = await readSnapshotChunk(folder, name, from, ledger.room);
    } catch (err) {
      verified.delete(key);
      if (err instanceof SnapshotStreamError || err instanceof SyntaxError)
        return { ok: false, detail: err.message };
      if (errorCode(err) === 'ENOENT') return { ok: false, detail: 'removed while being joined' };
      throw err;
    }
    ledger.incoming += chunk.records;
    ledger.steps.push({
      kind: 'snapshot',
      from: head.nodeId,
      snapshot: { tables: chunk.tables, setAside: chunk.setAside },
    });
    if (chunk.done) {
      verified.delete(key);
      return { ok: true, done: true };
    }
    const position = { name, offset: chunk.next, table: chunk.table, inSetAside: chunk.inSetAside };
    return { ok: true, done: false, position };
  }

  /** Take one part of a snapshot upload (see the header); throws a refusal as 'bad-request'. */
  async function snapshotPart(
    req: ExchangeRequest,
    part: NonNullable<ExchangeRequest['snapshotPart']>,
    folder: SyncFolder,
  ): Promise<SyncExchangeResult> {
    let upload = uploads.get(req.nodeId);
    if (part.part === 0) {
      if (upload) await drop(req.nodeId);
      upload = await openUpload(req, part.uploadId, folder);
    } else if (!upload || upload.uploadId !== part.uploadId) {
      throw refused(`upload ${part.uploadId} of ${req.nodeId} is not open (it was never begun, or dropped)`);
    }
    if (part.part !== upload.next) {
      await drop(req.nodeId);
      throw refused(`part ${part.part} arrived, part ${upload.next} was expected`);
    }
    if (folder.dir !== upload.folderDir) {
      await drop(req.nodeId);
      throw refused('the shared folder setting changed during the upload');
    }
    const size = part.records.reduce((n, r) => n + JSON.stringify(r).length, 0);
    if (size > SNAPSHOT_PART_MAX_CHARS) {
      await drop(req.nodeId);
      throw refused(`part ${part.part} holds ${size} characters, more than ${SNAPSHOT_PART_MAX_CHARS}`);
    }
    try {
      if (part.records.length > 0) await upload.stream.addRecords(part.table!, part.records);
      if (part.setAside.length > 0) await upload.stream.addSetAside(part.setAside);
      upload.next++;
      const answer = {
        folderSet: true,
        status: offStatus(req),
        published: 0,
        more: false,
        compacted: 0,
      };
      if (!part.last) return { ...answer, steps: [], snapshotPart: { ...partOf(part), done: false } };
      // The folder may have been replaced during the upload (a share remounted, a new root).
      const root = await folder.readRoot();
      if (!root.ok || root.root.rootId !== upload.rootId)
        throw refused('the sync root changed during the upload');
      const name = await upload.stream.finish();
      uploads.delete(req.nodeId);
      const own = (await folder.listSnapshots()).filter((s) => s.nodeId === req.nodeId);
      for (const old of own.slice(2)) await folder.removeSnapshot(old.name).catch(() => undefined);
      const cursors = { ...req.cursors, snapshotTotal: upload.total, snapshotCovers: upload.covers };
      return {
        ...answer,
        status: { ...answer.status, connected: true, rootId: upload.rootId },
        steps: [{ kind: 'cursors', cursors }],
        snapshotWritten: name,
        snapshotPart: { ...partOf(part), done: true, name },
      };
    } catch (err) {
      await drop(req.nodeId);
      if (err instanceof SnapshotStreamError) throw refused(err.message);
      throw err;
    }
  }

  /** Part 0: check the folder is this PC's sync root, clear its own leftovers, open the file. */
  async function openUpload(req: ExchangeRequest, uploadId: string, folder: SyncFolder) {
    const { cursors } = req;
    if (!cursors.rootId) throw refused('this PC has not synced with this folder yet');
    const root = await folder.readRoot();
    if (!root.ok) throw refused(`the folder is not connected (${root.reason}): ${root.detail}`);
    if (root.root.rootId !== cursors.rootId)
      throw refused(`the folder holds sync root ${root.root.rootId}, this PC syncs with ${cursors.rootId}`);
    await removeOwnLeftovers(folder, req.nodeId);
    const covers = { ...cursors.read, [req.nodeId]: cursors.written };
    const total = cursors.written + Object.values(cursors.read).reduce((a, b) => a + b, 0);
    const now = options.now();
    const stream = await SnapshotStream.start(folder, {
      rootId: cursors.rootId,
      nodeId: req.nodeId,
      stamp: formatHlc({ wallMs: now.getTime(), counter: 0, nodeId: req.nodeId }),
      takenAt: now,
      covers,
    });
    const upload: SnapshotUpload = {
      uploadId,
      folderDir: folder.dir,
      rootId: cursors.rootId,
      next: 0,
      stream,
      covers,
      total,
    };
    uploads.set(req.nodeId, upload);
    return upload;
  }

  async function drop(nodeId: string) {
    const upload = uploads.get(nodeId);
    uploads.delete(nodeId);
    await upload?.stream.abort();
  }

  async function status(req: StatusRequest): Promise<SyncStatusResult> {
    const where = await folderOf();
    if (!where || 'problem' in where)
      return { folderSet: where !== null, status: offStatus(req, where?.problem, where?.reason) };
    const ledger = new RecordingLedger({
      nodeId: 'status',
      name: '',
      cursors: req.cursors,
      lastSeq: req.lastSeq,
      counts: req.counts,
      outbox: [],
      blobs: [],
    });
    return { folderSet: true, status: await readSyncStatus(ledger, where.folder) };
  }

  return {
    exchange: (req: ExchangeRequest) => serial(() => exchange(req)),
    status: (req: StatusRequest) => serial(() => status(req)),
  };
}
