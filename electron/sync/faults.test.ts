// What a shared folder does in real life, injected through the file-system layer over a real
// temp folder: writes cut off, a share that vanishes and comes back empty, EPERM from an
// antivirus scanner, files other PCs see late, a PC whose clock is two hours ahead.
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT_FILE } from '../../shared/sync/format';
import { syncOnce, type SyncOptions } from './engine';
import { FileLedger } from './file-ledger';
import { SyncFolder } from './folder';
import { nodeFs } from './fs';
import { faultyFs, noFaults, reveal, type Faults } from '../../test/doubles/test-fs';
import { verifyFolder } from './verify-folder';

let dir: string;
let share: string;
let faults: Faults;
let t: number;
const waits: number[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netdesk-sync-'));
  share = join(dir, 'share');
  faults = noFaults();
  t = Date.parse('2026-11-27T08:00:00.000Z');
  waits.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A PC: its ledger on the local disk, the share through the faulty layer; clock `skewMs` off. */
async function pc(name: string, skewMs = 0) {
  const now = () => new Date(t + skewMs);
  const ledger = await FileLedger.create(nodeFs, join(dir, `${name}.json`), name, now);
  const folder = new SyncFolder(share, faultyFs(nodeFs, faults), {
    backoffMs: [10, 20, 40, 80],
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  });
  const sync = (extra: Partial<SyncOptions> = {}) => syncOnce(ledger, folder, { name, now, ...extra });
  return { ledger, sync };
}

async function journalFiles(): Promise<string[]> {
  const found: string[] = [];
  for (const node of await readdir(join(share, 'journal'))) {
    for (const name of await readdir(join(share, 'journal', node)))
      found.push(join(share, 'journal', node, name));
  }
  return found;
}

describe('sync through a misbehaving shared folder', () => {
  it('skips a journal file cut off mid-copy until it is whole', async () => {
    const a = await pc('A');
    const b = await pc('B');
    await a.sync({ initFolder: true });
    await a.ledger.put('people', { id: 'p1', employeeNo: '1001', name: '张伟' });
    await a.sync();
    const [file] = (await journalFiles()).filter((f) => f.includes(a.ledger.nodeId));
    const whole = await readFile(file!);
    await writeFile(file!, whole.subarray(0, whole.length - 30));

    const first = await b.sync();
    expect(first.status.connected).toBe(true);
    expect(first.applied).toBe(0);
    expect(first.status.warnings.join('\n')).toMatch(/skipped \(partial\)/);
    expect(b.ledger.records('people')).toEqual([]);

    await writeFile(file!, whole);
    const second = await b.sync();
    expect(second.applied).toBe(1);
    expect(b.ledger.dump()).toBe(a.ledger.dump());
  });

  it('leaves only a temp file when the power fails mid-write, and publishes it whole next time', async () => {
    const a = await pc('A');
    const b = await pc('B');
    await a.sync({ initFolder: true });
    await a.ledger.put('departments', { id: 'd1', name: '财务部' });
    faults.cutWrite = (path) => path.includes('.ndjson.');
    const cut = await a.sync();
    expect(cut.status.connected).toBe(false);
    expect(cut.status.waiting).toBe(1);
    // B sees no journal of A's yet (the temp file is not one); verify calls it partial.
    expect((await b.sync()).applied).toBe(0);
    const check = await verifyFolder(nodeFs, share);
    expect(check.problems).toEqual([expect.objectContaining({ kind: 'partial' })]);

    expect((await a.sync()).published).toBe(1);
    expect((await b.sync()).applied).toBe(1);
  });

  it('calls a folder that vanished "not connected", never "everything deleted", and never re-creates it silently', async () => {
    const a = await pc('A');
    const b = await pc('B');
    await a.sync({ initFolder: true });
    await a.ledger.put('people', { id: 'p1', employeeNo: '1001', name: '张伟' });
    await a.ledger.put('people', { id: 'p2', employeeNo: '1002', name: '李娜' });
    await a.sync();
    await b.ledger.put('people', { id: 'p3', employeeNo: '1003', name: '王芳' });

    // The share drops a few calls into B's sync.
    faults.vanishAfter = 4;
    const dropped = await b.sync();
    expect(dropped.status.connected).toBe(false);
    expect(dropped.status.reason).toBe('unreachable');
    faults.vanishAfter = null;
    faults.vanished = false;

    // It comes back mounted on an empty folder.
    await rm(share, { recursive: true });
    await mkdir(share);
    const before = a.ledger.dump();
    const empty = await a.sync();
    expect(empty.status).toMatchObject({ connected: false, reason: 'no-root' });
    expect(a.ledger.dump()).toBe(before);
    expect(a.ledger.records('people')).toHaveLength(2);
    expect(await readdir(share)).toEqual([]);

    // Only an explicit init makes a new root; the other PC must then join it explicitly.
    expect((await a.sync({ initFolder: true })).status.connected).toBe(true);
    expect((await b.sync()).status).toMatchObject({ connected: false, reason: 'other-root' });
    expect((await b.sync({ joinOtherRoot: true })).status.connected).toBe(true);
    await a.sync();
    expect(a.ledger.records('people')).toHaveLength(3);
    expect(b.ledger.dump()).toBe(a.ledger.dump());
  });

  it('retries a rename refused with EPERM and gets the file in place', async () => {
    const a = await pc('A');
    const b = await pc('B');
    await a.sync({ initFolder: true });
    await a.ledger.put('people', { id: 'p1', employeeNo: '1001', name: '张伟' });
    faults.renameFailures = 3;
    const report = await a.sync();
    expect(report.status.connected).toBe(true);
    expect(report.published).toBe(1);
    expect(waits).toEqual([10, 20, 40]);
    expect((await b.sync()).applied).toBe(1);
    expect((await verifyFolder(nodeFs, share)).problems).toEqual([]);
  });

  it('gives up, reporting not connected, when the share keeps refusing', async () => {
    const a = await pc('A');
    await a.sync({ initFolder: true });
    await a.ledger.put('people', { id: 'p1', employeeNo: '1001', name: '张伟' });
    faults.renameFailures = 100;
    const report = await a.sync();
    expect(report.status.connected).toBe(false);
    expect(report.status.waiting).toBe(1);
    faults.renameFailures = 0;
    expect((await a.sync()).published).toBe(1);
  });

  it('waits for files the share shows late, without skipping past them', async () => {
    const a = await pc('A');
    const b = await pc('B');
    await a.sync({ initFolder: true });
    await a.ledger.put('people', { id: 'p1', employeeNo: '1001', name: '张伟' });
    faults.delay = () => true;
    await a.sync();
    faults.delay = () => false;
    await a.ledger.put('people', { id: 'p1', note: '第二次修改' });
    await a.sync();
    const waiting = await b.sync();
    expect(waiting.applied).toBe(0);
    expect(waiting.status.warnings.join('\n')).toMatch(/not in the folder \(yet\)/);
    reveal(faults);
    expect((await b.sync()).applied).toBe(2);
    expect(b.ledger.dump()).toBe(a.ledger.dump());
  });

  it('sets aside changes from a PC whose clock is two hours ahead, and takes them once time catches up', async () => {
    const a = await pc('A');
    const fast = await pc('F', 2 * 3600_000);
    await a.sync({ initFolder: true });
    await a.ledger.put('people', { id: 'p1', employeeNo: '1001', name: '张伟' });
    await a.sync();
    await fast.sync();
    await fast.ledger.put('people', { id: 'p1', name: '张伟（错钟）' });
    await fast.sync();

    const report = await a.sync();
    expect(report.setAside).toBe(1);
    expect(report.status.setAside).toBe(1);
    expect(a.ledger.setAsideChanges()[0]).toMatchObject({ reason: 'clock-ahead', from: fast.ledger.nodeId });
    expect(a.ledger.records('people')[0]!.name).toBe('张伟');
    // A's own edit afterwards is not outranked by the wrong clock's stamp.
    await a.ledger.put('people', { id: 'p1', note: 'A 的备注' });

    t += 2 * 3600_000;
    const later = await a.sync();
    expect(later.status.setAside).toBe(0);
    expect(a.ledger.records('people')[0]).toMatchObject({ name: '张伟（错钟）', note: 'A 的备注' });
  });

  it('puts an attachment in the folder before the journal entry that needs it, and checks it on arrival', async () => {
    const a = await pc('A');
    const b = await pc('B');
    await a.sync({ initFolder: true });
    const pdf = new TextEncoder().encode('%PDF-1.7 2026-11 KPI');
    const meta = await a.ledger.putAttachment(
      { name: '2026-11 KPI.pdf', mime: 'application/pdf', createdAt: new Date(t).toISOString() },
      pdf,
    );
    await a.ledger.put('kpiReports', {
      id: 'k1',
      month: '2026-11',
      issuedAt: new Date(t).toISOString(),
      figures: { k1: 0.98 },
      pdfSha256: meta.sha256,
    });
    // Watch the order in which files land in the folder.
    const landed: string[] = [];
    const watched = faultyFs(nodeFs, faults);
    const folder = new SyncFolder(share, {
      ...watched,
      rename: async (from, to) => {
        await watched.rename(from, to);
        landed.push(to);
      },
    });
    await syncOnce(a.ledger, folder, { name: 'A', now: () => new Date(t) });
    const blobAt = landed.findIndex((p) => p.endsWith(meta.sha256));
    const journalAt = landed.findIndex((p) => p.endsWith('.ndjson'));
    expect(blobAt).toBeGreaterThanOrEqual(0);
    expect(blobAt).toBeLessThan(journalAt);

    // A damaged copy in the folder is not taken; the record still arrives and the file follows.
    const blobPath = join(share, 'blobs', meta.sha256);
    await writeFile(blobPath, 'garbage');
    await b.sync();
    expect(b.ledger.records('kpiReports')).toHaveLength(1);
    expect(await b.ledger.hasBlob(meta.sha256)).toBe(false);
    expect((await verifyFolder(nodeFs, share)).problems).toEqual([
      expect.objectContaining({ path: `blobs/${meta.sha256}`, kind: 'bad' }),
    ]);
    await writeFile(blobPath, pdf);
    await b.sync();
    expect(Buffer.from((await b.ledger.readBlob(meta.sha256))!)).toEqual(Buffer.from(pdf));
  });

  it('verify reports nothing in a clean folder and never touches it', async () => {
    const a = await pc('A');
    await a.sync({ initFolder: true });
    await a.ledger.put('people', { id: 'p1', employeeNo: '1001', name: '张伟' });
    await a.sync({ forceSnapshot: true });
    const before = await readFile(join(share, ROOT_FILE));
    const check = await verifyFolder(nodeFs, share);
    expect(check.problems).toEqual([]);
    // Root, peers file and snapshot; the journal file was compacted (the snapshot covers it and
    // no other PC is known).
    expect(check.good).toBe(3);
    expect(await readFile(join(share, ROOT_FILE))).toEqual(before);
  });
});
