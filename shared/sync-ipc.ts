// The IPC channels of folder sync and backups (spread into shared/ipc.ts): request schemas and
// answers. The ledger lives in the renderer's IndexedDB and the folder belongs to the main
// process (or browser mode's server), so the renderer drives a sync round:
//
//   sync:exchange  renderer → its cursors and a chunk of its outbox (+ the attachments it refers
//                  to); main → runs the engine's syncOnce against a recording LedgerSide and
//                  answers with the ledger calls the engine made (merge these changes with these
//                  cursors, store this attachment, save these cursors …) for the renderer to
//                  replay in order, plus the status. The folder path is never sent: it is the
//                  syncFolder setting.
//                  When a snapshot is due, the renderer first sends it as a sequence of
//                  `snapshotPart` exchanges (no outbox, no round): part 0 opens an upload named
//                  by a random uploadId, each part carries at most SNAPSHOT_PART_MAX_RECORDS
//                  records of one table (or set-aside changes), the last one closes it. The main
//                  process streams the parts into a temp file in the folder and renames it into
//                  place after the last; a part of an unknown upload, out of order, or for
//                  another sync root is refused and the upload dropped. A ten-year ledger
//                  (~1.5 M records) so publishes a snapshot in ~750 bounded requests.
//   sync:status    the status without syncing.
//   backup:save    a backup file in parts (a ten-year ledger outgrows one request), verified by
//                  reading it back before it counts; copied to the shared folder's backups/.
//   backup:list    the backups kept on this PC.
import { z } from 'zod';
import { attachmentMetaSchema, LEDGER_TABLES, type AttachmentMeta, type LedgerTable } from './schemas';
import { syncChangeSchema } from './sync/format';
import type { LedgerSnapshot, SyncChange, SyncCursors, SyncStatus } from './sync/types';

/**
 * A PC publishes a snapshot of its ledger once this many changes came or went since its last one,
 * so a PC joining later loads one file instead of years of journals.
 */
export const SNAPSHOT_EVERY = 5000;

/** Outbox changes one exchange may carry (the engine's journal file size). */
export const EXCHANGE_MAX_CHANGES = 2000;
/** Attachment bytes one exchange may carry each way; more waits for the next round. */
export const EXCHANGE_MAX_BLOB_BYTES = 40 * 1024 * 1024;
/** Characters of backup text per backup:save part. */
export const BACKUP_PART_CHARS = 8 * 1024 * 1024;
/** Records (or set-aside changes) one snapshot part may carry. */
export const SNAPSHOT_PART_MAX_RECORDS = 2000;
/**
 * Characters of JSON the records of one snapshot part may come to (checked by the service as it
 * writes them). With Chinese text at 3 bytes a character this stays under browser mode's
 * request limit; the renderer cuts its parts at half of it.
 */
export const SNAPSHOT_PART_MAX_CHARS = 16 * 1024 * 1024;
/** Parts one snapshot may have (a bound on a runaway upload: 20 M records). */
export const SNAPSHOT_MAX_PARTS = 10_000;

const nodeIdSchema = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/);
const countSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const syncCursorsSchema = z
  .object({
    rootId: z.string().max(64).nullable(),
    written: countSchema,
    read: z.record(nodeIdSchema, countSchema),
    lastSyncAt: z.string().max(40).nullable(),
    missingBlobs: z.array(attachmentMetaSchema).max(100_000),
    snapshotTotal: countSchema,
    snapshotCovers: z.record(nodeIdSchema, countSchema),
    joining: z
      .object({
        name: z.string().max(200),
        offset: countSchema,
        table: z.string().max(64).nullable(),
        inSetAside: z.boolean(),
      })
      .strict()
      .optional(),
  })
  .strict();

const ledgerCountsSchema = z.object({ conflicts: countSchema, setAside: countSchema }).strict();

const snapshotRecordSchema = z
  .record(z.string(), z.unknown())
  .refine((r) => typeof r.id === 'string' && r.id !== '' && r.id.length <= 64, {
    message: 'a snapshot record needs its id',
  });

/** One part of a snapshot upload (see the header). */
export const snapshotPartSchema = z
  .object({
    /** Chosen by the renderer for the whole upload; a part of another upload is refused. */
    uploadId: z.string().regex(/^[0-9A-Za-z-]{8,64}$/),
    /** 0, 1, 2 … in order; part 0 opens the upload. */
    part: z
      .number()
      .int()
      .min(0)
      .max(SNAPSHOT_MAX_PARTS - 1),
    /** The table the records belong to; each table's records come in consecutive parts. */
    table: z.enum(LEDGER_TABLES as [LedgerTable, ...LedgerTable[]]).optional(),
    records: z.array(snapshotRecordSchema).max(SNAPSHOT_PART_MAX_RECORDS).default([]),
    /** The maker's set-aside changes, after every table's records. */
    setAside: z.array(z.record(z.string(), z.unknown())).max(SNAPSHOT_PART_MAX_RECORDS).default([]),
    /** The last part: the snapshot is complete and goes into place. */
    last: z.boolean(),
  })
  .strict()
  .refine((p) => p.records.length === 0 || p.table !== undefined, {
    message: 'snapshot records need their table',
  });

export const syncExchangeRequestSchema = z
  .object({
    nodeId: nodeIdSchema,
    /** This PC's readable name for the other PCs' status ("A · 张伟"). */
    name: z.string().trim().max(100),
    cursors: syncCursorsSchema,
    lastSeq: countSchema,
    counts: ledgerCountsSchema,
    /** Outbox changes after cursors.written, in seq order, without gaps. */
    outbox: z.array(syncChangeSchema).max(EXCHANGE_MAX_CHANGES),
    /** Bytes of the attachments the outbox chunk refers to. */
    blobs: z
      .array(
        z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.instanceof(Uint8Array) }).strict(),
      )
      .max(EXCHANGE_MAX_CHANGES)
      .refine((list) => list.reduce((n, b) => n + b.bytes.byteLength, 0) <= EXCHANGE_MAX_BLOB_BYTES, {
        message: 'attachments exceed the bytes one exchange may carry',
      }),
    /** One part of a snapshot upload; such a request carries nothing else and runs no round. */
    snapshotPart: snapshotPartSchema.optional(),
    /** Make the folder a new sync root: only on the supervisor's explicit action. */
    initFolder: z.boolean().default(false),
    /** Accept a folder whose root differs from the one this PC synced with: explicit only. */
    joinOtherRoot: z.boolean().default(false),
  })
  .strict()
  .refine(
    (r) =>
      !r.snapshotPart || (r.outbox.length === 0 && r.blobs.length === 0 && !r.initFolder && !r.joinOtherRoot),
    { message: 'a snapshot part travels alone (no outbox, attachments or folder actions)' },
  );

export const syncStatusRequestSchema = z
  .object({ cursors: syncCursorsSchema, lastSeq: countSchema, counts: ledgerCountsSchema })
  .strict();

/** `netdesk-backup-YYYYMMDD-HHmm.json`, optionally with a suffix for a second one the same minute. */
export const BACKUP_FILE_NAME = /^netdesk-backup-(\d{8})-(\d{4})(?:-[0-9a-z]{1,8})?\.json$/;

export const backupSaveRequestSchema = z
  .object({
    fileName: z.string().regex(BACKUP_FILE_NAME, 'not a NetDesk backup file name'),
    /** 0, 1, 2 … in order; part 0 starts the file afresh. */
    part: z.number().int().min(0).max(100_000),
    text: z.string().max(BACKUP_PART_CHARS),
    last: z.boolean(),
    /** What the file must hold when read back (checked on the last part). */
    expect: z.object({ records: countSchema, attachments: countSchema }).strict().optional(),
  })
  .strict()
  .refine((r) => !r.last || r.expect !== undefined, { message: 'the last part must say what to expect' });

export const backupListRequestSchema = z.object({}).strict();

/** One ledger call the engine made during a round, for the renderer to replay in order. */
export type SyncStep =
  | { kind: 'apply'; from: string; changes: SyncChange[]; cursors?: SyncCursors }
  | { kind: 'snapshot'; from: string; snapshot: LedgerSnapshot }
  | { kind: 'blob'; meta: AttachmentMeta; bytes: Uint8Array }
  /** An attachment not carried this round (size budget): add it to cursors.missingBlobs. */
  | { kind: 'blob-later'; meta: AttachmentMeta }
  | { kind: 'retry-set-aside' }
  | { kind: 'cursors'; cursors: SyncCursors };

export interface SyncExchangeResult {
  /** False when no sync folder is set in Settings: nothing was done. */
  folderSet: boolean;
  status: SyncStatus;
  steps: SyncStep[];
  /** Own changes published this round. */
  published: number;
  /** Another round is needed (time or size budget, or more outbox to send). */
  more: boolean;
  snapshotWritten?: string;
  compacted: number;
  /** The answer to a snapshot part: taken; `name` once the last part put the snapshot in place. */
  snapshotPart?: { uploadId: string; part: number; done: boolean; name?: string };
  /**
   * While more rounds are to come: bytes of the other PCs' journal files and of a snapshot being
   * joined read so far, of those in the folder, for the sync panel of a PC catching up.
   */
  progress?: SyncProgress;
}

/** How far a PC catching up is, in bytes (a large snapshot counts by its size, not as one). */
export interface SyncProgress {
  doneBytes: number;
  totalBytes: number;
}

export interface SyncStatusResult {
  folderSet: boolean;
  status: SyncStatus;
}

export interface BackupSaveResult {
  /** True once the last part was written and the file verified. */
  done: boolean;
  path?: string;
  /** Copied to the shared folder's backups/ (when reachable). */
  sharedPath?: string;
  /** Why the shared copy was not made, when a sync folder is set. */
  sharedProblem?: string;
  size?: number;
  /** Old backups removed by the retention rule. */
  removed?: string[];
}

export interface BackupEntry {
  name: string;
  size: number;
  /** The file's time from its name: YYYY-MM-DD HH:mm (this PC's local time when written). */
  takenAt: string;
  /** It holds device passwords (this PC's choice; never so on the shared folder). */
  includesSecrets: boolean;
}

export interface BackupListResult {
  dir: string;
  backups: BackupEntry[];
}
