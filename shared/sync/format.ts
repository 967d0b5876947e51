// The sync folder's layout and file formats (docs/sync.md). Pure: names, schemas and checks,
// no file access. Every file that comes from the folder is parsed with these schemas; a file
// that does not fit is skipped and reported, never trusted.
//
//   netdesk-sync.json                        root: format, version, rootId
//   journal/<nodeId>/<from>-<to>.ndjson      one PC's changes seq from..to (12 digits each)
//   blobs/<sha256>                           an attachment's bytes
//   snapshots/<nodeId>-<hlc>.json            the whole ledger of one PC at one moment
//   peers/<nodeId>.json                      one PC's name, read cursors and last sync time
import { z } from 'zod';
import { isHlc } from '../hlc';
import { attachmentMetaSchema, LEDGER_TABLES, type LedgerTable } from '../schemas';

export const SYNC_FORMAT = 'netdesk-sync';
export const SYNC_VERSION = 1;
export const ROOT_FILE = 'netdesk-sync.json';
export const JOURNAL_DIR = 'journal';
export const BLOB_DIR = 'blobs';
export const SNAPSHOT_DIR = 'snapshots';
export const PEER_DIR = 'peers';

const SEQ_DIGITS = 12;
const NODE_ID = /^[0-9A-Za-z_-]{1,64}$/;
const JOURNAL_NAME = /^(\d{12})-(\d{12})\.ndjson$/;
const SNAPSHOT_NAME = /^([0-9A-Za-z_-]{1,64})-(\d{15}-[0-9a-z]{4})\.json$/;
const PEER_NAME = /^([0-9A-Za-z_-]{1,64})\.json$/;
export const SHA256 = /^[0-9a-f]{64}$/;
/** Temporary files of an atomic write: `.<final name>.<random>.tmp`, renamed when whole. */
export const TEMP_NAME = /^\..+\.tmp$/;

export const isNodeId = (value: string) => NODE_ID.test(value);

export function journalName(from: number, to: number): string {
  return `${String(from).padStart(SEQ_DIGITS, '0')}-${String(to).padStart(SEQ_DIGITS, '0')}.ndjson`;
}

export function parseJournalName(name: string): { from: number; to: number } | null {
  const m = JOURNAL_NAME.exec(name);
  if (!m) return null;
  const from = Number(m[1]);
  const to = Number(m[2]);
  return from >= 1 && to >= from ? { from, to } : null;
}

/** Snapshot file name; the stamp's own node id is left out (it is the file's node id). */
export function snapshotName(nodeId: string, stamp: string): string {
  return `${nodeId}-${stamp.slice(0, 20)}.json`;
}

export function parseSnapshotName(name: string): { nodeId: string; at: string } | null {
  const m = SNAPSHOT_NAME.exec(name);
  return m ? { nodeId: m[1]!, at: m[2]! } : null;
}

export function parsePeerName(name: string): string | null {
  return PEER_NAME.exec(name)?.[1] ?? null;
}

const hlcSchema = z.string().refine(isHlc, 'not a clock stamp');

export const rootFileSchema = z.object({
  format: z.literal(SYNC_FORMAT),
  version: z.number().int().min(1),
  rootId: z.string().regex(/^[0-9a-f-]{8,64}$/),
  createdAt: z.string(),
});
export type RootFile = z.infer<typeof rootFileSchema>;

/** One journal line. Values are checked against the table schemas when applied (screenChange). */
export const syncChangeSchema = z.object({
  seq: z.number().int().min(1),
  table: z.enum(LEDGER_TABLES as [LedgerTable, ...LedgerTable[]]),
  id: z.string().min(1).max(64),
  fields: z.record(z.string(), z.unknown()),
  stamps: z.record(z.string(), hlcSchema),
  base: z.record(z.string(), hlcSchema).optional(),
  at: z.iso.datetime({ offset: true }),
  attachments: z.array(attachmentMetaSchema).optional(),
});

/** The last line of a journal file: it is whole only when count and hash match the lines above. */
export const journalTrailerSchema = z.object({
  trailer: z.object({
    format: z.literal(SYNC_FORMAT),
    version: z.number().int().min(1),
    rootId: z.string(),
    nodeId: z.string().regex(NODE_ID),
    from: z.number().int().min(1),
    to: z.number().int().min(1),
    count: z.number().int().min(1),
    /** SHA-256 (hex) of every byte before the trailer line. */
    sha256: z.string().regex(SHA256),
  }),
});
export type JournalTrailer = z.infer<typeof journalTrailerSchema>['trailer'];

export const peerFileSchema = z.object({
  format: z.literal(SYNC_FORMAT),
  version: z.number().int().min(1),
  rootId: z.string(),
  nodeId: z.string().regex(NODE_ID),
  name: z.string().max(100),
  lastSyncAt: z.string().nullable(),
  /** Highest seq of its own journal it has published. */
  written: z.number().int().min(0),
  /** Per other PC: highest seq read. Compaction waits for every PC's. */
  read: z.record(z.string(), z.number().int().min(0)),
});
export type PeerFile = z.infer<typeof peerFileSchema>;

export const snapshotFileSchema = z.object({
  format: z.literal(SYNC_FORMAT),
  version: z.number().int().min(1),
  kind: z.literal('snapshot'),
  rootId: z.string(),
  nodeId: z.string().regex(NODE_ID),
  takenAt: z.string(),
  /** Per PC (the maker included): the snapshot holds every change of it up to this seq. */
  covers: z.record(z.string(), z.number().int().min(0)),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  setAside: z.array(z.unknown()),
  /** SHA-256 of JSON.stringify of {covers, tables, setAside}: a damaged copy is refused. */
  sha256: z.string().regex(SHA256),
});
export type SnapshotFile = z.infer<typeof snapshotFileSchema>;

/** Attachment hashes a change's fields refer to (fields named …Sha256 / …Shas). */
export function referencedShas(fields: Record<string, unknown>): string[] {
  const shas = new Set<string>();
  for (const [name, value] of Object.entries(fields)) {
    if (!/sha/i.test(name)) continue;
    for (const item of Array.isArray(value) ? value : [value])
      if (typeof item === 'string' && SHA256.test(item)) shas.add(item);
  }
  return [...shas];
}
