// Snapshots written and read in pieces: what a new PC joining a ten-year ledger relies on. A
// snapshot written in parts reads back whole exactly like one written at once; its head gives
// the covers without reading the rest; a damaged or cut-off copy fails its hash check before
// anything of it is used; and read a few records at a time from where the last piece stopped,
// it yields every record once, in order, then the set-aside changes.
import { describe, expect, it } from 'vitest';
import type { LedgerSnapshot, SetAsideChange } from '../../shared/sync/types';
import { decodeSnapshot, SyncFolder } from './folder';
import {
  encodeSnapshot,
  readSnapshotChunk,
  readSnapshotHead,
  SnapshotStream,
  verifySnapshotFile,
  type SnapshotHead,
} from './snapshot-stream';
import { MemoryFs } from '../../test/doubles/test-fs';
import { verifyFolder } from './verify-folder';

const rootId = '11111111-2222-4333-8444-555555555555';
const at = '2026-03-02T08:00:00.000Z';
const stamp = `${String(Date.parse(at)).padStart(15, '0')}-0000-aaaaaaaaaaaaaaaa`;
const meta = {
  rootId,
  nodeId: 'aaaaaaaaaaaaaaaa',
  stamp,
  takenAt: new Date(at),
  covers: { aaaaaaaaaaaaaaaa: 7 },
};
const person = (i: number) => ({ id: `p${i}`, name: `员工${i}`, createdAt: at, hlc: { name: stamp } });
const setAside: SetAsideChange = {
  from: 'bbbbbbbbbbbbbbbb',
  change: { seq: 1, table: 'people', id: 'p9', fields: { name: '未来' }, stamps: { name: stamp }, at },
  reason: 'clock-ahead',
  detail: 'two hours ahead',
  since: at,
};
const snapshot: LedgerSnapshot = {
  tables: {
    departments: [{ id: 'd1', name: '信息部', createdAt: at, hlc: {} }] as never,
    people: Array.from({ length: 7 }, (_, i) => person(i)) as never,
  },
  setAside: [setAside],
};

function folderOnMemory() {
  const fs = new MemoryFs();
  return { fs, folder: new SyncFolder('/share', fs) };
}

async function headOf(folder: SyncFolder, name: string): Promise<SnapshotHead> {
  const head = await readSnapshotHead(folder, rootId, name);
  if (!head.ok) throw new Error(head.detail);
  return head.head;
}

describe('snapshots in pieces', () => {
  it('written in parts, reads back whole exactly like one written at once', async () => {
    const { fs, folder } = folderOnMemory();
    const stream = await SnapshotStream.start(folder, meta);
    await stream.addRecords('departments', snapshot.tables.departments!);
    await stream.addRecords('people', snapshot.tables.people!.slice(0, 4));
    await stream.addRecords('people', snapshot.tables.people!.slice(4));
    await stream.addSetAside(snapshot.setAside);
    const name = await stream.finish();
    const inParts = await fs.readFile(`/share/snapshots/${name}`);
    expect(new TextDecoder().decode(inParts)).toBe(await encodeSnapshot(meta, snapshot));
    const decoded = decodeSnapshot(inParts, rootId);
    expect(decoded.ok && decoded.file.tables).toEqual(snapshot.tables);
    expect(decoded.ok && decoded.file.covers).toEqual(meta.covers);
    // No temp file is left behind.
    expect(await fs.readdir('/share/snapshots')).toEqual([name]);
  });

  it('gives the covers from the head alone and reads every record once, a few at a time', async () => {
    const { folder } = folderOnMemory();
    const name = await folder.writeSnapshot(rootId, meta.nodeId, stamp, meta.takenAt, meta.covers, snapshot);
    const head = await headOf(folder, name);
    expect(head).toMatchObject({ nodeId: meta.nodeId, covers: meta.covers });
    expect(await verifySnapshotFile(folder, head, name)).toEqual({ ok: true });

    const seen: Record<string, string[]> = {};
    const setAsides: unknown[] = [];
    let from = { offset: head.bodyStart, table: null as string | null, inSetAside: false };
    let pieces = 0;
    for (;;) {
      const chunk = await readSnapshotChunk(folder, name, from, 3);
      pieces++;
      expect(chunk.records).toBeLessThanOrEqual(3);
      for (const [table, records] of Object.entries(chunk.tables))
        (seen[table] ??= []).push(...records.map((r) => String(r.id)));
      setAsides.push(...chunk.setAside);
      if (chunk.done) break;
      from = { offset: chunk.next, table: chunk.table, inSetAside: chunk.inSetAside };
    }
    expect(seen).toEqual({ departments: ['d1'], people: ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6'] });
    expect(setAsides).toEqual([setAside]);
    expect(pieces).toBe(4);
  });

  it('refuses a damaged or cut-off copy before anything of it is used', async () => {
    const { fs, folder } = folderOnMemory();
    const name = await folder.writeSnapshot(rootId, meta.nodeId, stamp, meta.takenAt, meta.covers, snapshot);
    const path = `/share/snapshots/${name}`;
    const good = await fs.readFile(path);
    const head = await headOf(folder, name);

    // One record's id changed, the file still valid JSON: only the hash tells.
    const damaged = new TextEncoder().encode(
      new TextDecoder().decode(good).replace('"id":"p3"', '"id":"p8"'),
    );
    await fs.writeFile(path, damaged);
    expect((await verifySnapshotFile(folder, head, name)).ok).toBe(false);

    await fs.writeFile(path, good.slice(0, Math.floor(good.byteLength * 0.7)));
    expect(await verifySnapshotFile(folder, head, name)).toEqual({
      ok: false,
      detail: 'no end line (cut off or still being copied)',
    });
  });

  it('tells a snapshot written on one line (an older NetDesk), to be read whole', async () => {
    const { fs, folder } = folderOnMemory();
    const text = (await encodeSnapshot(meta, snapshot)).replace(/\n/g, '') + '\n';
    await fs.mkdir('/share/snapshots');
    const name = `${meta.nodeId}-${stamp.slice(0, 20)}.json`;
    await fs.writeFile(`/share/snapshots/${name}`, text);
    const head = await readSnapshotHead(folder, rootId, name);
    expect(head).toMatchObject({ ok: false, oneLine: true });
    expect((await folder.readSnapshot(rootId, name)).ok).toBe(true);
  });

  it('is judged by netdesk verify in ranges: whole, cut off (partial) or damaged (bad)', async () => {
    const { fs, folder } = folderOnMemory();
    await fs.mkdir('/share');
    await fs.writeFile(
      '/share/netdesk-sync.json',
      JSON.stringify({ format: 'netdesk-sync', version: 1, rootId, createdAt: at }),
    );
    const name = await folder.writeSnapshot(rootId, meta.nodeId, stamp, meta.takenAt, meta.covers, snapshot);
    expect((await verifyFolder(fs, '/share')).problems).toEqual([]);
    const path = `/share/snapshots/${name}`;
    const good = new TextDecoder().decode(await fs.readFile(path));
    await fs.writeFile(path, good.slice(0, good.length - 40));
    expect((await verifyFolder(fs, '/share')).problems).toEqual([
      expect.objectContaining({ path: `snapshots/${name}`, kind: 'partial' }),
    ]);
    await fs.writeFile(path, good.replace('员工5', '员工6'));
    expect((await verifyFolder(fs, '/share')).problems).toEqual([
      expect.objectContaining({ path: `snapshots/${name}`, kind: 'bad' }),
    ]);
  });
});
