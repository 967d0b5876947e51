// The sync:exchange service against a real temp folder: the renderer's side is played by plain
// data (an outbox chunk, cursors) and by replaying the answer's steps into a second request, as
// renderer/sync/driver.ts does. What the supervisor would notice: no folder set means "sync off";
// a relative path is refused; a folder without a root is "not connected" until initialised
// explicitly; a change sent by one PC comes back as an 'apply' step on another.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseIpcRequest } from '../../shared/ipc';
import { EMPTY_CURSORS, type SyncChange, type SyncCursors } from '../../shared/sync/types';
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

  it('writes a snapshot sent by the renderer covering exactly its cursors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netdesk-sync-svc-'));
    dirs.push(dir);
    const svc = service(dir);
    const a = 'aaaaaaaaaaaaaaaa';
    const first = await svc.exchange(request(a, EMPTY_CURSORS, [personChange], { initFolder: true }));
    const cursors = cursorsAfter(EMPTY_CURSORS, first.steps);
    const snapshot = {
      tables: { people: [{ id: 'p1', ...personChange.fields, updatedAt: at, hlc: personChange.stamps }] },
      setAside: [],
    };
    const answer = await svc.exchange(request(a, cursors, [personChange], { snapshot }));
    expect(answer.snapshotWritten).toMatch(/^aaaaaaaaaaaaaaaa-/);
    expect(cursorsAfter(cursors, answer.steps).snapshotCovers).toEqual({ [a]: 1 });
  });
});
