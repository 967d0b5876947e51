// The backup export run in a worker: the parts that come back over the message channel are the
// backup exportLedgerParts writes in the window, byte for byte, with its counts and progress; a
// failure in the worker reaches the window as an error; the worker is let go when the export ends,
// fails or is abandoned.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseBackup } from '../../shared/backup';
import { exportLedgerParts } from './backup';
import {
  exportLedgerOffThread,
  exportThroughWorker,
  serveLedgerExport,
  type WorkerLike,
} from './backup-offthread';
import { createRepository } from './repository';
import type { NetdeskDb } from './schema';
import { freshDb, manualClock, reopenDb } from './test-support';

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

/** A "worker": the serving side on one port of a real MessageChannel (messages are cloned as
 * postMessage clones them). */
function channelWorker(open: (name: string) => Promise<NetdeskDb> = () => reopenDb(db)) {
  const { port1, port2 } = new MessageChannel();
  serveLedgerExport(port2, open);
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
  return { worker, state };
}

async function collect(parts: AsyncIterable<string>) {
  const out: string[] = [];
  for await (const p of parts) out.push(p);
  return out;
}

describe('the backup export in a worker', () => {
  it('hands over the same backup, part by part, as the export in the window', async () => {
    const options = {
      includeSecrets: false,
      sourceName: '主管电脑',
      now: clock.now,
      batchSize: 4,
      partChars: 500,
    };
    const inWindow = await exportLedgerParts(db, options);
    const expected = (await collect(inWindow.parts)).join('');

    const { worker, state } = channelWorker();
    const progress: number[] = [];
    const viaWorker = exportThroughWorker(db, worker, {
      ...options,
      onProgress: (done) => progress.push(done),
    });
    const parts = await collect(viaWorker.parts);

    expect(parts.length).toBeGreaterThan(3);
    expect(parts.join('')).toBe(expected);
    expect(viaWorker.written).toEqual(inWindow.written);
    expect(viaWorker.written.records).toBe(32);
    expect(viaWorker.written.attachments).toBe(1);
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
    // The first part and the one after it: no more is asked for until the caller takes it.
    await new Promise((r) => setTimeout(r, 20));
    expect(state.asked).toBe(2);
    await out.parts.return(undefined);
    expect(state.terminated).toBe(true);
  });

  it('passes a failure in the worker on as an error and lets the worker go', async () => {
    const { worker, state } = channelWorker(() => Promise.reject(new Error('数据库无法打开')));
    const out = exportThroughWorker(db, worker, { now: clock.now });
    await expect(collect(out.parts)).rejects.toThrow('数据库无法打开');
    expect(state.terminated).toBe(true);
  });

  it('runs in the window where no worker can start', async () => {
    const out = await exportLedgerOffThread(db, { now: clock.now }, () => null);
    const text = (await collect(out.parts)).join('');
    expect(parseBackup(text).ok).toBe(true);
    expect(out.written.records).toBe(32);
  });
});
