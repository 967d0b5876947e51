// Check a sync folder without changing anything: every file is read and judged as whole, cut
// off (partial), damaged (bad) or not NetDesk's (foreign). Used by `netdesk verify` and by an
// admin who wonders why a PC does not see another's changes.
import { join } from 'node:path';
import {
  BLOB_DIR,
  JOURNAL_DIR,
  PEER_DIR,
  ROOT_FILE,
  SHA256,
  SNAPSHOT_DIR,
  TEMP_NAME,
  isNodeId,
  parseJournalName,
  parsePeerName,
  parseSnapshotName,
  peerFileSchema,
} from '../../shared/sync/format';
import { decodeJournal, decodeSnapshot, sha256Hex, SyncFolder } from './folder';
import { errorCode, type SyncFs } from './fs';
import { readSnapshotHead, verifySnapshotFile } from './snapshot-stream';

export interface FolderProblem {
  /** Path relative to the sync folder, with '/'. */
  path: string;
  kind: 'bad' | 'partial' | 'foreign';
  detail: string;
}

export interface FolderCheck {
  rootId: string | null;
  /** Files found whole and valid. */
  good: number;
  problems: FolderProblem[];
}

const TOP_LEVEL = new Set([ROOT_FILE, JOURNAL_DIR, BLOB_DIR, SNAPSHOT_DIR, PEER_DIR]);

export async function verifyFolder(fs: SyncFs, dir: string): Promise<FolderCheck> {
  const check: FolderCheck = { rootId: null, good: 0, problems: [] };
  const problem = (path: string, kind: FolderProblem['kind'], detail: string) =>
    check.problems.push({ path, kind, detail });
  const root = await new SyncFolder(dir, fs).readRoot();
  if (!root.ok) {
    problem(ROOT_FILE, 'bad', `${root.reason}: ${root.detail}`);
    if (root.reason === 'unreachable' || root.reason === 'timeout') return check;
  } else {
    check.rootId = root.root.rootId;
    check.good++;
  }
  const rootId = check.rootId ?? '';
  const list = async (...parts: string[]) => {
    try {
      return (await fs.readdir(join(dir, ...parts))).sort();
    } catch (err) {
      if (errorCode(err) === 'ENOENT' || errorCode(err) === 'ENOTDIR') return null;
      throw err;
    }
  };
  const read = (...parts: string[]) => fs.readFile(join(dir, ...parts));
  /** Temp files are writes that never finished (or are finishing now). */
  const strayOr = (path: string, name: string, otherwise: string) =>
    TEMP_NAME.test(name)
      ? problem(path, 'partial', 'unfinished write (temporary file)')
      : problem(path, 'foreign', otherwise);

  for (const name of (await list()) ?? []) {
    if (!TOP_LEVEL.has(name)) strayOr(name, name, 'not a NetDesk sync file');
  }

  for (const nodeId of (await list(JOURNAL_DIR)) ?? []) {
    const files = await list(JOURNAL_DIR, nodeId);
    const base = `${JOURNAL_DIR}/${nodeId}`;
    if (!isNodeId(nodeId) || files === null) {
      strayOr(base, nodeId, 'not a PC journal folder');
      continue;
    }
    let lastTo = 0;
    for (const name of files) {
      const path = `${base}/${name}`;
      const range = parseJournalName(name);
      if (!range) {
        strayOr(path, name, 'not a journal file name');
        continue;
      }
      const result = decodeJournal(await read(JOURNAL_DIR, nodeId, name), { rootId, nodeId, name });
      if (result.status !== 'ok') problem(path, result.status, result.detail);
      else if (range.from <= lastTo) problem(path, 'bad', `overlaps the file before it (up to ${lastTo})`);
      else check.good++;
      lastTo = Math.max(lastTo, range.to);
    }
  }

  for (const name of (await list(BLOB_DIR)) ?? []) {
    const path = `${BLOB_DIR}/${name}`;
    if (!SHA256.test(name)) strayOr(path, name, 'not an attachment (name is not a SHA-256)');
    else if (sha256Hex(await read(BLOB_DIR, name)) !== name)
      problem(path, 'bad', 'content does not match its hash');
    else check.good++;
  }

  for (const name of (await list(SNAPSHOT_DIR)) ?? []) {
    const path = `${SNAPSHOT_DIR}/${name}`;
    if (!parseSnapshotName(name)) {
      strayOr(path, name, 'not a snapshot file name');
      continue;
    }
    // Checked in ranges against its hash (a ten-year snapshot is more than one string can
    // hold); one written on one line by an older NetDesk is read whole.
    const folder = new SyncFolder(dir, fs);
    const head = await readSnapshotHead(folder, rootId, name);
    const result = head.ok
      ? await verifySnapshotFile(folder, head.head, name)
      : 'oneLine' in head
        ? decodeSnapshot(await read(SNAPSHOT_DIR, name), rootId)
        : head;
    if (result.ok) check.good++;
    else
      problem(
        path,
        result.detail.startsWith('written for')
          ? 'foreign'
          : /cut off/.test(result.detail)
            ? 'partial'
            : 'bad',
        result.detail,
      );
  }

  for (const name of (await list(PEER_DIR)) ?? []) {
    const path = `${PEER_DIR}/${name}`;
    const nodeId = parsePeerName(name);
    if (!nodeId) {
      strayOr(path, name, 'not a peers file name');
      continue;
    }
    let parsed;
    try {
      parsed = peerFileSchema.safeParse(JSON.parse(new TextDecoder().decode(await read(PEER_DIR, name))));
    } catch {
      parsed = null;
    }
    if (!parsed?.success || parsed.data.nodeId !== nodeId) problem(path, 'bad', 'not a valid peers file');
    else if (parsed.data.rootId !== rootId)
      problem(path, 'foreign', `written for sync root ${parsed.data.rootId}`);
    else check.good++;
  }
  return check;
}
