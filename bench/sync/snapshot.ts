// Measures a ten-year ledger's snapshot through sync:exchange on this machine (run:
// npx tsx bench/sync/snapshot.ts [records]). Not a test: it prints figures.
//   1. PC A publishes it in parts: each part validated with the IPC schema as the main process
//      does, then streamed into the folder. Records are repair-card-sized (~1 KB of JSON with
//      their clock stamps).
//   2. PC B, new to the folder, joins from it: rounds of sync:exchange until nothing more waits
//      (the answers' records are counted, not stored: the renderer's IndexedDB is not measured).
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIpcRequest } from '../../shared/ipc';
import { SNAPSHOT_PART_MAX_RECORDS } from '../../shared/sync-ipc';
import { EMPTY_CURSORS, type SyncCursors } from '../../shared/sync/types';
import { createSyncService } from '../../electron/services/sync';

const COUNT = Number(process.argv[2] ?? 1_500_000);
const at = '2026-03-02T08:00:00.000Z';
const stamp = `${String(Date.parse(at)).padStart(15, '0')}-0000-aaaaaaaaaaaaaaaa`;

function card(i: number) {
  const fields = {
    cardNo: `WX-2026-A-${String(i).padStart(6, '0')}`,
    requesterName: '张伟',
    deviceTag: `PC-CW-${i % 500}`,
    faultCategory: 'hardware',
    description: '开机后显示器黑屏，主机风扇声音很大',
    receivedAt: at,
    status: 'closed',
    diagnosis: '内存条损坏，风扇积灰',
    workDone: '更换内存条，清理风扇灰尘',
    result: '开机正常',
    createdAt: at,
    deletedAt: null,
  };
  const hlc = Object.fromEntries(Object.keys(fields).map((k) => [k, stamp]));
  return { id: `card-${String(i).padStart(8, '0')}`, ...fields, updatedAt: at, hlc };
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'netdesk-bench-snap-'));
  try {
    const svc = createSyncService({ syncFolder: () => Promise.resolve(dir), now: () => new Date() });
    const node = 'aaaaaaaaaaaaaaaa';
    const base = (cursors: SyncCursors) => ({
      nodeId: node,
      name: 'A',
      cursors,
      lastSeq: 0,
      counts: { conflicts: 0, setAside: 0 },
      outbox: [],
      blobs: [],
    });
    const first = await svc.exchange(parse({ ...base(EMPTY_CURSORS), initFolder: true }));
    const cursors = first.steps.reduce<SyncCursors>(
      (c, s) => ('cursors' in s && s.cursors ? s.cursors : c),
      EMPTY_CURSORS,
    );
    const parts = Math.ceil(COUNT / SNAPSHOT_PART_MAX_RECORDS);
    const t = performance.now();
    const cpu = process.cpuUsage();
    let name = '';
    let peakHeap = 0;
    for (let part = 0; part < parts; part++) {
      const from = part * SNAPSHOT_PART_MAX_RECORDS;
      const records = Array.from({ length: Math.min(SNAPSHOT_PART_MAX_RECORDS, COUNT - from) }, (_, i) =>
        card(from + i),
      );
      const last = part === parts - 1;
      const answer = await svc.exchange(
        parse({
          ...base(cursors),
          snapshotPart: { uploadId: 'bench-0001', part, table: 'repairCards', records, last },
        }),
      );
      if (last) name = answer.snapshotPart?.name ?? '';
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
    const wallMs = performance.now() - t;
    const used = process.cpuUsage(cpu);
    const size = (await stat(join(dir, 'snapshots', name))).size;
    console.log(
      `publish: ${COUNT.toLocaleString()} records in ${parts} parts → ${name}: ${(size / 1e6).toFixed(0)} MB, ` +
        `${(wallMs / 1000).toFixed(1)} s wall, ${((used.user + used.system) / 1e6).toFixed(1)} s CPU, ` +
        `peak heap ${(peakHeap / 1e6).toFixed(0)} MB`,
    );

    // B joins: its cursors carry the position of the next piece from round to round.
    const b = 'bbbbbbbbbbbbbbbb';
    let bCursors: SyncCursors = EMPTY_CURSORS;
    let rounds = 0;
    let received = 0;
    let firstRoundMs = 0;
    let biggest = 0;
    peakHeap = 0;
    const tb = performance.now();
    const cpuB = process.cpuUsage();
    for (;;) {
      const tr = performance.now();
      const answer = await svc.exchange(parse({ ...base(bCursors), nodeId: b, name: 'B' }));
      if (rounds === 0) firstRoundMs = performance.now() - tr;
      rounds++;
      for (const s of answer.steps) {
        if (s.kind === 'snapshot') {
          const n = Object.values(s.snapshot.tables).reduce((k, list) => k + (list?.length ?? 0), 0);
          received += n;
          biggest = Math.max(biggest, n);
        }
        if (s.kind === 'cursors' || (s.kind === 'apply' && s.cursors)) bCursors = s.cursors!;
      }
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      if (!answer.more) break;
    }
    const usedB = process.cpuUsage(cpuB);
    console.log(
      `join: ${received.toLocaleString()} records in ${rounds} rounds (at most ${biggest.toLocaleString()} a round), ` +
        `first round (hash check of the whole file) ${(firstRoundMs / 1000).toFixed(1)} s, ` +
        `${((performance.now() - tb) / 1000).toFixed(1)} s wall, ${((usedB.user + usedB.system) / 1e6).toFixed(1)} s CPU, ` +
        `peak heap ${(peakHeap / 1e6).toFixed(0)} MB, read cursor of A: ${bCursors.read[node] ?? 0}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function parse(raw: unknown) {
  const parsed = parseIpcRequest('sync:exchange', raw);
  if (!parsed.ok) throw new Error(parsed.error.issues?.join('; '));
  return parsed.value;
}

await main();
