// The folder-sync engine: one sync of a ledger (LedgerSide) with a shared folder (SyncFolder).
// The folder is a mailbox and the ledger is the truth: a sync publishes this PC's new changes,
// reads the other PCs' journals past its cursors and merges them, and writes its peers file;
// now and then it writes a snapshot and removes its own journal files every PC has read.
// It never waits on the folder for longer than its time budget and every file call is
// bounded (withTimeout on a shared folder; its own connect and idle limits on WebDAV), so a hung
// share or server costs a "not connected" status, never a frozen app.
//
// Order of a sync, and why:
//   1. root file: missing, foreign or different root → "not connected", nothing touched.
//   2. publish first: local changes reach the folder even if reading takes long. Blobs before
//      the journal file that refers to them.
//   3. join from a snapshot when this PC is new to the root or history it needs was compacted.
//      The covers are read from the snapshot's head alone; a large snapshot may be loaded over
//      several syncs (SyncOptions.loadSnapshot), the cursors moving only once it is all in.
//   4. read other PCs' journals in seq order; a file not whole yet stops that PC's reading
//      until next time (cursors are one number per PC).
//   5. set-aside changes re-examined; peers file written; snapshot and compaction.
// Cursors are saved after every step, so an interrupted sync resumes where it stopped; since
// merging is idempotent, reading a file twice after a crash changes nothing.
import { formatHlc } from '../../shared/hlc';
import type { AttachmentMeta } from '../../shared/schemas';
import { SNAPSHOT_EVERY } from '../../shared/sync-ipc';
import { SYNC_FORMAT, SYNC_VERSION, type PeerFile } from '../../shared/sync/format';
import {
  EMPTY_CURSORS,
  type ApplyResult,
  type LedgerSide,
  type LedgerSnapshot,
  type NotConnectedReason,
  type SyncChange,
  type SyncConflict,
  type SnapshotJoinPosition,
  type SyncCursors,
  type SyncStatus,
} from '../../shared/sync/types';
import { reasonOf } from './fs';
import type { JournalFileRef, JournalRead, SyncFolder } from './folder';
import { readSnapshotHead, type SnapshotHead } from './snapshot-stream';

/**
 * How a snapshot chosen to join from went in: all of it; part of it, the rest starting at
 * `position` next time; or not at all (a damaged or vanished file).
 */
export type SnapshotLoad =
  | { ok: true; done: true }
  | { ok: true; done: false; position: SnapshotJoinPosition }
  | { ok: false; detail: string };

export interface SyncOptions {
  /** This PC's readable name, shown to the other PCs. */
  name: string;
  now?: () => Date;
  /** Make the folder a new sync root if it has none. Only on the user's explicit request. */
  initFolder?: boolean;
  /** Accept a folder whose root differs from the one this ledger synced with. Explicit only. */
  joinOtherRoot?: boolean;
  /** Changes per journal file (default 2000). */
  batchSize?: number;
  /** Stop reading after this long (default 10 s); the rest comes next time. */
  timeBudgetMs?: number;
  /** Write a snapshot once this many changes arrived or left since the last one (default 5000; 0 never). */
  snapshotEvery?: number;
  /** Write a snapshot now. */
  forceSnapshot?: boolean;
  /** Own snapshots kept in the folder (default 2). */
  keepSnapshots?: number;
  /**
   * Load a snapshot chosen to join from (its head already read). By default it is read whole
   * and merged with ledger.loadSnapshot; the app loads it in bounded pieces over several
   * rounds instead (electron/services/sync.ts), answering done: false until the last piece.
   */
  loadSnapshot?: (
    folder: SyncFolder,
    rootId: string,
    name: string,
    head: SnapshotHead,
    /** Where the previous sync stopped in this snapshot, if it is the one being joined. */
    resume: SnapshotJoinPosition | undefined,
  ) => Promise<SnapshotLoad>;
}

export interface SyncReport {
  status: SyncStatus;
  /** Own changes published to the folder this time. */
  published: number;
  /** Remote changes merged this time (applied: changed something). */
  applied: number;
  unchanged: number;
  /** Conflicts found this time (the ledger keeps the full list). */
  conflicts: SyncConflict[];
  /** Changes newly set aside this time. */
  setAside: number;
  /** Snapshot joined from / written, if any. */
  snapshotLoaded?: string;
  snapshotWritten?: string;
  /** Own journal files removed (every PC had read them). */
  compacted: number;
  /** The time budget ran out before everything was read. */
  more: boolean;
}

const DEFAULT_BATCH = 2000;
const APPLY_BATCH = 20_000;

function emptyReport(status: SyncStatus): SyncReport {
  return {
    status,
    published: 0,
    applied: 0,
    unchanged: 0,
    conflicts: [],
    setAside: 0,
    compacted: 0,
    more: false,
  };
}

/** What the status bar shows when the folder cannot be used. */
async function disconnected(
  ledger: LedgerSide,
  cursors: SyncCursors | null,
  reason: NotConnectedReason,
  detail: string,
  warnings: string[] = [],
): Promise<SyncStatus> {
  const c = cursors ?? (await ledger.readCursors());
  const counts = await ledger.counts();
  return {
    connected: false,
    reason,
    detail,
    rootId: c.rootId,
    lastSyncAt: c.lastSyncAt,
    waiting: Math.max(0, (await ledger.lastSeq()) - (c.rootId ? c.written : 0)),
    ...counts,
    peers: [],
    warnings,
  };
}

/** One sync in progress: what every step reads and moves forward. */
interface SyncRun {
  ledger: LedgerSide;
  folder: SyncFolder;
  options: SyncOptions;
  now: () => Date;
  /** This PC's node id. */
  me: string;
  rootId: string;
  /** This ledger has not synced with this root before. */
  fresh: boolean;
  /** The cursors as they move; saved with `save`. */
  cursors: SyncCursors;
  report: SyncReport;
  warnings: string[];
  /** Date.now() when the sync began, for the time budget. */
  started: number;
  save: () => Promise<void>;
  /** Count a merge's outcome in the report. */
  absorb: (result: ApplyResult) => void;
}

/** Run one sync. Never throws for folder trouble: the report's status says what happened. */
export async function syncOnce(
  ledger: LedgerSide,
  folder: SyncFolder,
  options: SyncOptions,
): Promise<SyncReport> {
  const opened = await openRun(ledger, folder, options);
  if ('status' in opened) return opened;
  const run = opened.run;
  try {
    let journals = await folder.listJournals();
    await publishOwnChanges(run, journals);
    const knownPeers = await folder.readPeers(run.rootId);
    await joinFromSnapshot(run, journals, knownPeers);
    journals = run.report.published > 0 ? await folder.listJournals() : journals;
    await readOtherJournals(run, journals);
    await retryWhatWaited(run);
    const peers = await writePeerFile(run, knownPeers);
    await writeSnapshotWhenDue(run);
    run.report.compacted = await compactOwnJournal(
      folder,
      run.me,
      run.cursors,
      peers,
      journals.get(run.me) ?? [],
    );
    run.report.status = await connectedStatus(run, peers);
    return run.report;
  } catch (err) {
    // The folder went away or hung mid-sync: what was done is saved; the rest waits.
    await run.save().catch(() => undefined);
    run.report.status = await disconnected(ledger, run.cursors, reasonOf(err), String(err), run.warnings);
    return run.report;
  }
}

/**
 * Steps 1 and the start: read the root file (making one only when asked), refuse a foreign root,
 * and load the cursors (empty ones for a root this ledger has not synced with). A folder that
 * cannot be used gives a report whose status says why.
 */
async function openRun(
  ledger: LedgerSide,
  folder: SyncFolder,
  options: SyncOptions,
): Promise<SyncReport | { run: SyncRun }> {
  const now = options.now ?? (() => new Date());
  const started = Date.now();
  let check;
  let created = false;
  try {
    check = await folder.readRoot();
    if (!check.ok && options.initFolder && (check.reason === 'no-root' || check.reason === 'unreachable')) {
      await folder.initRoot(now());
      created = true;
      check = await folder.readRoot();
    }
  } catch (err) {
    return emptyReport(await disconnected(ledger, null, reasonOf(err), String(err)));
  }
  if (!check.ok) return emptyReport(await disconnected(ledger, null, check.reason, check.detail));
  const rootId = check.root.rootId;

  let cursors = await ledger.readCursors();
  if (cursors.rootId !== null && cursors.rootId !== rootId && !options.joinOtherRoot && !created) {
    return emptyReport(
      await disconnected(
        ledger,
        cursors,
        'other-root',
        `the folder holds sync root ${rootId}, this PC synced with ${cursors.rootId}; join it explicitly`,
      ),
    );
  }
  const fresh = cursors.rootId !== rootId;
  if (fresh) cursors = { ...EMPTY_CURSORS, rootId, read: {}, snapshotCovers: {} };
  const report = emptyReport(undefined as unknown as SyncStatus);
  const run: SyncRun = {
    ledger,
    folder,
    options,
    now,
    me: ledger.nodeId,
    rootId,
    fresh,
    cursors,
    report,
    warnings: [],
    started,
    save: async () => ledger.saveCursors({ ...run.cursors, read: { ...run.cursors.read } }),
    absorb: (r) => {
      report.applied += r.applied;
      report.unchanged += r.unchanged;
      report.conflicts.push(...r.conflicts);
      report.setAside += r.setAside.length;
    },
  };
  return { run };
}

/** Step 2: this PC's new changes into journal files, blobs before the file that refers to them. */
async function publishOwnChanges(run: SyncRun, journals: Map<string, JournalFileRef[]>): Promise<void> {
  const { ledger, folder, cursors, report, warnings, me, rootId } = run;
  const batchSize = run.options.batchSize ?? DEFAULT_BATCH;
  const ownFiles = journals.get(me) ?? [];
  const ownMax = ownFiles.reduce((max, f) => Math.max(max, f.to), 0);
  const lastSeq = await ledger.lastSeq();
  if (ownMax > lastSeq) {
    warnings.push(
      `the folder holds changes ${lastSeq + 1}–${ownMax} of this PC that its ledger does not have ` +
        `(ledger restored from an older copy?): not publishing until resolved`,
    );
    return;
  }
  // A sync interrupted between rename and saving the cursor already published these.
  cursors.written = Math.max(cursors.written, ownMax);
  for (;;) {
    const batch = await ledger.readOutbox(cursors.written, batchSize);
    if (batch.length === 0) break;
    for (const change of batch) {
      for (const meta of change.attachments ?? []) {
        if (await folder.hasBlob(meta.sha256)) continue;
        const bytes = await ledger.readBlob(meta.sha256);
        if (bytes) await folder.writeBlob(meta.sha256, bytes);
        else warnings.push(`attachment ${meta.name} (${meta.sha256.slice(0, 12)}) is missing on this PC`);
      }
    }
    await folder.writeJournal(rootId, me, batch);
    cursors.written = batch[batch.length - 1]!.seq;
    report.published += batch.length;
  }
  // Saved once: if the sync stops before, the files in the folder tell (ownMax above).
  if (report.published > 0) await run.save();
}

/**
 * What this PC lacks of each other PC: the seqs before its first journal file still in the
 * folder, or, when all its files were compacted, everything it says it published.
 */
function journalGaps(
  run: SyncRun,
  journals: Map<string, JournalFileRef[]>,
  knownPeers: PeerFile[],
): { nodeId: string; needs: number }[] {
  const gapped: { nodeId: string; needs: number }[] = [];
  const nodes = new Set([...journals.keys(), ...knownPeers.map((p) => p.nodeId)]);
  for (const nodeId of nodes) {
    if (nodeId === run.me) continue;
    const read = run.cursors.read[nodeId] ?? 0;
    const list = journals.get(nodeId) ?? [];
    const next = list.find((f) => f.to > read);
    const published = knownPeers.find((p) => p.nodeId === nodeId)?.written ?? 0;
    const needs = next ? next.from - 1 : list.length === 0 ? published : 0;
    if (needs > read) gapped.push({ nodeId, needs });
  }
  return gapped;
}

type WholeSnapshot = { nodeId: string; covers: Record<string, number>; snapshot: LedgerSnapshot };

/**
 * Step 3: join from a snapshot when this PC is new to the root or history it needs was
 * compacted; a join begun by an earlier sync goes on with that snapshot while it is there.
 */
async function joinFromSnapshot(
  run: SyncRun,
  journals: Map<string, JournalFileRef[]>,
  knownPeers: PeerFile[],
): Promise<void> {
  const { folder, cursors } = run;
  const gapped = journalGaps(run, journals, knownPeers);
  const joining = cursors.joining?.name;
  const snapshots =
    run.fresh || gapped.length > 0 || joining !== undefined
      ? (await folder.listSnapshots()).sort((x, y) => Number(y.name === joining) - Number(x.name === joining))
      : [];
  if (joining !== undefined && !snapshots.some((s) => s.name === joining)) delete cursors.joining;
  for (const candidate of snapshots) {
    if (candidate.nodeId === run.me) continue;
    const outcome = await joinFrom(run, candidate.name, gapped);
    if (outcome === 'skipped') continue;
    if (outcome === 'loaded') {
      run.report.snapshotLoaded = candidate.name;
      await run.save();
    }
    break;
  }
}

/**
 * Join from one snapshot if it covers every gap: all of it ('loaded', read cursors moved to its
 * covers), part of it ('partial', the rest next sync) or not at all ('skipped', with a warning
 * when it could not be read).
 */
async function joinFrom(
  run: SyncRun,
  name: string,
  gapped: { nodeId: string; needs: number }[],
): Promise<'loaded' | 'partial' | 'skipped'> {
  const { folder, rootId, cursors, options, me } = run;
  const skip = (detail: string) => {
    run.warnings.push(`snapshot ${name} skipped: ${detail}`);
    return 'skipped' as const;
  };
  // The covers come from the head: a large snapshot is not read whole just to choose it.
  const head = await readSnapshotHead(folder, rootId, name);
  let whole: WholeSnapshot | undefined;
  if (!head.ok) {
    // Only a snapshot written on one line (an older NetDesk) is read whole to learn its covers.
    if (!('oneLine' in head)) return skip(head.detail);
    const read = await folder.readSnapshot(rootId, name);
    if (!read.ok) return skip(read.detail);
    const { nodeId, covers, tables, setAside } = read.file;
    whole = { nodeId, covers, snapshot: { tables, setAside: setAside as never } };
  }
  const covers = whole?.covers ?? (head.ok ? head.head.covers : {});
  // Useful only if it covers every gap (a new PC takes the newest one).
  if (!gapped.every((g) => (covers[g.nodeId] ?? 0) >= g.needs)) return 'skipped';
  if (head.ok && options.loadSnapshot) {
    const resume = cursors.joining?.name === name ? cursors.joining : undefined;
    const loaded = await options.loadSnapshot(folder, rootId, name, head.head, resume);
    if (!loaded.ok) {
      delete cursors.joining;
      return skip(loaded.detail);
    }
    if (!loaded.done) {
      // Part of it went in: remember where the rest starts; the read cursors move only once
      // all of it is in. The next sync goes on from there.
      cursors.joining = loaded.position;
      await run.save();
      run.report.more = true;
      return 'partial';
    }
    delete cursors.joining;
  } else {
    if (!whole) {
      const read = await folder.readSnapshot(rootId, name);
      if (!read.ok) return skip(read.detail);
      const { nodeId, tables, setAside } = read.file;
      whole = { nodeId, covers, snapshot: { tables, setAside: setAside as never } };
    }
    run.absorb(await run.ledger.loadSnapshot(whole.nodeId, whole.snapshot, run.now().getTime()));
  }
  for (const [nodeId, seq] of Object.entries(covers))
    if (nodeId !== me) cursors.read[nodeId] = Math.max(cursors.read[nodeId] ?? 0, seq);
  return 'loaded';
}

/**
 * Step 4: the other PCs' journals in seq order, past each one's cursor. A file not whole yet
 * stops that PC's reading until next time; the time budget stops all of it.
 */
async function readOtherJournals(run: SyncRun, journals: Map<string, JournalFileRef[]>): Promise<void> {
  for (const [nodeId, files] of [...journals].sort(([a], [b]) => a.localeCompare(b))) {
    if (nodeId === run.me) continue;
    if ((await readNodeJournals(run, nodeId, files)) === 'out-of-time') return;
  }
}

/**
 * One PC's journal files. Changes of several files are merged in one go (one ledger write with
 * the cursor), up to APPLY_BATCH at a time: merging is cheap, writing the ledger is not.
 */
async function readNodeJournals(
  run: SyncRun,
  nodeId: string,
  files: JournalFileRef[],
): Promise<'read' | 'out-of-time'> {
  const { cursors, warnings } = run;
  const budget = run.options.timeBudgetMs ?? 10_000;
  let pending: SyncChange[] = [];
  let pendingTo = cursors.read[nodeId] ?? 0;
  const flush = async () => {
    if (pendingTo === (cursors.read[nodeId] ?? 0)) return;
    for (const change of pending) for (const meta of change.attachments ?? []) await fetchBlob(run, meta);
    const next = { ...cursors, read: { ...cursors.read, [nodeId]: pendingTo } };
    run.absorb(await run.ledger.applyRemote(nodeId, pending, run.now().getTime(), next));
    cursors.read[nodeId] = pendingTo;
    pending = [];
  };
  // The next file is asked for while this one is checked and merged: over WebDAV its GET
  // crosses the line while this PC works, not after (one file ahead, so memory stays bounded).
  const ahead = new Map<string, Promise<JournalRead>>();
  const read = (file: JournalFileRef) => {
    const started = ahead.get(file.name) ?? run.folder.readJournal(run.rootId, file);
    ahead.delete(file.name);
    return started;
  };
  const readAhead = (file: JournalFileRef | undefined) => {
    if (!file || ahead.has(file.name)) return;
    const started = run.folder.readJournal(run.rootId, file);
    // Not needed after all (out of time, a file not whole): its failure is nobody's concern.
    started.catch(() => undefined);
    ahead.set(file.name, started);
  };
  for (const [i, file] of files.entries()) {
    if (file.to <= pendingTo) continue;
    if (file.from > pendingTo + 1) {
      warnings.push(
        `changes ${pendingTo + 1}–${file.from - 1} of ${nodeId} are not in the folder (yet): waiting`,
      );
      break;
    }
    if (Date.now() - run.started > budget) {
      await flush();
      run.report.more = true;
      return 'out-of-time';
    }
    const reading = read(file);
    readAhead(files[i + 1]);
    const result = await reading;
    if (result.status !== 'ok') {
      warnings.push(`journal/${nodeId}/${file.name} skipped (${result.status}): ${result.detail}`);
      break;
    }
    const after = pendingTo;
    pending.push(...result.changes.filter((c) => c.seq > after));
    pendingTo = file.to;
    if (pending.length >= APPLY_BATCH) await flush();
  }
  await flush();
  return 'read';
}

/** Step 5: blobs that were not in the folder last time, and the set-aside changes, again. */
async function retryWhatWaited(run: SyncRun): Promise<void> {
  const stillMissing = run.cursors.missingBlobs;
  run.cursors.missingBlobs = [];
  for (const meta of stillMissing) await fetchBlob(run, meta);
  const retried = await run.ledger.retrySetAside(run.now().getTime());
  run.report.applied += retried.applied;
  run.report.conflicts.push(...retried.conflicts);
}

/** The peers file: this PC's cursors, read by everyone for compaction and the status. */
async function writePeerFile(run: SyncRun, knownPeers: PeerFile[]): Promise<PeerFile[]> {
  const { cursors } = run;
  cursors.lastSyncAt = run.now().toISOString();
  await run.save();
  const peer: PeerFile = {
    format: SYNC_FORMAT,
    version: SYNC_VERSION,
    rootId: run.rootId,
    nodeId: run.me,
    name: run.options.name,
    lastSyncAt: cursors.lastSyncAt,
    written: cursors.written,
    read: cursors.read,
  };
  await run.folder.writePeer(peer);
  return [...knownPeers.filter((p) => p.nodeId !== run.me), peer];
}

/** A snapshot once enough changes came and went since the last (or when asked); old ones removed. */
async function writeSnapshotWhenDue(run: SyncRun): Promise<void> {
  const { cursors, options, folder, me, now } = run;
  const total = cursors.written + Object.values(cursors.read).reduce((a, b) => a + b, 0);
  const every = options.snapshotEvery ?? SNAPSHOT_EVERY;
  if (!options.forceSnapshot && !(every > 0 && total - cursors.snapshotTotal >= every)) return;
  const covers = { ...cursors.read, [me]: cursors.written };
  const snapshot = await run.ledger.snapshot();
  const stamp = formatHlc({ wallMs: now().getTime(), counter: 0, nodeId: me });
  run.report.snapshotWritten = await folder.writeSnapshot(run.rootId, me, stamp, now(), covers, snapshot);
  cursors.snapshotTotal = total;
  cursors.snapshotCovers = covers;
  await run.save();
  const own = (await folder.listSnapshots()).filter((s) => s.nodeId === me);
  for (const old of own.slice(Math.max(1, options.keepSnapshots ?? 2))) await folder.removeSnapshot(old.name);
}

async function connectedStatus(run: SyncRun, peers: PeerFile[]): Promise<SyncStatus> {
  const counts = await run.ledger.counts();
  return {
    connected: true,
    rootId: run.rootId,
    lastSyncAt: run.cursors.lastSyncAt,
    waiting: Math.max(0, (await run.ledger.lastSeq()) - run.cursors.written),
    ...counts,
    peers: peers
      .map((p) => ({ nodeId: p.nodeId, name: p.name, lastSyncAt: p.lastSyncAt }))
      .sort((a, b) => a.nodeId.localeCompare(b.nodeId)),
    warnings: run.warnings,
  };
}

/** An attachment's bytes from the folder; one not there yet is remembered for the next sync. */
async function fetchBlob(run: SyncRun, meta: AttachmentMeta): Promise<void> {
  const { ledger, cursors } = run;
  if (await ledger.hasBlob(meta.sha256)) return;
  const bytes = await run.folder.readBlob(meta.sha256);
  if (bytes) await ledger.storeBlob(meta, bytes);
  else if (!cursors.missingBlobs.some((m) => m.sha256 === meta.sha256)) cursors.missingBlobs.push(meta);
}

/**
 * Remove this PC's journal files that are no longer needed: every PC that ever wrote to the
 * folder (a journal folder or a peers file) has read past them, and this PC's latest snapshot
 * covers them (so a PC that joins later still finds that history). Files of other PCs are never
 * touched.
 */
async function compactOwnJournal(
  folder: SyncFolder,
  me: string,
  cursors: SyncCursors,
  peers: PeerFile[],
  ownFiles: JournalFileRef[],
): Promise<number> {
  const covered = cursors.snapshotCovers[me] ?? 0;
  if (covered === 0 || ownFiles.length === 0) return 0;
  const journals = await folder.listJournals();
  const known = new Set([...journals.keys(), ...peers.map((p) => p.nodeId)]);
  known.delete(me);
  const byNode = new Map(peers.map((p) => [p.nodeId, p]));
  let readByAll = covered;
  for (const nodeId of known) readByAll = Math.min(readByAll, byNode.get(nodeId)?.read[me] ?? 0);
  let removed = 0;
  for (const file of ownFiles) {
    if (file.to > readByAll) break;
    await folder.removeJournal(file);
    removed++;
  }
  return removed;
}

/** The status without syncing (cheap: root file, peers files, ledger counts). */
export async function readSyncStatus(ledger: LedgerSide, folder: SyncFolder): Promise<SyncStatus> {
  try {
    const check = await folder.readRoot();
    if (!check.ok) return await disconnected(ledger, null, check.reason, check.detail);
    const cursors = await ledger.readCursors();
    if (cursors.rootId !== null && cursors.rootId !== check.root.rootId)
      return await disconnected(
        ledger,
        cursors,
        'other-root',
        `the folder holds sync root ${check.root.rootId}`,
      );
    const peers = await folder.readPeers(check.root.rootId);
    return {
      connected: true,
      rootId: check.root.rootId,
      lastSyncAt: cursors.lastSyncAt,
      waiting: Math.max(0, (await ledger.lastSeq()) - (cursors.rootId ? cursors.written : 0)),
      ...(await ledger.counts()),
      peers: peers.map((p) => ({ nodeId: p.nodeId, name: p.name, lastSyncAt: p.lastSyncAt })),
      warnings: [],
    };
  } catch (err) {
    return disconnected(ledger, null, reasonOf(err), String(err));
  }
}
