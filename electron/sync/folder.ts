// The folder side of sync: reads and writes NetDesk's files in the shared folder through a
// SyncFs. It never decides what to merge (the engine does) and never trusts a file: each one is
// parsed and checked (root id, trailer count and hash, blob hash) before its content is used.
// This PC writes only its own files: its journal files (never modified once renamed into
// place), its snapshots, its peers file, and blobs (content-addressed: identical for everyone).
import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { parseHlc } from '../../shared/hlc';
import {
  BLOB_DIR,
  JOURNAL_DIR,
  PEER_DIR,
  ROOT_FILE,
  SHA256,
  SNAPSHOT_DIR,
  SYNC_FORMAT,
  SYNC_VERSION,
  isNodeId,
  journalName,
  journalTrailerSchema,
  parseJournalName,
  parsePeerName,
  parseSnapshotName,
  peerFileSchema,
  rootFileSchema,
  snapshotFileSchema,
  snapshotName,
  syncChangeSchema,
  type JournalTrailer,
  type PeerFile,
  type RootFile,
  type SnapshotFile,
} from '../../shared/sync/format';
import type { LedgerSnapshot, NotConnectedReason, SyncChange } from '../../shared/sync/types';
import { errorCode, reasonOf, writeAtomic, type AtomicWriteOptions, type SyncFs } from './fs';
import { encodeSnapshot } from './snapshot-stream';

export const sha256Hex = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

const decoder = new TextDecoder('utf-8', { fatal: true });

export type RootCheck =
  { ok: true; root: RootFile } | { ok: false; reason: NotConnectedReason; detail: string };

export interface JournalFileRef {
  nodeId: string;
  name: string;
  from: number;
  to: number;
}

export type JournalRead =
  | { status: 'ok'; changes: SyncChange[]; trailer: JournalTrailer }
  /** Not whole yet (still being copied, cut off): skip it and look again next time. */
  | { status: 'partial'; detail: string }
  /** Whole but wrong: hash mismatch, lines that are not changes, wrong node. */
  | { status: 'bad'; detail: string }
  /** Written for another sync root. */
  | { status: 'foreign'; detail: string };

/** Encode changes (consecutive seqs) as a journal file: one JSON line each, then the trailer. */
export function encodeJournal(
  rootId: string,
  nodeId: string,
  changes: readonly SyncChange[],
): { name: string; text: string } {
  const from = changes[0]!.seq;
  const to = changes[changes.length - 1]!.seq;
  const body = changes.map((c) => `${JSON.stringify(c)}\n`).join('');
  const trailer: JournalTrailer = {
    format: SYNC_FORMAT,
    version: SYNC_VERSION,
    rootId,
    nodeId,
    from,
    to,
    count: changes.length,
    sha256: sha256Hex(body),
  };
  return { name: journalName(from, to), text: `${body}${JSON.stringify({ trailer })}\n` };
}

/** Decode and check a journal file. `expect` is what its place in the folder says it is. */
export function decodeJournal(
  bytes: Uint8Array,
  expect: { rootId: string; nodeId: string; name: string },
): JournalRead {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    // A cut in the middle of a multi-byte character is a cut file as well.
    return { status: 'partial', detail: 'ends inside a character' };
  }
  if (!text.endsWith('\n'))
    return { status: 'partial', detail: 'no end line (cut off or still being copied)' };
  const lastBreak = text.lastIndexOf('\n', text.length - 2);
  const body = text.slice(0, lastBreak + 1);
  let trailer: JournalTrailer;
  try {
    const parsed = journalTrailerSchema.safeParse(JSON.parse(text.slice(lastBreak + 1, -1)));
    if (!parsed.success)
      return { status: 'partial', detail: 'no trailer line (cut off or still being copied)' };
    trailer = parsed.data.trailer;
  } catch {
    return { status: 'partial', detail: 'no trailer line (cut off or still being copied)' };
  }
  if (trailer.rootId !== expect.rootId)
    return { status: 'foreign', detail: `written for sync root ${trailer.rootId}` };
  if (trailer.nodeId !== expect.nodeId)
    return { status: 'bad', detail: `written by ${trailer.nodeId}, not ${expect.nodeId}` };
  if (journalName(trailer.from, trailer.to) !== expect.name)
    return { status: 'bad', detail: 'name and trailer disagree' };
  if (sha256Hex(body) !== trailer.sha256) return { status: 'bad', detail: 'content does not match its hash' };
  const lines = body === '' ? [] : body.slice(0, -1).split('\n');
  if (lines.length !== trailer.count || trailer.to - trailer.from + 1 !== trailer.count)
    return { status: 'bad', detail: `trailer counts ${trailer.count} changes, file holds ${lines.length}` };
  const changes: SyncChange[] = [];
  for (const [i, line] of lines.entries()) {
    let change;
    try {
      change = syncChangeSchema.safeParse(JSON.parse(line));
    } catch {
      return { status: 'bad', detail: `line ${i + 1} is not JSON` };
    }
    if (!change.success || change.data.seq !== trailer.from + i)
      return { status: 'bad', detail: `line ${i + 1} is not a change in sequence` };
    changes.push(change.data);
  }
  return { status: 'ok', changes, trailer };
}

function snapshotHash(s: Pick<SnapshotFile, 'covers' | 'tables' | 'setAside'>): string {
  return sha256Hex(JSON.stringify({ covers: s.covers, tables: s.tables, setAside: s.setAside }));
}

export function decodeSnapshot(
  bytes: Uint8Array,
  rootId: string,
): { ok: true; file: SnapshotFile } | { ok: false; detail: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(decoder.decode(bytes));
  } catch {
    return { ok: false, detail: 'not JSON (cut off?)' };
  }
  const parsed = snapshotFileSchema.safeParse(doc);
  if (!parsed.success) return { ok: false, detail: 'not a NetDesk snapshot' };
  if (parsed.data.rootId !== rootId)
    return { ok: false, detail: `written for sync root ${parsed.data.rootId}` };
  if (snapshotHash(parsed.data) !== parsed.data.sha256)
    return { ok: false, detail: 'content does not match its hash' };
  return { ok: true, file: parsed.data };
}

export interface SyncFolderOptions {
  /**
   * Leave this PC's peers file as it is when only its time of last sync would change and that
   * time is less than this old (ms). Over WebDAV each write is two requests to a distant
   * server; a sync with nothing new then writes nothing, and the other PCs see this PC's time
   * of last sync at most this late. 0 (the default, the shared folder): written every sync.
   */
  peerRefreshMs?: number;
}

/** How often a WebDAV sync with nothing new refreshes its time of last sync for the others. */
export const WEBDAV_PEER_REFRESH_MS = 10 * 60_000;

/** Whether two peers files say the same but for the time of last sync. */
function samePeerButTime(a: PeerFile, b: PeerFile): boolean {
  const sorted = (read: Record<string, number>) => JSON.stringify(Object.entries(read).sort());
  return (
    a.format === b.format &&
    a.version === b.version &&
    a.rootId === b.rootId &&
    a.nodeId === b.nodeId &&
    a.name === b.name &&
    a.written === b.written &&
    sorted(a.read) === sorted(b.read)
  );
}

/** One shared folder, seen through `fs`. Paths inside are fixed by shared/sync/format.ts. */
export class SyncFolder {
  /** The peers files as last read, by PC: what writePeer compares with. */
  private readonly peersRead = new Map<string, PeerFile>();

  constructor(
    readonly dir: string,
    readonly fs: SyncFs,
    private readonly writeOptions: AtomicWriteOptions = {},
    private readonly options: SyncFolderOptions = {},
  ) {}

  private path(...parts: string[]) {
    return join(this.dir, ...parts);
  }

  /** Whether the folder is NetDesk's sync folder, and which root. Never creates anything. */
  async readRoot(): Promise<RootCheck> {
    // The first step of every sync and status: a storage that lists once per pass lists now.
    this.fs.beginPass?.();
    let bytes: Uint8Array;
    try {
      bytes = await this.fs.readFile(this.path(ROOT_FILE));
    } catch (err) {
      const code = errorCode(err);
      if (code === 'ETIMEDOUT') return { ok: false, reason: 'timeout', detail: String(err) };
      if (code !== 'ENOENT')
        return { ok: false, reason: reasonOf(err), detail: `${code ?? ''} ${String(err)}`.trim() };
      // Tell "no such folder" from "a folder without the root file" (an empty, unmounted share).
      const folderThere = await this.fs.exists(this.dir).catch(() => false);
      return folderThere
        ? {
            ok: false,
            reason: 'no-root',
            detail: `${ROOT_FILE} is missing: not treated as "everything deleted"`,
          }
        : { ok: false, reason: 'unreachable', detail: `folder not found: ${this.dir}` };
    }
    let doc: unknown;
    try {
      doc = JSON.parse(decoder.decode(bytes));
    } catch {
      return { ok: false, reason: 'bad-root', detail: `${ROOT_FILE} is not JSON` };
    }
    const root = rootFileSchema.safeParse(doc);
    if (!root.success)
      return { ok: false, reason: 'bad-root', detail: `${ROOT_FILE} is not a NetDesk sync root` };
    if (root.data.version > SYNC_VERSION)
      return {
        ok: false,
        reason: 'newer-format',
        detail: `sync format ${root.data.version} needs a newer NetDesk`,
      };
    return { ok: true, root: root.data };
  }

  /** Make this folder a new sync root. Only on an explicit request; refuses if one exists. */
  async initRoot(now: Date): Promise<RootFile> {
    await this.fs.mkdir(this.dir);
    if (await this.fs.exists(this.path(ROOT_FILE)))
      throw new Error(`${ROOT_FILE} already exists in ${this.dir}`);
    const root: RootFile = {
      format: SYNC_FORMAT,
      version: SYNC_VERSION,
      rootId: randomUUID(),
      createdAt: now.toISOString(),
    };
    for (const sub of [JOURNAL_DIR, BLOB_DIR, SNAPSHOT_DIR, PEER_DIR]) await this.fs.mkdir(this.path(sub));
    await writeAtomic(this.fs, this.path(ROOT_FILE), `${JSON.stringify(root, null, 1)}\n`, {
      ...this.writeOptions,
      newNameOnly: true,
    });
    return root;
  }

  private async list(...parts: string[]): Promise<string[]> {
    try {
      return await this.fs.readdir(this.path(...parts));
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return [];
      throw err;
    }
  }

  /** Journal files per PC, in seq order. Temp and unknown names are left out. */
  async listJournals(): Promise<Map<string, JournalFileRef[]>> {
    const byNode = new Map<string, JournalFileRef[]>();
    for (const nodeId of await this.list(JOURNAL_DIR)) {
      if (!isNodeId(nodeId)) continue;
      const files: JournalFileRef[] = [];
      for (const name of await this.list(JOURNAL_DIR, nodeId)) {
        const range = parseJournalName(name);
        if (range) files.push({ nodeId, name, ...range });
      }
      files.sort((a, b) => a.from - b.from || a.to - b.to);
      byNode.set(nodeId, files);
    }
    return byNode;
  }

  async readJournal(rootId: string, file: JournalFileRef): Promise<JournalRead> {
    let bytes: Uint8Array;
    try {
      bytes = await this.fs.readFile(this.path(JOURNAL_DIR, file.nodeId, file.name));
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return { status: 'partial', detail: 'listed but not readable yet' };
      throw err;
    }
    return decodeJournal(bytes, { rootId, nodeId: file.nodeId, name: file.name });
  }

  /** Publish changes as a new journal file of this PC. */
  async writeJournal(rootId: string, nodeId: string, changes: readonly SyncChange[]): Promise<string> {
    const { name, text } = encodeJournal(rootId, nodeId, changes);
    await this.fs.mkdir(this.path(JOURNAL_DIR, nodeId));
    await writeAtomic(this.fs, this.path(JOURNAL_DIR, nodeId, name), text, {
      ...this.writeOptions,
      newNameOnly: true,
    });
    return name;
  }

  /** A journal file's size in bytes (over WebDAV from the pass's listing, no request). */
  journalSize(file: JournalFileRef): Promise<number> {
    return this.fs.size(this.path(JOURNAL_DIR, file.nodeId, file.name));
  }

  /** A snapshot's size in bytes. */
  snapshotSize(name: string): Promise<number> {
    return this.fs.size(this.path(SNAPSHOT_DIR, name));
  }

  async removeJournal(file: JournalFileRef): Promise<void> {
    await this.fs.unlink(this.path(JOURNAL_DIR, file.nodeId, file.name));
  }

  async hasBlob(sha256: string): Promise<boolean> {
    return this.fs.exists(this.path(BLOB_DIR, sha256));
  }

  /** The blob's bytes if present and whole (hash checked), else undefined. */
  async readBlob(sha256: string): Promise<Uint8Array | undefined> {
    try {
      const bytes = await this.fs.readFile(this.path(BLOB_DIR, sha256));
      return sha256Hex(bytes) === sha256 ? bytes : undefined;
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return undefined;
      throw err;
    }
  }

  async writeBlob(sha256: string, bytes: Uint8Array): Promise<void> {
    if (!SHA256.test(sha256) || sha256Hex(bytes) !== sha256)
      throw new Error(`attachment does not match its hash ${sha256}`);
    await this.fs.mkdir(this.path(BLOB_DIR));
    // Content-addressed: a blob already there with the right hash is the same file.
    if ((await this.readBlob(sha256)) !== undefined) return;
    await writeAtomic(this.fs, this.path(BLOB_DIR, sha256), bytes, this.writeOptions);
  }

  async listSnapshots(): Promise<{ name: string; nodeId: string; at: string }[]> {
    const found: { name: string; nodeId: string; at: string }[] = [];
    for (const name of await this.list(SNAPSHOT_DIR)) {
      const parsed = parseSnapshotName(name);
      if (parsed) found.push({ name, ...parsed });
    }
    // Newest first (the stamp's wall time leads), ties by maker.
    return found.sort((a, b) => (a.at === b.at ? a.nodeId.localeCompare(b.nodeId) : a.at < b.at ? 1 : -1));
  }

  async readSnapshot(rootId: string, name: string) {
    try {
      return decodeSnapshot(await this.fs.readFile(this.path(SNAPSHOT_DIR, name)), rootId);
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return { ok: false as const, detail: 'listed but not readable yet' };
      throw err;
    }
  }

  async writeSnapshot(
    rootId: string,
    nodeId: string,
    stamp: string,
    takenAt: Date,
    covers: Record<string, number>,
    snapshot: LedgerSnapshot,
  ): Promise<string> {
    parseHlc(stamp); // throws HlcError for a malformed stamp
    // The same layout as a snapshot written in parts, so any snapshot can be read in parts.
    const text = await encodeSnapshot({ rootId, nodeId, stamp, takenAt, covers }, snapshot);
    const name = snapshotName(nodeId, stamp);
    await this.fs.mkdir(this.path(SNAPSHOT_DIR));
    await writeAtomic(this.fs, this.path(SNAPSHOT_DIR, name), text, {
      ...this.writeOptions,
      newNameOnly: true,
    });
    return name;
  }

  async removeSnapshot(name: string): Promise<void> {
    await this.fs.unlink(this.path(SNAPSHOT_DIR, name));
  }

  /** Every PC's peers file that is readable and of this root (others are skipped). */
  async readPeers(rootId: string): Promise<PeerFile[]> {
    const peers: PeerFile[] = [];
    for (const name of await this.list(PEER_DIR)) {
      const nodeId = parsePeerName(name);
      if (!nodeId) continue;
      try {
        const parsed = peerFileSchema.safeParse(
          JSON.parse(decoder.decode(await this.fs.readFile(this.path(PEER_DIR, name)))),
        );
        if (parsed.success && parsed.data.rootId === rootId && parsed.data.nodeId === nodeId) {
          peers.push(parsed.data);
          this.peersRead.set(nodeId, parsed.data);
        }
      } catch (err) {
        if (err instanceof SyntaxError || err instanceof TypeError || errorCode(err) === 'ENOENT') continue;
        throw err;
      }
    }
    return peers;
  }

  async writePeer(peer: PeerFile): Promise<void> {
    const before = this.peersRead.get(peer.nodeId);
    const refresh = this.options.peerRefreshMs ?? 0;
    if (
      refresh > 0 &&
      before?.lastSyncAt &&
      peer.lastSyncAt &&
      samePeerButTime(before, peer) &&
      Date.parse(peer.lastSyncAt) - Date.parse(before.lastSyncAt) < refresh
    )
      return;
    await this.fs.mkdir(this.path(PEER_DIR));
    await writeAtomic(
      this.fs,
      this.path(PEER_DIR, `${peer.nodeId}.json`),
      `${JSON.stringify(peer, null, 1)}\n`,
      this.writeOptions,
    );
    this.peersRead.set(peer.nodeId, peer);
  }
}
