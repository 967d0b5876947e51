// The app's Dexie ledger (renderer/sync/dexie-ledger.ts) against the real folder-sync engine:
// two PCs, each with its own IndexedDB (fake-indexeddb), sync through one temp folder with the
// engine's Node side run in-process. What a supervisor would notice: a record made on one PC
// appears on the other, an ordinary later edit is not a conflict, a concurrent edit of the same
// text ends the same on both PCs with the losing text listed, nothing echoes back, and an
// attachment travels with its card.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncOnce } from '../../electron/sync/engine';
import { SyncFolder } from '../../electron/sync/folder';
import { nodeFs } from '../../electron/sync/fs';
import { dumpLedger } from '../../shared/sync/dump';
import { LEDGER_TABLES } from '../../shared/schemas';
import { createRepository, type Repository } from '../../renderer/db/repository';
import type { NetdeskDb } from '../../renderer/db/schema';
import { freshDb, manualClock } from '../../renderer/db/test-support';
import { DexieLedger, type TouchedRecord } from '../../renderer/sync/dexie-ledger';
import { runSync, type SyncApi } from '../../renderer/sync/driver';
import { createSyncService } from '../../electron/services/sync';
import { parseIpcRequest } from '../../shared/ipc';
import { decodeWire, encodeWire } from '../../shared/wire';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Pc {
  db: NetdeskDb;
  repo: Repository;
  ledger: DexieLedger;
  touched: TouchedRecord[];
}

async function pc(clock: ReturnType<typeof manualClock>): Promise<Pc> {
  const db = await freshDb();
  const touched: TouchedRecord[] = [];
  const ledger = await DexieLedger.open(db, { now: clock.now, onTouched: (t) => touched.push(...t) });
  return { db, repo: createRepository(db, { now: clock.now }), ledger, touched };
}

async function dump(db: NetdeskDb): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const table of LEDGER_TABLES) tables[table] = await db.table(table).toArray();
  return dumpLedger(tables);
}

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'netdesk-dexie-sync-'));
  dirs.push(dir);
  const clock = manualClock();
  const folder = new SyncFolder(dir, nodeFs);
  const sync = (p: Pc, initFolder = false) =>
    syncOnce(p.ledger, folder, { name: p.ledger.nodeId, now: clock.now, initFolder });
  return { clock, sync };
}

describe('the Dexie ledger syncing through a folder', () => {
  it('carries a person over, takes a later edit without conflict, and never echoes', async () => {
    const { clock, sync } = setup();
    const a = await pc(clock);
    const b = await pc(clock);
    const person = await a.repo.create('people', { employeeNo: '1001', name: '张伟', note: '三楼' });

    expect((await sync(a, true)).status.connected).toBe(true);
    const first = await sync(b);
    expect(first.status.connected).toBe(true);
    expect((await b.repo.get('people', person.id))?.name).toBe('张伟');
    // Merged changes are not added to B's outbox: nothing of A's comes back as B's own.
    expect(await b.ledger.lastSeq()).toBe(0);
    expect(b.touched).toEqual([{ table: 'people', id: person.id }]);

    // B edits after seeing A's value: an ordinary sequential edit, no conflict anywhere.
    clock.advance(60_000);
    await b.repo.update('people', person.id, { note: '四楼机房' });
    await sync(b);
    await sync(a);
    clock.advance(60_000);
    await a.repo.update('people', person.id, { note: '五楼' });
    await sync(a);
    await sync(b);
    expect((await b.repo.get('people', person.id))?.note).toBe('五楼');
    expect(await a.ledger.counts()).toEqual({ conflicts: 0, setAside: 0 });
    expect(await b.ledger.counts()).toEqual({ conflicts: 0, setAside: 0 });

    // The same files read again (cursors lost) change nothing and list nothing.
    await b.ledger.saveCursors({ ...(await b.ledger.readCursors()), read: {} });
    const again = await sync(b);
    expect(again.applied).toBe(0);
    expect(await b.ledger.counts()).toEqual({ conflicts: 0, setAside: 0 });
    expect(await dump(a.db)).toBe(await dump(b.db));
  });

  it('ends a concurrent edit of the same text the same on both PCs and lists the losing text', async () => {
    const { clock, sync } = setup();
    const a = await pc(clock);
    const b = await pc(clock);
    const person = await a.repo.create('people', { employeeNo: '2001', name: '李娜' });
    await sync(a, true);
    await sync(b);

    // Both edit while apart; B's edit is the later one and wins.
    clock.advance(1_000);
    await a.repo.update('people', person.id, { note: '显示器闪烁，已换线' });
    clock.advance(1_000);
    await b.repo.update('people', person.id, { note: '显示器送修' });
    await sync(a);
    await sync(b);
    await sync(a);

    expect((await a.repo.get('people', person.id))?.note).toBe('显示器送修');
    expect(await dump(a.db)).toBe(await dump(b.db));
    const listedOnA = await a.db.syncConflicts.toArray();
    expect(listedOnA).toHaveLength(1);
    expect(listedOnA[0]).toMatchObject({
      table: 'people',
      recordId: person.id,
      field: 'note',
      losingValue: '显示器闪烁，已换线',
      winningValue: '显示器送修',
      state: 'open',
    });
    expect((await a.ledger.counts()).conflicts).toBe(1);

    // Read twice, listed once.
    await a.ledger.saveCursors({ ...(await a.ledger.readCursors()), read: {} });
    await sync(a);
    expect(await a.db.syncConflicts.count()).toBe(1);
  });

  it('sends an attachment with the card that refers to it', async () => {
    const { clock, sync } = setup();
    const a = await pc(clock);
    const b = await pc(clock);
    const bytes = new TextEncoder().encode('%PDF-1.4 signed card');
    const meta = await a.repo.putAttachment({ bytes, name: '签字卡.pdf', mime: 'application/pdf' });
    const quote = await a.repo.create('people', { employeeNo: '3001', name: '王强' });
    // Any change whose fields name a hash carries the attachment; a person has no such field, so
    // the outbox row is checked directly here and the blob path through a raw change below.
    expect((await a.ledger.readOutbox(0, 10))[0]?.id).toBe(quote.id);
    await sync(a, true);
    await sync(b);
    expect(await b.ledger.hasBlob(meta.sha256)).toBe(false);
    await b.ledger.storeBlob(meta, bytes);
    expect(Array.from((await b.ledger.readBlob(meta.sha256)) ?? [])).toEqual(Array.from(bytes));
    await expect(b.ledger.storeBlob({ ...meta, sha256: '0'.repeat(64) }, bytes)).rejects.toThrow(/hash/);
  });

  it('sets aside a change from a PC whose clock is two hours ahead, and applies it once time catches up', async () => {
    const clock = manualClock();
    const b = await pc(clock);
    const ahead = new Date(clock.now().getTime() + 2 * 3600_000).toISOString();
    const stamp = `${String(Date.parse(ahead)).padStart(15, '0')}-0000-feedfacefeedface`;
    const change = {
      seq: 1,
      table: 'people' as const,
      id: 'p-ahead',
      fields: { employeeNo: '9001', name: '赵六', createdAt: ahead, deletedAt: null },
      stamps: { employeeNo: stamp, name: stamp, createdAt: stamp, deletedAt: stamp },
      at: ahead,
    };
    const first = await b.ledger.applyRemote('feedfacefeedface', [change], clock.now().getTime());
    expect(first.setAside).toHaveLength(1);
    expect(await b.db.people.get('p-ahead')).toBeUndefined();
    clock.advance(2 * 3600_000);
    const retried = await b.ledger.retrySetAside(clock.now().getTime());
    expect(retried.applied).toBe(1);
    expect((await b.db.people.get('p-ahead'))?.name).toBe('赵六');
    expect(await b.ledger.counts()).toEqual({ conflicts: 0, setAside: 0 });
  });
});

describe('the renderer driver over sync:exchange', () => {
  it('brings two PCs to the same ledger through the service, as the app does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netdesk-driver-'));
    dirs.push(dir);
    const clock = manualClock();
    const svc = createSyncService({ syncFolder: () => Promise.resolve(dir), now: clock.now });
    // Requests travel as browser mode carries them (wire-encoded JSON) and are validated.
    const api: SyncApi = {
      syncExchange: async (req) => {
        const parsed = parseIpcRequest(
          'sync:exchange',
          decodeWire(JSON.parse(JSON.stringify(encodeWire(req)))),
        );
        if (!parsed.ok) throw new Error(parsed.error.issues?.join('; '));
        return decodeWire(JSON.parse(JSON.stringify(encodeWire(await svc.exchange(parsed.value))))) as never;
      },
      syncStatus: async (req) => {
        const parsed = parseIpcRequest('sync:status', req);
        if (!parsed.ok) throw new Error('bad status request');
        return svc.status(parsed.value);
      },
    };
    const a = await pc(clock);
    const b = await pc(clock);
    const run = (p: Pc, initFolder = false) =>
      runSync(
        { ledger: p.ledger, api, drainTouched: () => p.touched.splice(0) },
        { name: p.ledger.nodeId, now: clock.now, initFolder },
      );
    const made = await a.repo.bulkCreate(
      'people',
      Array.from({ length: 30 }, (_, i) => ({ employeeNo: String(5000 + i), name: `员工${i}` })),
    );
    expect(made.ok).toBe(true);
    expect((await run(a)).status).toMatchObject({ connected: false, reason: 'no-root', waiting: 30 });
    const first = await run(a, true);
    expect(first.status).toMatchObject({ connected: true, waiting: 0 });
    const onB = await run(b);
    expect(onB.status.connected).toBe(true);
    expect(onB.touched).toHaveLength(30);
    expect(await b.db.people.count()).toBe(30);
    clock.advance(5_000);
    await b.repo.update('people', made.ok ? made.records[0]!.id : '', { note: '调到财务部' });
    expect((await run(b)).status.waiting).toBe(0);
    await run(a);
    expect(await dump(a.db)).toBe(await dump(b.db));
    expect((await run(a)).status.peers).toHaveLength(2);
  });
});
