// Snapshots in pieces, both ways. A ten-year ledger (~1.5 M records) makes a snapshot of more
// than a gigabyte of JSON: more than one request can carry, more than one JavaScript string can
// hold, and more than the main process should keep in memory. So:
//
// - Writing: the records arrive a part at a time and are appended to a temp file beside the
//   final name; only when the last part is in and flushed is the file renamed into place
//   (temp-then-rename, like every file this PC writes), so no other PC reads half a snapshot.
//   SyncFolder.writeSnapshot writes the same layout in one go.
// - Reading: the head (covers) is read alone; the whole file is checked against its hash in
//   ranges before anything of it is used; then its records are read from a byte offset, a
//   bounded number at a time, so a new PC joins over several sync rounds.
//
// The layout is one JSON document (decodeSnapshot reads it whole too), one record per line:
//
//   {"format":"netdesk-sync","version":1,"kind":"snapshot","rootId":…,"nodeId":…,"takenAt":…,"covers":{…},"tables":{
//   "people":[
//   {…record…}
//   ,{…record…}
//   ],"devices":[
//   {…record…}
//   ]},"setAside":[
//   {…change…}
//   ],"sha256":"…"}
//
// Its sha256 is the hash of the compact JSON of {covers, tables, setAside}, that is of
// `{"covers":…,"tables":{` followed by every line between the first and the last, then `]}`.
import { createHash, type Hash } from 'node:crypto';
import { join } from 'node:path';
import { parseHlc } from '../../shared/hlc';
import {
  SNAPSHOT_DIR,
  SYNC_FORMAT,
  SYNC_VERSION,
  snapshotFileSchema,
  snapshotName,
} from '../../shared/sync/format';
import type { LedgerSnapshot, SetAsideChange } from '../../shared/sync/types';
import type { SyncFolder } from './folder';
import { errorCode, FileExistsError, renameIntoPlace, tempNameFor, type AtomicWriteOptions } from './fs';

/** A part that does not fit the snapshot being written (a table again, records after set-aside). */
export class SnapshotStreamError extends Error {
  override readonly name = 'SnapshotStreamError';
}

export interface SnapshotStreamStart {
  rootId: string;
  nodeId: string;
  /** The maker's clock stamp, which names the file (and orders snapshots). */
  stamp: string;
  takenAt: Date;
  /** Per PC: the seq up to which the snapshot holds its changes. */
  covers: Record<string, number>;
}

/** The head of the document, up to and with `"tables":{`. */
function headText(meta: SnapshotStreamStart): string {
  return (
    `{"format":${JSON.stringify(SYNC_FORMAT)},"version":${SYNC_VERSION},"kind":"snapshot",` +
    `"rootId":${JSON.stringify(meta.rootId)},"nodeId":${JSON.stringify(meta.nodeId)},` +
    `"takenAt":${JSON.stringify(meta.takenAt.toISOString())},"covers":${JSON.stringify(meta.covers)},"tables":{`
  );
}

/**
 * The pieces of a snapshot document in order, each line both hashed and written; `sink` gets
 * the text to write (a file append, or a list of strings for a snapshot written whole).
 */
class SnapshotWriter {
  private readonly hash: Hash = createHash('sha256');
  private table: string | null = null;
  private readonly closedTables = new Set<string>();
  private inTable = 0;
  private setAsideOpen = false;
  private setAsideCount = 0;
  finished = false;
  records = 0;

  constructor(
    meta: SnapshotStreamStart,
    private readonly sink: (text: string) => Promise<void>,
  ) {
    this.hash.update(`{"covers":${JSON.stringify(meta.covers)},"tables":{`);
  }

  async addRecords(table: string, records: readonly object[]): Promise<void> {
    if (this.finished) throw new SnapshotStreamError('the snapshot is already complete');
    if (this.setAsideOpen) throw new SnapshotStreamError('records after the set-aside changes');
    const lines: string[] = [];
    if (table !== this.table) {
      if (this.closedTables.has(table) || table === '')
        throw new SnapshotStreamError(`records of ${table} after that table was complete`);
      lines.push(`${this.table === null ? '' : '],'}${JSON.stringify(table)}:[`);
      if (this.table !== null) this.closedTables.add(this.table);
      this.table = table;
      this.inTable = 0;
    }
    for (const record of records) lines.push(`${this.inTable++ === 0 ? '' : ','}${JSON.stringify(record)}`);
    this.records += records.length;
    await this.write(lines);
  }

  async addSetAside(changes: readonly object[]): Promise<void> {
    if (this.finished) throw new SnapshotStreamError('the snapshot is already complete');
    const lines = this.openSetAside();
    for (const change of changes)
      lines.push(`${this.setAsideCount++ === 0 ? '' : ','}${JSON.stringify(change)}`);
    await this.write(lines);
  }

  async finish(): Promise<void> {
    if (this.finished) throw new SnapshotStreamError('the snapshot is already complete');
    await this.write(this.openSetAside());
    this.hash.update(']}');
    this.finished = true;
    await this.sink(`\n],"sha256":"${this.hash.digest('hex')}"}\n`);
  }

  private openSetAside(): string[] {
    if (this.setAsideOpen) return [];
    this.setAsideOpen = true;
    if (this.table !== null) this.closedTables.add(this.table);
    return [`${this.table === null ? '' : ']'}},"setAside":[`];
  }

  private async write(lines: string[]) {
    if (lines.length === 0) return;
    for (const line of lines) this.hash.update(line);
    await this.sink(`\n${lines.join('\n')}`);
  }
}

/** A whole snapshot as the text of its file (small snapshots: the engine and the replica). */
export async function encodeSnapshot(meta: SnapshotStreamStart, snapshot: LedgerSnapshot): Promise<string> {
  const out: string[] = [headText(meta)];
  const writer = new SnapshotWriter(meta, (text) => {
    out.push(text);
    return Promise.resolve();
  });
  for (const [table, records] of Object.entries(snapshot.tables))
    if (records && records.length > 0) await writer.addRecords(table, records);
  await writer.addSetAside(snapshot.setAside);
  await writer.finish();
  return out.join('');
}

/** A snapshot being written part by part into a temp file of the folder. */
export class SnapshotStream {
  private constructor(
    private readonly folder: SyncFolder,
    readonly name: string,
    private readonly path: string,
    readonly temp: string,
    private readonly writer: SnapshotWriter,
    private readonly writeOptions: AtomicWriteOptions,
  ) {}

  /** Open the temp file and write the head of the document. */
  static async start(
    folder: SyncFolder,
    meta: SnapshotStreamStart,
    writeOptions: AtomicWriteOptions = {},
  ): Promise<SnapshotStream> {
    parseHlc(meta.stamp); // throws HlcError for a malformed stamp
    const name = snapshotName(meta.nodeId, meta.stamp);
    const dir = join(folder.dir, SNAPSHOT_DIR);
    const path = join(dir, name);
    await folder.fs.mkdir(dir);
    if (await folder.fs.exists(path)) throw new FileExistsError(`a snapshot already has this name: ${path}`);
    const temp = tempNameFor(path);
    await folder.fs.writeFile(temp, headText(meta));
    const writer = new SnapshotWriter(meta, (text) => folder.fs.appendFile(temp, text));
    return new SnapshotStream(folder, name, path, temp, writer, writeOptions);
  }

  /** Records written so far (all tables). */
  get records() {
    return this.writer.records;
  }

  /** Append records of one table. A table's records come together: a table seen before is refused. */
  addRecords(table: string, records: readonly object[]): Promise<void> {
    return this.writer.addRecords(table, records);
  }

  /** Append the maker's set-aside changes (after every table's records). */
  addSetAside(changes: readonly object[]): Promise<void> {
    return this.writer.addSetAside(changes);
  }

  /** Close the document, flush it, and rename it into place. Returns the snapshot's name. */
  async finish(): Promise<string> {
    await this.writer.finish();
    // Snapshot names carry the maker's clock stamp: one already there is not ours to replace.
    if (await this.folder.fs.exists(this.path)) {
      await this.abort();
      throw new FileExistsError(`a snapshot already has this name: ${this.path}`);
    }
    await renameIntoPlace(this.folder.fs, this.temp, this.path, this.writeOptions);
    return this.name;
  }

  /** Drop the temp file (an upload abandoned or refused). */
  async abort(): Promise<void> {
    this.writer.finished = true;
    await this.folder.fs.unlink(this.temp).catch(() => undefined);
  }
}

// ── Reading in pieces ───────────────────────────────────────────────────────────────────────

/** Bytes read per call; a line (one record) longer than this is not this layout. */
const READ_BYTES = 8 * 1024 * 1024;
const decoder = new TextDecoder('utf-8', { fatal: true });
const END_LINE = /^\],"sha256":"([0-9a-f]{64})"\}$/;
const TABLE_LINE = /^(?:\],)?"([A-Za-z]{1,64})":\[$/;
const SET_ASIDE_LINE = /^\]?\},"setAside":\[$/;

export interface SnapshotHead {
  nodeId: string;
  takenAt: string;
  covers: Record<string, number>;
  /** Byte offset of the line after the head: where the records start. */
  bodyStart: number;
}

export type SnapshotHeadRead =
  | { ok: true; head: SnapshotHead }
  /** Not a snapshot of this root, or not readable (yet). */
  | { ok: false; detail: string }
  /** A snapshot written whole on one line (an older NetDesk): to be read whole. */
  | { ok: false; oneLine: true; detail: string };

function snapshotPath(folder: SyncFolder, name: string) {
  return join(folder.dir, SNAPSHOT_DIR, name);
}

/** Read the head of a snapshot (its covers) without reading the rest. */
export async function readSnapshotHead(
  folder: SyncFolder,
  rootId: string,
  name: string,
): Promise<SnapshotHeadRead> {
  let bytes: Uint8Array;
  try {
    bytes = await folder.fs.readRange(snapshotPath(folder, name), 0, 256 * 1024);
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return { ok: false, detail: 'listed but not readable yet' };
    throw err;
  }
  const end = bytes.indexOf(0x0a);
  const marker = ',"tables":{';
  // Not fatal: a probe of a one-line file may end inside a character.
  const text = new TextDecoder().decode(end < 0 ? bytes : bytes.subarray(0, end));
  const at = text.indexOf(marker);
  if (at < 0) return { ok: false, detail: 'not a NetDesk snapshot (no head)' };
  if (end < 0 || end !== at + marker.length)
    return { ok: false, oneLine: true, detail: 'a snapshot on one line' };
  let doc: unknown;
  try {
    doc = JSON.parse(`${text.slice(0, at)},"tables":{},"setAside":[],"sha256":"${'0'.repeat(64)}"}`);
  } catch {
    return { ok: false, detail: 'not a NetDesk snapshot (head is not JSON)' };
  }
  const parsed = snapshotFileSchema.safeParse(doc);
  if (!parsed.success) return { ok: false, detail: 'not a NetDesk snapshot' };
  if (parsed.data.rootId !== rootId)
    return { ok: false, detail: `written for sync root ${parsed.data.rootId}` };
  const { nodeId, takenAt, covers } = parsed.data;
  return { ok: true, head: { nodeId, takenAt, covers, bodyStart: end + 1 } };
}

/** Lines of a file from a byte offset, read a range at a time; each with the offset after it. */
async function* linesFrom(
  folder: SyncFolder,
  name: string,
  start: number,
): AsyncGenerator<{ line: string; next: number }> {
  const path = snapshotPath(folder, name);
  let offset = start;
  for (;;) {
    const bytes = await folder.fs.readRange(path, offset, READ_BYTES);
    if (bytes.byteLength === 0) return;
    let from = 0;
    for (;;) {
      const end = bytes.indexOf(0x0a, from);
      if (end < 0) break;
      yield { line: decoder.decode(bytes.subarray(from, end)), next: offset + end + 1 };
      from = end + 1;
    }
    if (from === 0) {
      if (bytes.byteLength < READ_BYTES) return; // the file ends without a line break: cut off
      throw new SnapshotStreamError(`a line longer than ${READ_BYTES} bytes`);
    }
    offset += from;
  }
}

/**
 * Check a whole snapshot against its hash, reading it a range at a time. Nothing of a snapshot
 * is used before this passed: a cut-off or damaged copy is refused, like a journal file.
 */
export async function verifySnapshotFile(
  folder: SyncFolder,
  head: SnapshotHead,
  name: string,
): Promise<{ ok: true } | { ok: false; detail: string }> {
  const hash = createHash('sha256').update(`{"covers":${JSON.stringify(head.covers)},"tables":{`);
  try {
    for await (const { line } of linesFrom(folder, name, head.bodyStart)) {
      const end = END_LINE.exec(line);
      if (end) {
        hash.update(']}');
        return hash.digest('hex') === end[1]
          ? { ok: true }
          : { ok: false, detail: 'content does not match its hash' };
      }
      hash.update(line);
    }
  } catch (err) {
    if (err instanceof SnapshotStreamError || err instanceof TypeError)
      return { ok: false, detail: err.message };
    if (errorCode(err) === 'ENOENT') return { ok: false, detail: 'listed but not readable yet' };
    throw err;
  }
  return { ok: false, detail: 'no end line (cut off or still being copied)' };
}

export interface SnapshotChunk {
  /** Records read, by table, in file order. */
  tables: Record<string, Record<string, unknown>[]>;
  setAside: SetAsideChange[];
  records: number;
  /** Where the next chunk starts. */
  next: number;
  /** The table the next chunk's records belong to (a chunk may start inside a table). */
  table: string | null;
  inSetAside: boolean;
  /** The end line was reached: nothing more to read. */
  done: boolean;
}

/**
 * Read up to `max` records (or set-aside changes) of a verified snapshot from a byte offset.
 * `from` is where the previous chunk stopped (its `next`, `table`, `inSetAside`), or the head's
 * bodyStart for the first.
 */
export async function readSnapshotChunk(
  folder: SyncFolder,
  name: string,
  from: { offset: number; table: string | null; inSetAside: boolean },
  max: number,
): Promise<SnapshotChunk> {
  const chunk: SnapshotChunk = {
    tables: {},
    setAside: [],
    records: 0,
    next: from.offset,
    table: from.table,
    inSetAside: from.inSetAside,
    done: false,
  };
  for await (const { line, next } of linesFrom(folder, name, from.offset)) {
    if (chunk.records >= max) break;
    chunk.next = next;
    if (END_LINE.test(line)) {
      chunk.done = true;
      break;
    }
    const tableLine = TABLE_LINE.exec(line);
    if (tableLine) {
      chunk.table = tableLine[1]!;
      continue;
    }
    if (SET_ASIDE_LINE.test(line)) {
      chunk.inSetAside = true;
      continue;
    }
    const item = JSON.parse(line.startsWith(',') ? line.slice(1) : line) as Record<string, unknown>;
    if (chunk.inSetAside) chunk.setAside.push(item as unknown as SetAsideChange);
    else if (chunk.table) (chunk.tables[chunk.table] ??= []).push(item);
    else throw new SnapshotStreamError('a record before its table');
    chunk.records++;
  }
  if (!chunk.done && chunk.records < max)
    throw new SnapshotStreamError('the snapshot ended without its end line');
  return chunk;
}
