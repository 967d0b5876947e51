// The renderer's sync driver (renderer/sync/driver.ts) against this service, publishing a snapshot
// in parts: each sync:exchange carries at most the part size, the folder then holds one whole
// snapshot covering what this PC had, and a new PC joins from it, a piece per round, to the same
// ledger. Requests travel as browser mode carries them (wire-encoded JSON) and pass the IPC
// schema, as in the app.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSyncService } from '../../electron/services/sync';
import { parseIpcRequest, type IpcRequest } from '../../shared/ipc';
import { LEDGER_TABLES } from '../../shared/schemas';
import { dumpLedger } from '../../shared/sync/dump';
import { decodeWire, encodeWire } from '../../shared/wire';
import { createRepository, type Repository } from '../../renderer/db/repository';
import type { NetdeskDb } from '../../renderer/db/schema';
import { freshDb, manualClock } from '../../renderer/db/test-support';
import { DexieLedger, type TouchedRecord } from '../../renderer/sync/dexie-ledger';
import { runSync, type SyncApi } from '../../renderer/sync/driver';

const dirs: string[] = [];
const opened: NetdeskDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
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
  opened.push(db);
  const touched: TouchedRecord[] = [];
  const ledger = await DexieLedger.open(db, { now: clock.now, onTouched: (t) => touched.push(...t) });
  return { db, repo: createRepository(db, { now: clock.now }), ledger, touched };
}

async function dump(db: NetdeskDb): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const table of LEDGER_TABLES) tables[table] = await db.table(table).toArray();
  return dumpLedger(tables);
}

describe('publishing a snapshot in parts', () => {
  it('sends the ledger in bounded parts; a new PC joins from the snapshot to the same ledger', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netdesk-driver-snap-'));
    dirs.push(dir);
    const clock = manualClock();
    // Rounds of at most 10 incoming changes or snapshot records: B joins over several rounds.
    const svc = createSyncService({
      syncFolder: () => Promise.resolve(dir),
      now: clock.now,
      roundMaxChanges: 10,
    });
    const parts: NonNullable<IpcRequest<'sync:exchange'>['snapshotPart']>[] = [];
    const api: SyncApi = {
      syncExchange: async (req) => {
        if (req.snapshotPart) parts.push(req.snapshotPart);
        const parsed = parseIpcRequest(
          'sync:exchange',
          decodeWire(JSON.parse(JSON.stringify(encodeWire(req)))),
        );
        if (!parsed.ok) throw new Error(parsed.error.issues?.join('; '));
        return decodeWire(JSON.parse(JSON.stringify(encodeWire(await svc.exchange(parsed.value))))) as never;
      },
      syncStatus: () => Promise.reject(new Error('not used')),
    };
    const run = (p: Pc, initFolder = false) =>
      runSync(
        { ledger: p.ledger, api, drainTouched: () => p.touched.splice(0) },
        { name: p.ledger.nodeId, now: clock.now, initFolder, snapshotEvery: 20, snapshotPartRecords: 7 },
      );

    const a = await pc(clock);
    await a.repo.create('departments', { name: '信息部' });
    const made = await a.repo.bulkCreate(
      'people',
      Array.from({ length: 30 }, (_, i) => ({ employeeNo: String(5000 + i), name: `员工${i}` })),
    );
    expect(made.ok).toBe(true);
    const first = await run(a, true);
    expect(first.status).toMatchObject({ connected: true, waiting: 0 });
    // The snapshot is due once 20 changes went out: the next sync sends it.
    const second = await run(a);
    expect(second.snapshotWritten).toMatch(new RegExp(`^${a.ledger.nodeId}-`));
    expect(readdirSync(join(dir, 'snapshots'))).toEqual([second.snapshotWritten]);
    // 1 department and 30 people in parts of at most 7 records: 1 + 5 parts, the last one closing it.
    expect(parts.map((p) => p.records?.length ?? 0)).toEqual([1, 7, 7, 7, 7, 2]);
    expect(parts.map((p) => p.last)).toEqual([false, false, false, false, false, true]);
    expect(new Set(parts.map((p) => p.uploadId)).size).toBe(1);
    expect((await a.ledger.readCursors()).snapshotCovers).toEqual({ [a.ledger.nodeId]: 31 });

    // A new PC starts from the snapshot and ends with the same ledger, even with A's journal
    // files gone (as compaction removes them once everyone has read them).
    rmSync(join(dir, 'journal', a.ledger.nodeId), { recursive: true });
    const b = await pc(clock);
    const onB = await run(b);
    expect(onB.status.connected).toBe(true);
    expect(onB.rounds).toBeGreaterThanOrEqual(4);
    expect((await b.ledger.readCursors()).joining).toBeUndefined();
    expect(await b.db.people.count()).toBe(30);
    expect(await dump(b.db)).toBe(await dump(a.db));
  });

  it('stops reading the ledger after one part when the folder setting cannot be used', async () => {
    const clock = manualClock();
    const svc = createSyncService({ syncFolder: () => Promise.resolve('relative/netdesk'), now: clock.now });
    let parts = 0;
    const api: SyncApi = {
      syncExchange: async (req) => {
        if (req.snapshotPart) parts++;
        const parsed = parseIpcRequest('sync:exchange', req);
        if (!parsed.ok) throw new Error(parsed.error.issues?.join('; '));
        return svc.exchange(parsed.value);
      },
      syncStatus: () => Promise.reject(new Error('not used')),
    };
    const a = await pc(clock);
    const made = await a.repo.bulkCreate(
      'people',
      Array.from({ length: 30 }, (_, i) => ({ employeeNo: String(6000 + i), name: `员工${i}` })),
    );
    expect(made.ok).toBe(true);
    // This PC synced with a folder before (a snapshot is due); the setting is now unusable.
    await a.ledger.saveCursors({ ...(await a.ledger.readCursors()), rootId: 'root-before', written: 30 });
    const result = await runSync(
      { ledger: a.ledger, api, drainTouched: () => a.touched.splice(0) },
      { name: 'A', now: clock.now, snapshotEvery: 20, snapshotPartRecords: 7 },
    );
    expect(result.status.connected).toBe(false);
    expect(result.snapshotWritten).toBeUndefined();
    expect(parts).toBe(1);
  });
});
