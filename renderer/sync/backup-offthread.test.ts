// Backups made in the backup worker: over a real MessageChannel (messages cloned as postMessage
// clones them) the worker hands over the same backup text the window's own export writes, byte
// for byte, with its counts and progress; saves it through the service itself (browser mode);
// gathers it into a Blob (export to a file); a failure in the worker reaches the window as an
// error; the worker is let go when its job ends, fails or is abandoned.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseBackup } from '../../shared/backup';
import { exportLedgerParts } from '../db/backup';
import { createRepository } from '../db/repository';
import type { NetdeskDb } from '../db/schema';
import { freshDb, manualClock, reopenDb } from '../db/test-support';
import { saveLedgerBackup } from './backup';
import {
  exportThroughWorker,
  fileThroughWorker,
  saveThroughWorker,
  serveBackupWorker,
  type WorkerLike,
  type WorkerServices,
} from './backup-offthread';
import { recordingBackupApi } from './test-support';

let db: NetdeskDb;
const clock = manualClock('2026-05-04T09:30:00.000Z');

beforeEach(async () => {
  db = await freshDb();
  const repo = createRepository(db, { now: clock.now });
  const dept = await repo.create('departments', { name: '信息部' });
  for (let i = 0; i < 30; i++)
    await repo.create('people', { employeeNo: String(2001 + i), name: `员工${i}`, departmentId: dept.id });
  await repo.create('devices', { assetTag: 'SRV-01', type: 'server', secret: 'admin / Netdesk#2026' });
  await repo.putAttachment({ bytes: new Uint8Array([1, 2, 3, 4]), name: '扫描.png', mime: 'image/png' });
});
afterEach(() => db.close());

/** A "worker": the serving side on one port of a real MessageChannel. */
function channelWorker(services: Partial<WorkerServices> = {}) {
  const { port1, port2 } = new MessageChannel();
  const http = recordingBackupApi();
  serveBackupWorker(port2, {
    open: () => reopenDb(db),
    http: () => http.api,
    ...services,
  });
  const state = { terminated: false, asked: 0 };
  const worker: WorkerLike = {
    postMessage(message) {
      if (message.type === 'next') state.asked++;
      port1.postMessage(message);
    },
    set onmessage(handler) {
      port1.onmessage = handler as ((event: MessageEvent) => void) | null;
    },
    get onmessage() {
      return null;
    },
    onerror: null,
    terminate() {
      state.terminated = true;
      port1.close();
      port2.close();
    },
  };
  return { worker, state, http: http.sent };
}

async function collect(parts: AsyncIterable<string>) {
  const out: string[] = [];
  for await (const p of parts) out.push(p);
  return out;
}

const options = {
  includeSecrets: false,
  sourceName: '主管电脑',
  now: clock.now,
  batchSize: 4,
  partChars: 500,
};

async function inWindow() {
  const exported = await exportLedgerParts(db, options);
  return { text: (await collect(exported.parts)).join(''), written: exported.written };
}

describe('backups in the backup worker', () => {
  it('hands over the same backup, part by part, as the export in the window (Electron)', async () => {
    const expected = await inWindow();
    const { worker, state } = channelWorker();
    const progress: number[] = [];
    const viaWorker = exportThroughWorker(db, worker, {
      ...options,
      onProgress: (done) => progress.push(done),
    });
    const parts = await collect(viaWorker.parts);

    expect(parts.length).toBeGreaterThan(3);
    expect(parts.join('')).toBe(expected.text);
    expect(viaWorker.written).toEqual(expected.written);
    expect(viaWorker.written).toMatchObject({ records: 32, attachments: 1 });
    // Progress arrived from the worker and ended at everything.
    expect(progress.at(-1)).toBe(33);
    // The password stayed out, as the window's own export leaves it out.
    const parsed = parseBackup(parts.join(''));
    expect(parsed.ok && parsed.backup.tables.devices?.[0]?.secret).toBe('');
    expect(state.terminated).toBe(true);
  });

  it('asks for one part ahead of the one being sent, not for the whole backup at once', async () => {
    const { worker, state } = channelWorker();
    const out = exportThroughWorker(db, worker, { now: clock.now, batchSize: 2, partChars: 200 });
    const first = await out.parts.next();
    expect(first.done).toBe(false);
    // The first part and the one after it; nothing more until the caller takes it.
    await new Promise((r) => setTimeout(r, 20));
    expect(state.asked).toBe(2);
    await out.parts.return(undefined);
    expect(state.terminated).toBe(true);
  });

  it('saves the backup through the service itself (browser mode), the last part carrying the counts', async () => {
    const expected = await inWindow();
    const { worker, state, http } = channelWorker();
    const result = await saveThroughWorker(db, worker, options, {
      fileName: 'netdesk-backup-20260504-0930.json',
      token: 't',
      baseUrl: 'http://127.0.0.1:1',
    });
    expect(result).toEqual({ done: true });
    expect(http.text).toBe(expected.text);
    expect(http.requests.every((r) => r.fileName === 'netdesk-backup-20260504-0930.json')).toBe(true);
    expect(http.requests.at(-1)).toMatchObject({ last: true, expect: { records: 32, attachments: 1 } });
    expect(state.terminated).toBe(true);
  });

  it('gathers the backup into one Blob for a file the supervisor saves', async () => {
    const expected = await inWindow();
    const { worker, state } = channelWorker();
    const { blob, written } = await fileThroughWorker(db, worker, options);
    expect(await blob.text()).toBe(expected.text);
    expect(written).toEqual(expected.written);
    expect(state.terminated).toBe(true);
  });

  it('passes a failure in the worker on as an error and lets the worker go', async () => {
    const { worker, state } = channelWorker({ open: () => Promise.reject(new Error('数据库无法打开')) });
    await expect(collect(exportThroughWorker(db, worker, { now: clock.now }).parts)).rejects.toThrow(
      '数据库无法打开',
    );
    expect(state.terminated).toBe(true);
    const second = channelWorker({ open: () => Promise.reject(new Error('数据库无法打开')) });
    await expect(fileThroughWorker(db, second.worker, { now: clock.now })).rejects.toThrow('数据库无法打开');
    expect(second.state.terminated).toBe(true);
  });

  it('the daily backup goes through the worker when one starts, and writes what the window would', async () => {
    const expected = recordingBackupApi();
    await saveLedgerBackup(db, expected.api, { now: clock.now, worker: () => null });
    const { worker, state } = channelWorker();
    const viaWorker = recordingBackupApi();
    await saveLedgerBackup(db, viaWorker.api, { now: clock.now, worker: () => worker });
    expect(state.asked).toBeGreaterThan(0);
    expect(viaWorker.sent.text).toBe(expected.sent.text);
    expect(viaWorker.sent.requests.at(-1)).toMatchObject({
      last: true,
      expect: { records: 32, attachments: 1 },
    });
  });
});
