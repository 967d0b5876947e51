// Measures folder sync on this machine (run: npx tsx bench/sync/folder-sync.ts). Not a test: it
// prints figures. Two replicas on the local disk, one temp folder as the share:
//   1. PC A makes 10,000 changes (one batch), publishes them; PC B reads and applies them.
//   2. PC B syncs again with nothing new (the "idle" sync the app runs every few minutes).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syncOnce } from '../../electron/sync/engine';
import { FileLedger } from '../../electron/sync/file-ledger';
import { SyncFolder } from '../../electron/sync/folder';
import { nodeFs } from '../../electron/sync/fs';

const COUNT = Number(process.argv[2] ?? 10_000);

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'netdesk-bench-'));
  try {
    const folder = new SyncFolder(join(dir, 'share'), nodeFs);
    const a = await FileLedger.create(nodeFs, join(dir, 'a.json'), 'A');
    const b = await FileLedger.create(nodeFs, join(dir, 'b.json'), 'B');
    await syncOnce(a, folder, { name: 'A', initFolder: true });
    await syncOnce(b, folder, { name: 'B' });

    const people = Array.from({ length: COUNT }, (_, i) => ({
      employeeNo: `E${String(i).padStart(6, '0')}`,
      name: `员工${i}`,
      title: '技术员',
      note: `第 ${i} 号测试记录`,
    }));
    let t = performance.now();
    await a.putMany('people', people);
    const writeMs = performance.now() - t;

    // CPU time is printed beside wall time: on a busy machine wall time mostly measures the others.
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const used = process.cpuUsage(since);
      return (used.user + used.system) / 1000;
    };
    t = performance.now();
    let cpu = process.cpuUsage();
    const published = await syncOnce(a, folder, { name: 'A', snapshotEvery: 0 });
    const publishMs = performance.now() - t;
    const publishCpu = cpuMs(cpu);
    t = performance.now();
    cpu = process.cpuUsage();
    const applied = await syncOnce(b, folder, { name: 'B', snapshotEvery: 0 });
    const applyMs = performance.now() - t;
    const applyCpu = cpuMs(cpu);
    if (published.published !== COUNT || applied.applied !== COUNT || a.dump() !== b.dump())
      throw new Error(
        `bench run did not converge: ${published.published} published, ${applied.applied} applied`,
      );

    const idle: number[] = [];
    for (let i = 0; i < 10; i++) {
      t = performance.now();
      await syncOnce(b, folder, { name: 'B', snapshotEvery: 0 });
      idle.push(performance.now() - t);
    }
    idle.sort((x, y) => x - y);
    const ms = (v: number) => `${v.toFixed(0)} ms`;
    console.log(
      `${COUNT} changes: made on A ${ms(writeMs)} (not sync), A publishes ${ms(publishMs)}, B applies ${ms(applyMs)}`,
    );
    console.log(
      `  sync total (publish + apply): ${ms(publishMs + applyMs)} wall, ${ms(publishCpu + applyCpu)} CPU`,
    );
    console.log(
      `idle sync on B (ledger of ${COUNT} records), 10 runs: median ${ms(idle[5]!)}, min ${ms(idle[0]!)}, max ${ms(idle[9]!)}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
