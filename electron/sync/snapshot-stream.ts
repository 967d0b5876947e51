// A snapshot written in parts: a ten-year ledger (~1.5 M records, most of a gigabyte of JSON) is
// more than one request can carry and more than one JavaScript string can hold, so its records
// arrive a part at a time and are appended to a temp file beside the final name. Only when the
// last part is in and flushed is the file renamed into place (temp-then-rename, like every
// other file this PC writes), so no other PC ever reads half a snapshot.
//
// The file is the same document SyncFolder.writeSnapshot writes (decodeSnapshot reads both),
// laid out one record per line; its sha256 is the hash of the compact JSON of
// {covers, tables, setAside}, computed as the pieces go by.
import { createHash, type Hash } from 'node:crypto';
import { join } from 'node:path';
import { parseHlc } from '../../shared/hlc';
import { SNAPSHOT_DIR, SYNC_FORMAT, SYNC_VERSION, snapshotName } from '../../shared/sync/format';
import type { SyncFolder } from './folder';
import { FileExistsError, renameIntoPlace, tempNameFor, type AtomicWriteOptions } from './fs';

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

export class SnapshotStream {
  private readonly hash: Hash = createHash('sha256');
  private table: string | null = null;
  private readonly closedTables = new Set<string>();
  private inTable = 0;
  private setAsideOpen = false;
  private setAsideCount = 0;
  private finished = false;
  /** Records written so far (all tables). */
  records = 0;

  private constructor(
    private readonly folder: SyncFolder,
    readonly name: string,
    private readonly path: string,
    readonly temp: string,
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
    const stream = new SnapshotStream(folder, name, path, tempNameFor(path), writeOptions);
    const covers = JSON.stringify(meta.covers);
    const head =
      `{"format":${JSON.stringify(SYNC_FORMAT)},"version":${SYNC_VERSION},"kind":"snapshot",` +
      `"rootId":${JSON.stringify(meta.rootId)},"nodeId":${JSON.stringify(meta.nodeId)},` +
      `"takenAt":${JSON.stringify(meta.takenAt.toISOString())},"covers":${covers},"tables":{`;
    stream.hash.update(`{"covers":${covers},"tables":{`);
    await folder.fs.writeFile(stream.temp, head);
    return stream;
  }

  private get fs() {
    return this.folder.fs;
  }

  /** Append records of one table. A table's records come together: a table seen before is refused. */
  async addRecords(table: string, records: readonly object[]): Promise<void> {
    if (this.finished) throw new SnapshotStreamError('the snapshot is already complete');
    if (this.setAsideOpen) throw new SnapshotStreamError('records after the set-aside changes');
    const hashed: string[] = [];
    const written: string[] = [];
    if (table !== this.table) {
      if (this.closedTables.has(table) || table === '')
        throw new SnapshotStreamError(`records of ${table} after that table was complete`);
      const opening = `${this.table === null ? '' : '],'}${JSON.stringify(table)}:[`;
      if (this.table !== null) this.closedTables.add(this.table);
      this.table = table;
      this.inTable = 0;
      hashed.push(opening);
      written.push(`\n${opening}`);
    }
    for (const record of records) {
      const piece = `${this.inTable++ === 0 ? '' : ','}${JSON.stringify(record)}`;
      hashed.push(piece);
      written.push(`\n${piece}`);
    }
    this.records += records.length;
    await this.append(hashed, written);
  }

  /** Append the maker's set-aside changes (after every table's records). */
  async addSetAside(changes: readonly object[]): Promise<void> {
    if (this.finished) throw new SnapshotStreamError('the snapshot is already complete');
    const hashed: string[] = [];
    const written: string[] = [];
    this.openSetAside(hashed, written);
    for (const change of changes) {
      const piece = `${this.setAsideCount++ === 0 ? '' : ','}${JSON.stringify(change)}`;
      hashed.push(piece);
      written.push(`\n${piece}`);
    }
    await this.append(hashed, written);
  }

  /** Close the document, flush it, and rename it into place. Returns the snapshot's name. */
  async finish(): Promise<string> {
    if (this.finished) throw new SnapshotStreamError('the snapshot is already complete');
    const hashed: string[] = [];
    const written: string[] = [];
    this.openSetAside(hashed, written);
    hashed.push(']}');
    for (const piece of hashed) this.hash.update(piece);
    written.push(`\n],"sha256":"${this.hash.digest('hex')}"}\n`);
    this.finished = true;
    await this.fs.appendFile(this.temp, written.join(''));
    // Snapshot names carry the maker's clock stamp: one already there is not ours to replace.
    if (await this.fs.exists(this.path)) {
      await this.abort();
      throw new FileExistsError(`a snapshot already has this name: ${this.path}`);
    }
    await renameIntoPlace(this.fs, this.temp, this.path, this.writeOptions);
    return this.name;
  }

  /** Drop the temp file (an upload abandoned or refused). */
  async abort(): Promise<void> {
    this.finished = true;
    await this.fs.unlink(this.temp).catch(() => undefined);
  }

  private openSetAside(hashed: string[], written: string[]) {
    if (this.setAsideOpen) return;
    this.setAsideOpen = true;
    if (this.table !== null) this.closedTables.add(this.table);
    const piece = `${this.table === null ? '' : ']'}},"setAside":[`;
    hashed.push(piece);
    written.push(`\n${piece}`);
  }

  private async append(hashed: string[], written: string[]) {
    for (const piece of hashed) this.hash.update(piece);
    if (written.length) await this.fs.appendFile(this.temp, written.join(''));
  }
}
