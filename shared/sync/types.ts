// The folder-sync engine's contract. Sync has two halves joined by one small interface:
//
//   LedgerSide — the ledger (the truth): the app's IndexedDB in the renderer, or the headless
//                replica's JSON file in Node. It hands out its outbox, merges what other PCs
//                wrote, keeps the sync cursors, the conflicts and the changes set aside.
//   FolderSide — the shared folder (a mailbox), in Node only (electron/sync): root file, this
//                PC's journal files, other PCs' journals, blobs, snapshots, peers, compaction.
//
// The engine (electron/sync/engine.ts) moves changes between them. Everything that crosses is
// plain JSON (structured-clone safe), so in the app the LedgerSide can sit behind IPC.
import type { AttachmentMeta, LedgerTable } from '../schemas';
import type { StampedRecord } from './merge';

/**
 * One change of one record, as the outbox hands it out and as a journal line carries it.
 * `fields` holds the new value of each changed field (content fields, `createdAt`, the tombstone
 * `deletedAt`); `stamps` the clock stamp of each of them.
 */
export interface SyncChange {
  /** Position in the writing PC's outbox: 1, 2, 3 … without gaps. */
  seq: number;
  table: LedgerTable;
  /** The record's id. */
  id: string;
  fields: Record<string, unknown>;
  stamps: Record<string, string>;
  /**
   * Per field, the stamp the writer's copy held before this change (absent: the field was new).
   * It tells a concurrent edit from a later one, so that only real conflicts are listed. A
   * change without `base` is treated as concurrent with anything it overrides (safe: a text is
   * then kept in the conflicts list once too often, never lost).
   */
  base?: Record<string, string>;
  /** ISO time of the write on the writing PC (becomes the record's `updatedAt`). */
  at: string;
  /** Attachments the changed fields refer to; their blobs are in the folder before this line. */
  attachments?: AttachmentMeta[];
}

/** A text that lost to a concurrent edit of the same field on another PC, kept for the user. */
export interface SyncConflict {
  table: LedgerTable;
  recordId: string;
  field: string;
  losingValue: string;
  losingStamp: string;
  winningValue: unknown;
  winningStamp: string;
  /** When this PC noticed it (ISO). */
  detectedAt: string;
}

export type SetAsideReason =
  /** A stamp more than an hour ahead of this PC's clock: that PC's clock is wrong. */
  | 'clock-ahead'
  /** A value its table's schema refuses, an unknown table or field, or a malformed stamp. */
  | 'invalid';

/** A change not applied but kept (never dropped), re-examined on every sync. */
export interface SetAsideChange {
  /** Node id of the PC that wrote it. */
  from: string;
  change: SyncChange;
  reason: SetAsideReason;
  detail: string;
  /** When it was first set aside (ISO). */
  since: string;
}

/** Where this PC stands with one sync folder. Kept by the ledger, saved after every step. */
export interface SyncCursors {
  /** The root this state belongs to; another root (re-created folder) starts over. */
  rootId: string | null;
  /** Highest outbox seq published to the folder. */
  written: number;
  /** Per other PC (node id): highest seq of its journal applied here. */
  read: Record<string, number>;
  /** ISO time of the last sync that completed, for the status. */
  lastSyncAt: string | null;
  /** Attachments referred to by applied changes whose blob was not (yet) readable. */
  missingBlobs: AttachmentMeta[];
  /** Changes (all PCs) this PC had taken in when it last wrote a snapshot, and what it covered. */
  snapshotTotal: number;
  snapshotCovers: Record<string, number>;
  /**
   * A join from a large snapshot in progress, loaded a piece per sync: which snapshot and where
   * its next piece starts. Saved only after the piece before it was merged, so a sync cut off
   * in the middle loads that piece again (harmless) and never skips one.
   */
  joining?: SnapshotJoinPosition;
}

/** Where the next piece of a snapshot starts (electron/sync/snapshot-stream.ts). */
export interface SnapshotJoinPosition {
  name: string;
  /** Byte offset of the next line. */
  offset: number;
  /** The table the next records belong to. */
  table: string | null;
  /** The next lines are set-aside changes. */
  inSetAside: boolean;
}

export const EMPTY_CURSORS: SyncCursors = {
  rootId: null,
  written: 0,
  read: {},
  lastSyncAt: null,
  missingBlobs: [],
  snapshotTotal: 0,
  snapshotCovers: {},
};

export interface ApplyResult {
  /** Changes that changed at least one field. */
  applied: number;
  /** Changes already known (or older on every field): nothing changed. */
  unchanged: number;
  conflicts: SyncConflict[];
  setAside: SetAsideChange[];
}

/** The whole ledger at one moment, as a snapshot file carries it. */
export interface LedgerSnapshot {
  /** Records of each table, tombstones included, each with its `hlc` stamps. */
  tables: Partial<Record<LedgerTable, StampedRecord[]>>;
  /** Changes the maker had set aside: a PC joining from the snapshot must re-examine them. */
  setAside: SetAsideChange[];
}

/**
 * The ledger as sync sees it. Implemented by the app's Dexie ledger (renderer) and by the
 * file-backed replica (electron/sync/file-ledger.ts). Rules every implementation keeps:
 * - `applyRemote` merges with `applyChangeBatch` (shared/sync/apply.ts) and writes the result in
 *   one transaction; it never adds to the outbox (no echo) and advances the clock past the
 *   newest stamp applied (`ApplyBatchResult.newest`) so the next local edit outranks it.
 * - it is idempotent: the same changes twice change nothing the second time.
 */
export interface LedgerSide {
  readonly nodeId: string;
  /** Outbox changes with seq > afterSeq, in seq order, at most `limit`. */
  readOutbox(afterSeq: number, limit: number): Promise<SyncChange[]>;
  /** Highest outbox seq (0 when empty): `lastSeq - cursors.written` changes wait for the folder. */
  lastSeq(): Promise<number>;
  /**
   * Merge changes another PC (`from`) wrote. `nowMs` decides what is too far ahead. `cursors`,
   * when given, are saved in the same write (so the cursor never runs ahead of the data).
   */
  applyRemote(
    from: string,
    changes: SyncChange[],
    nowMs: number,
    cursors?: SyncCursors,
  ): Promise<ApplyResult>;
  /** Try the set-aside changes again (the clock caught up, or the app learnt a new field). */
  retrySetAside(nowMs: number): Promise<ApplyResult>;
  readCursors(): Promise<SyncCursors>;
  saveCursors(cursors: SyncCursors): Promise<void>;
  /** Every record with its stamps, and the set-aside changes. */
  snapshot(): Promise<LedgerSnapshot>;
  /** Merge a snapshot (made by `from`) like remote changes: per field, newer stamp wins. */
  loadSnapshot(from: string, snapshot: LedgerSnapshot, nowMs: number): Promise<ApplyResult>;
  hasBlob(sha256: string): Promise<boolean>;
  readBlob(sha256: string): Promise<Uint8Array | undefined>;
  /** Store an attachment whose bytes were verified against `meta.sha256`. */
  storeBlob(meta: AttachmentMeta, bytes: Uint8Array): Promise<void>;
  /** Counts for the status line. */
  counts(): Promise<{ conflicts: number; setAside: number }>;
}

/** A PC that syncs through the folder, as its peers file tells. */
export interface PeerSeen {
  nodeId: string;
  name: string;
  lastSyncAt: string | null;
}

export type NotConnectedReason =
  /** The folder cannot be read at all (share not mounted, network down, no permission). */
  | 'unreachable'
  /** The folder is there but holds no root file: maybe an empty, unmounted share. Never "all deleted". */
  | 'no-root'
  /** The root file is not NetDesk's or is damaged. */
  | 'bad-root'
  /** A newer NetDesk made this folder. */
  | 'newer-format'
  /** The folder holds a different root than the one this PC synced with: pick it explicitly. */
  | 'other-root'
  /** The folder answered too slowly; this sync gave up without waiting further. */
  | 'timeout'
  // A WebDAV server's answers, each its own status so the panel can say what to fix.
  /** The server refused the user name or password (HTTP 401). */
  | 'auth-failed'
  /** The user may not read or write the sync folder (HTTP 403). */
  | 'forbidden'
  /** The server refused a write because a folder on the way is missing (HTTP 409). */
  | 'server-conflict'
  /** A file this PC meant to create was already there with other content (HTTP 412). */
  | 'precondition-failed'
  /** The server kept a file locked through every retry (HTTP 423). */
  | 'locked'
  /** The server's disk or the user's quota is full (HTTP 507). */
  | 'server-full'
  /** The address answers, but not as WebDAV (a captive portal's login page, a plain web site). */
  | 'not-webdav'
  /** The server sent NetDesk to another address; it is not followed. */
  | 'redirected'
  /** The server listed a name that is not a plain file name (`../`, a path elsewhere). */
  | 'bad-listing'
  /** The server's certificate is not trusted, or is not the one pinned for this address. */
  | 'untrusted-certificate'
  /** No WebDAV password on this PC (browser mode keeps it only until the service stops). */
  | 'no-password';

/** What the status bar shows. */
export interface SyncStatus {
  connected: boolean;
  reason?: NotConnectedReason;
  /** Readable detail of the reason or of the last problem. */
  detail?: string;
  rootId: string | null;
  lastSyncAt: string | null;
  /** Local changes not yet in the folder. */
  waiting: number;
  conflicts: number;
  setAside: number;
  peers: PeerSeen[];
  /** Files skipped this time (partial, damaged, foreign), with why. */
  warnings: string[];
}
