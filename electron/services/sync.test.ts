// The sync:exchange service against a real temp folder: the renderer's side is played by plain
// data (an outbox chunk, cursors) and by replaying the answer's steps into a second request, as
// renderer/sync/driver.ts does. What the supervisor would notice: no folder set means "sync off";
// a relative path is refused; a folder without a root is "not connected" until initialised
// explicitly; a change sent by one PC comes back as an 'apply' step on another; a snapshot sent in
// parts becomes one whole snapshot file that a new PC joins from, and a part that does not belong
// to the upload in progress is refused without leaving anything behind.
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseIpcRequest } from '../../shared/ipc';
import { SNAPSHOT_PART_MAX_RECORDS, type SyncProgress } from '../../shared/sync-ipc';
import {
  EMPTY_CURSORS,
  type LedgerSnapshot,
  type SyncChange,
  type SyncCursors,
} from '../../shared/sync/types';
import { SyncFolder } from '../sync/folder';
import { nodeFs } from '../sync/fs';
import { createSyncService, syncFolderProblem } from './sync';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const at = '2026-03-02T08:00:00.000Z';
const stamp = `${String(Date.parse(at)).padStart(15, '0')}-0000-aaaaaaaaaaaaaaaa`;
const personChange: SyncChange = {
  seq: 1,
  table: 'people',
  id: 'p1',
  fields: { employeeNo: '1001', name: '张伟', createdAt: at, deletedAt: null },
  stamps: { employeeNo: stamp, name: stamp, createdAt: stamp, deletedAt: stamp },
  at,
};

function request(nodeId: string, cursors: SyncCursors, outbox: SyncChange[], extra: object = {}) {
  const parsed = parseIpcRequest('sync:exchange', {
    nodeId,
    name: nodeId,
    cursors,
    lastSeq: outbox.length ? outbox[outbox.length - 1]!.seq : 0,
    counts: { conflicts: 0, setAside: 0 },
    outbox,
    blobs: [],
    ...extra,
  });
  if (!parsed.ok) throw new Error(parsed.error.issues?.join('; '));
  return parsed.value;
}

/** The cursors after replaying an answer's steps (only the cursors matter here). */
function cursorsAfter(start: SyncCursors, steps: { kind: string; cursors?: SyncCursors }[]): SyncCursors {
  let cursors = start;
  for (const step of steps) if (step.cursors) cursors = step.cursors;
  return cursors;
}

function service(folder: string) {
  return createSyncService({
    syncFolder: () => Promise.resolve(folder),
    now: () => new Date('2026-03-02T08:05:00.000Z'),
  });
}

describe('sync:exchange', () => {
  it('does nothing and says "off" when no sync folder is set', async () => {
    const answer = await service('').exchange(request('aaaaaaaaaaaaaaaa', EMPTY_CURSORS, [personChange]));
    expect(answer.folderSet).toBe(false);
    expect(answer.steps).toEqual([]);
    expect(answer.status.waiting).toBe(1);
  });

  it('refuses a relative folder path', async () => {
    expect(syncFolderProblem('netdesk', 'linux')).toMatch(/absolute/);
    expect(syncFolderProblem('\\\\fileserver\\netdesk', 'win32')).toBeNull();
    expect(syncFolderProblem('Z:\\NetDesk', 'win32')).toBeNull();
    expect(syncFolderProblem('NetDesk\\sync', 'win32')).toMatch(/absolute/);
    const answer = await service('relative/dir').exchange(request('aaaaaaaaaaaaaaaa', EMPTY_CURSORS, []));
    expect(answer.folderSet).toBe(true);
    expect(answer.status.connected).toBe(false);
  });

  it('reports a folder without a root as not connected, creates one only when asked, and carries changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netdesk-sync-svc-'));
    dirs.push(dir);
    const svc = service(dir);
    const a = 'aaaaaaaaaaaaaaaa';
    const b = 'bbbbbbbbbbbbbbbb';

    const refused = await svc.exchange(request(a, EMPTY_CURSORS, [personChange]));
    expect(refused.status).toMatchObject({ connected: false, reason: 'no-root' });
    expect(refused.published).toBe(0);

    const first = await svc.exchange(request(a, EMPTY_CURSORS, [personChange], { initFolder: true }));
    expect(first.status.connected).toBe(true);
    expect(first.published).toBe(1);
    const aCursors = cursorsAfter(EMPTY_CURSORS, first.steps);
    expect(aCursors.written).toBe(1);
    expect(first.status.peers.map((p) => p.nodeId)).toEqual([a]);

    const onB = await svc.exchange(request(b, EMPTY_CURSORS, []));
    const applied = onB.steps.filter((s) => s.kind === 'apply');
    expect(applied).toHaveLength(1);
    expect(applied[0]).toMatchObject({
      kind: 'apply',
      from: a,
      changes: [{ id: 'p1', fields: { name: '张伟' } }],
    });
    const bCursors = cursorsAfter(EMPTY_CURSORS, onB.steps);
    expect(bCursors.read[a]).toBe(1);

    // Nothing new: no apply step, still connected, both PCs seen.
    const idle = await svc.exchange(request(b, bCursors, []));
    expect(idle.steps.filter((s) => s.kind === 'apply')).toEqual([]);
    expect(idle.status.peers.map((p) => p.nodeId).sort()).toEqual([a, b]);

    const status = await svc.status({ cursors: bCursors, lastSeq: 0, counts: { conflicts: 2, setAside: 0 } });
    expect(status.status).toMatchObject({ connected: true, conflicts: 2 });
  });
});

describe('snapshots sent in parts', () => {
  const a = 'aaaaaaaaaaaaaaaa';
  const person = (i: number) => ({
    id: `p${String(i).padStart(4, '0')}`,
    employeeNo: String(1000 + i),
    name: `员工${i}`,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    hlc: { employeeNo: stamp, name: stamp, createdAt: stamp, deletedAt: stamp },
  });
  const department = { id: 'd1', name: '信息部', createdAt: at, updatedAt: at, deletedAt: null, hlc: {} };

  /** A folder with a root that PC A has synced with once; A's cursors after it. */
  async function joined() {
    const dir = mkdtempSync(join(tmpdir(), 'netdesk-sync-snap-'));
    dirs.push(dir);
    const svc = service(dir);
    const first = await svc.exchange(request(a, EMPTY_CURSORS, [personChange], { initFolder: true }));
    return { dir, svc, cursors: cursorsAfter(EMPTY_CURSORS, first.steps) };
  }

  const part = (cursors: SyncCursors, snapshotPart: object, nodeId = a) =>
    request(nodeId, cursors, [], { lastSeq: cursors.written, snapshotPart });

  const snapshotFiles = (dir: string) => readdirSync(join(dir, 'snapshots'));

  it('puts the parts together into one snapshot a new PC joins from', async () => {
    const { dir, svc, cursors } = await joined();
    const people = Array.from({ length: 5 }, (_, i) => person(i));
    const uploadId = 'upload-0001';
    const parts = [
      { uploadId, part: 0, table: 'departments', records: [department], last: false },
      { uploadId, part: 1, table: 'people', records: people.slice(0, 3), last: false },
      { uploadId, part: 2, table: 'people', records: people.slice(3), last: false },
      { uploadId, part: 3, setAside: [], last: true },
    ];
    for (const p of parts.slice(0, -1)) {
      const answer = await svc.exchange(part(cursors, p));
      expect(answer.snapshotPart).toEqual({ uploadId, part: p.part, done: false });
      expect(answer.steps).toEqual([]);
      // Until the last part, other PCs see no snapshot, only this PC's temp file.
      expect(snapshotFiles(dir).every((n) => n.endsWith('.tmp'))).toBe(true);
    }
    const done = await svc.exchange(part(cursors, parts[3]!));
    expect(done.snapshotPart).toMatchObject({ uploadId, part: 3, done: true });
    const name = done.snapshotPart!.name!;
    expect(snapshotFiles(dir)).toEqual([name]);
    // It covers what the cursors of part 0 covered, and says so in the cursors to save.
    expect(cursorsAfter(cursors, done.steps)).toMatchObject({ snapshotCovers: { [a]: 1 }, snapshotTotal: 1 });

    const read = await new SyncFolder(dir, nodeFs).readSnapshot(cursors.rootId!, name);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.file.tables).toEqual({ departments: [department], people });

    // A PC new to the folder starts from it.
    const b = 'bbbbbbbbbbbbbbbb';
    const onB = await svc.exchange(request(b, EMPTY_CURSORS, []));
    const loaded = onB.steps.find((s) => s.kind === 'snapshot') as
      { kind: 'snapshot'; snapshot: LedgerSnapshot } | undefined;
    expect(loaded?.snapshot.tables.people).toHaveLength(5);
    expect(cursorsAfter(EMPTY_CURSORS, onB.steps).read[a]).toBe(1);
  });

  it('refuses a part of an unknown upload, one out of order, and a table sent twice, leaving no file', async () => {
    const { dir, svc, cursors } = await joined();
    await expect(
      svc.exchange(
        part(cursors, { uploadId: 'never-began', part: 1, table: 'people', records: [], last: false }),
      ),
    ).rejects.toThrow(/not open/);

    const uploadId = 'upload-0002';
    await svc.exchange(
      part(cursors, { uploadId, part: 0, table: 'people', records: [person(1)], last: false }),
    );
    await expect(
      svc.exchange(part(cursors, { uploadId, part: 2, table: 'people', records: [person(2)], last: true })),
    ).rejects.toThrow(/part 2 arrived, part 1 was expected/);
    expect(snapshotFiles(dir)).toEqual([]);
    // The upload was dropped: its next part is refused too.
    await expect(
      svc.exchange(part(cursors, { uploadId, part: 1, table: 'people', records: [person(2)], last: true })),
    ).rejects.toThrow(/not open/);

    const again = 'upload-0003';
    await svc.exchange(
      part(cursors, { uploadId: again, part: 0, table: 'people', records: [person(1)], last: false }),
    );
    await svc.exchange(
      part(cursors, { uploadId: again, part: 1, table: 'departments', records: [department], last: false }),
    );
    await expect(
      svc.exchange(
        part(cursors, { uploadId: again, part: 2, table: 'people', records: [person(2)], last: true }),
      ),
    ).rejects.toThrow(/after that table was complete/);
    expect(snapshotFiles(dir)).toEqual([]);
  });

  it("refuses another PC's part, and an upload to a folder of another sync root", async () => {
    const { dir, svc, cursors } = await joined();
    const uploadId = 'upload-0004';
    await svc.exchange(
      part(cursors, { uploadId, part: 0, table: 'people', records: [person(1)], last: false }),
    );
    await expect(
      svc.exchange(part(cursors, { uploadId, part: 1, records: [], last: true }, 'cccccccccccccccc')),
    ).rejects.toThrow(/not open/);

    const otherRoot = { ...cursors, rootId: '00000000-0000-4000-8000-000000000000' };
    await expect(
      svc.exchange(part(otherRoot, { uploadId: 'upload-0005', part: 0, records: [], last: true })),
    ).rejects.toThrow(/sync root/);
    // The folder replaced during an upload (a share remounted elsewhere): nothing is put in place.
    await svc.exchange(
      part(cursors, { uploadId: 'upload-0006', part: 0, table: 'people', records: [person(1)], last: false }),
    );
    writeFileSync(
      join(dir, 'netdesk-sync.json'),
      JSON.stringify({ format: 'netdesk-sync', version: 1, rootId: otherRoot.rootId, createdAt: at }),
    );
    await expect(
      svc.exchange(part(cursors, { uploadId: 'upload-0006', part: 1, records: [], last: true })),
    ).rejects.toThrow(/root changed/);
    expect(snapshotFiles(dir)).toEqual([]);
  });

  it('bounds a part: too many records do not pass the request schema', () => {
    const tooMany = Array.from({ length: SNAPSHOT_PART_MAX_RECORDS + 1 }, (_, i) => ({ id: `r${i}` }));
    const parsed = parseIpcRequest('sync:exchange', {
      nodeId: a,
      name: a,
      cursors: EMPTY_CURSORS,
      lastSeq: 0,
      counts: { conflicts: 0, setAside: 0 },
      outbox: [],
      blobs: [],
      snapshotPart: { uploadId: 'upload-0007', part: 0, table: 'people', records: tooMany, last: true },
    });
    expect(parsed.ok).toBe(false);
    // A part travels alone: with outbox changes it is refused too.
    const mixed = parseIpcRequest('sync:exchange', {
      nodeId: a,
      name: a,
      cursors: EMPTY_CURSORS,
      lastSeq: 1,
      counts: { conflicts: 0, setAside: 0 },
      outbox: [personChange],
      blobs: [],
      snapshotPart: { uploadId: 'upload-0008', part: 0, records: [], last: true },
    });
    expect(mixed.ok).toBe(false);
  });

  it.each([
    ['compacted', true],
    ['still in the folder', false],
  ])("lets a new PC join from a snapshot a piece per round (A's journal %s)", async (_, compacted) => {
    const { dir, svc, cursors } = await joined();
    const people = Array.from({ length: 10 }, (_, i) => person(i));
    await svc.exchange(
      part(cursors, { uploadId: 'upload-0009', part: 0, table: 'people', records: people, last: true }),
    );
    // With A's journal gone (compacted), B can only get A's records from the snapshot; with it
    // there, B reads it too and still goes on with the snapshot until all of it is in.
    if (compacted) rmSync(join(dir, 'journal', a), { recursive: true });

    const b = 'bbbbbbbbbbbbbbbb';
    const small = createSyncService({
      syncFolder: () => Promise.resolve(dir),
      now: () => new Date('2026-03-02T08:05:00.000Z'),
      roundMaxChanges: 4,
    });
    const idsOf = (steps: { kind: string }[]) =>
      steps.flatMap((s) =>
        s.kind === 'snapshot'
          ? ((s as unknown as { snapshot: LedgerSnapshot }).snapshot.tables.people ?? []).map((r) => r.id)
          : [],
      );
    let bCursors: SyncCursors = EMPTY_CURSORS;
    const received: string[] = [];
    for (let round = 1; round <= 10; round++) {
      const answer = await small.exchange(request(b, bCursors, []));
      const ids = idsOf(answer.steps);
      expect(ids.length).toBeLessThanOrEqual(4);
      if (round === 2) {
        // The renderer stopped before saving this round's cursors: the same piece comes again.
        expect(idsOf((await small.exchange(request(b, bCursors, []))).steps)).toEqual(ids);
      }
      received.push(...ids);
      bCursors = cursorsAfter(bCursors, answer.steps);
      if (!answer.more) break;
      // Until all of it is in, the position of the next piece is kept, and A's read cursor stays
      // where the journal (if any) left it.
      expect(bCursors.joining?.name).toMatch(/^aaaaaaaaaaaaaaaa-/);
      if (compacted) expect(bCursors.read[a]).toBeUndefined();
    }
    expect(received).toEqual(people.map((p) => p.id));
    expect(bCursors.read[a]).toBe(1);
    expect(bCursors.joining).toBeUndefined();
  });
});

describe('sync:exchange progress', () => {
  /** Bytes of a PC's journal files in the folder. */
  const journalBytes = (dir: string, nodeId: string) =>
    readdirSync(join(dir, 'journal', nodeId)).reduce(
      (sum, f) => sum + statSync(join(dir, 'journal', nodeId, f)).size,
      0,
    );

  it('tells a PC catching up over several rounds how many bytes it has read of those to read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netdesk-sync-progress-'));
    dirs.push(dir);
    const b = 'bbbbbbbbbbbbbbbb';
    const others = ['aaaaaaaaaaaaaaaa', 'cccccccccccccccc', 'dddddddddddddddd'];
    const svc = service(dir);
    // Three PCs publish a journal file each: two changes, three and four, so the sizes differ.
    for (const [n, nodeId] of others.entries()) {
      const outbox = Array.from({ length: n + 2 }, (_, i) => ({
        ...personChange,
        seq: i + 1,
        id: `p${n}-${i}`,
      }));
      const answer = await svc.exchange(request(nodeId, EMPTY_CURSORS, outbox, { initFolder: n === 0 }));
      expect(answer.published).toBe(n + 2);
    }
    const [sa, sc, sd] = others.map((nodeId) => journalBytes(dir, nodeId)) as [number, number, number];
    expect(new Set([sa, sc, sd]).size).toBe(3);
    // B takes four changes a round: one PC's file each time, and hears how far it is in bytes.
    const small = createSyncService({
      syncFolder: () => Promise.resolve(dir),
      now: () => new Date('2026-03-02T08:05:00.000Z'),
      roundMaxChanges: 4,
    });
    let bCursors: SyncCursors = EMPTY_CURSORS;
    const seen: (SyncProgress | undefined)[] = [];
    for (let round = 0; round < 6; round++) {
      const answer = await small.exchange(request(b, bCursors, []));
      bCursors = cursorsAfter(bCursors, answer.steps);
      seen.push(answer.progress);
      if (!answer.more) break;
    }
    const total = sa + sc + sd;
    expect(seen).toEqual([
      { doneBytes: sa, totalBytes: total },
      { doneBytes: sa + sc, totalBytes: total },
      undefined,
    ]);
    expect(others.map((nodeId) => bCursors.read[nodeId])).toEqual([2, 3, 4]);
  });

  it('moves through one large snapshot as its pieces come in, not all at once at its end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netdesk-sync-progress-'));
    dirs.push(dir);
    const a = 'aaaaaaaaaaaaaaaa';
    const svc = service(dir);
    const first = await svc.exchange(request(a, EMPTY_CURSORS, [personChange], { initFolder: true }));
    const cursors = cursorsAfter(EMPTY_CURSORS, first.steps);
    const people = Array.from({ length: 12 }, (_, i) => ({
      ...personChange.fields,
      id: `s${i}`,
      employeeNo: `S${i}`,
      hlc: personChange.stamps,
    }));
    const uploaded = await svc.exchange(
      request(a, cursors, [], {
        snapshotPart: { uploadId: 'upload-0100', part: 0, table: 'people', records: people, last: true },
      }),
    );
    expect(uploaded.snapshotPart?.done).toBe(true);
    // A's journal compacted: B can only catch up from the snapshot.
    rmSync(join(dir, 'journal', a), { recursive: true });
    const [snapshot] = readdirSync(join(dir, 'snapshots'));
    const size = statSync(join(dir, 'snapshots', snapshot!)).size;

    const small = createSyncService({
      syncFolder: () => Promise.resolve(dir),
      now: () => new Date('2026-03-02T08:05:00.000Z'),
      roundMaxChanges: 4,
    });
    let bCursors: SyncCursors = EMPTY_CURSORS;
    const done: number[] = [];
    for (let round = 0; round < 10; round++) {
      const answer = await small.exchange(request('bbbbbbbbbbbbbbbb', bCursors, []));
      bCursors = cursorsAfter(bCursors, answer.steps);
      if (!answer.more) break;
      expect(answer.progress?.totalBytes).toBe(size);
      done.push(answer.progress!.doneBytes);
    }
    // Thirteen records (A's first person and twelve), four a round: three rounds with more to
    // come, each further on through the file, none at its end yet.
    expect(done).toHaveLength(3);
    expect(done[0]).toBeGreaterThan(0);
    for (let i = 1; i < done.length; i++) expect(done[i]).toBeGreaterThan(done[i - 1]!);
    expect(done.at(-1)).toBeLessThan(size);
    expect(bCursors.joining).toBeUndefined();
  });
});
