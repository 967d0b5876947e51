// Sync over WebDAV against a local Apache mod_dav_fs (loopback, basic auth), beside folder sync of
// the same changes in the same run: 10,000 changes out (PC A) and in (PC B), then idle syncs of B
// with nothing new, counting the requests each makes. Beside wall time it keeps the CPU time of
// this process and of Apache for the out-and-in: on a machine shared with other jobs wall time
// mostly measures the others, CPU time what the sync costs. `npm run bench` calls webdavFigures
// (2 rounds with --quick, 3 in the full run; the same 10,000 changes either way); alone, with
// the full run's rounds and without its ten-year dataset:
//   npx tsx bench/sync/webdav-sync.ts [changes] [--rounds N]
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { syncOnce } from '../../electron/sync/engine';
import { FileLedger } from '../../electron/sync/file-ledger';
import { SyncFolder, WEBDAV_PEER_REFRESH_MS } from '../../electron/sync/folder';
import { nodeFs, type SyncFs } from '../../electron/sync/fs';
import { WebDavFs } from '../../electron/sync/webdav-fs';
import { DAV_PASSWORD, DAV_USER, startApache } from '../../test/servers/apache';

export interface WebDavBenchResult {
  /** Wall ms of A's publishing sync plus B's applying sync, per round. */
  folderOutIn: number[];
  webdavOutIn: number[];
  /** CPU ms of this process (the engine, both replicas, the WebDAV client) in the same spans. */
  folderCpu: number[];
  webdavCpu: number[];
  /** CPU ms of Apache in the WebDAV span. */
  apacheCpu: number[];
  /** Requests of one WebDAV out-and-in (A's sync and B's), by method. */
  outInRequests: Record<string, number>;
  /** Wall ms of B's sync with nothing new. */
  folderIdle: number[];
  webdavIdle: number[];
  /** Requests of one idle WebDAV sync, by method. */
  idleRequests: Record<string, number>;
}

const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Requests made between two counts of WebDavFs.requests, by method. */
const requestsSince = (before: Record<string, number>, after: Record<string, number>) =>
  Object.fromEntries(
    Object.entries(after)
      .map(([m, n]) => [m, n - (before[m] ?? 0)] as const)
      .filter(([, n]) => n > 0),
  );

async function outAndIn(fs: SyncFs, dir: string, where: string, count: number, peerRefreshMs = 0) {
  // Over WebDAV as the app does it: a peers file that only says "still here" waits a while.
  const folder = new SyncFolder(dir, fs, {}, { peerRefreshMs });
  const a = await FileLedger.create(nodeFs, join(where, 'a.json'), 'PC-A');
  const b = await FileLedger.create(nodeFs, join(where, 'b.json'), 'PC-B');
  await syncOnce(a, folder, { name: 'PC-A', initFolder: true });
  await syncOnce(b, folder, { name: 'PC-B' });
  await a.putMany(
    'people',
    Array.from({ length: count }, (_, i) => ({ employeeNo: `S${i}`, name: `同步测试${i}`, note: '基准' })),
  );
  const r0 = fs instanceof WebDavFs ? { ...fs.requests } : {};
  const t0 = performance.now();
  const c0 = cpuNow();
  const out = await syncOnce(a, folder, { name: 'PC-A', snapshotEvery: 0 });
  const inn = await syncOnce(b, folder, { name: 'PC-B', snapshotEvery: 0 });
  const ms = performance.now() - t0;
  const cpu = cpuNow() - c0;
  const requests = fs instanceof WebDavFs ? requestsSince(r0, fs.requests) : {};
  if (out.published !== count || inn.applied !== count || a.dump() !== b.dump())
    throw new Error(`published ${out.published}, applied ${inn.applied} of ${count}`);
  return { ms, cpu, requests, idle: () => syncOnce(b, folder, { name: 'PC-B', snapshotEvery: 0 }) };
}

export async function webdavFigures(count = 10_000, rounds = 3): Promise<WebDavBenchResult> {
  const apache = await startApache();
  const dir = await mkdtemp(join(tmpdir(), 'netdesk-bench-webdav-'));
  const result: WebDavBenchResult = {
    folderOutIn: [],
    webdavOutIn: [],
    folderCpu: [],
    webdavCpu: [],
    apacheCpu: [],
    outInRequests: {},
    folderIdle: [],
    webdavIdle: [],
    idleRequests: {},
  };
  try {
    for (let round = 0; round < rounds; round++) {
      const where = join(dir, `round-${round}`);
      await mkdir(join(where, 'folder'), { recursive: true });
      await mkdir(join(where, 'dav'), { recursive: true });
      await mkdir(join(where, 'folder-ledgers'), { recursive: true });
      const onDisk = await outAndIn(nodeFs, join(where, 'folder'), join(where, 'folder-ledgers'), count);
      result.folderOutIn.push(onDisk.ms);
      result.folderCpu.push(onDisk.cpu);
      const login = { username: DAV_USER, password: DAV_PASSWORD };
      await new WebDavFs({ url: apache.davUrl, ...login }).mkdir(`bench-${round}`);
      const dav = new WebDavFs({ url: `${apache.davUrl}bench-${round}/`, ...login });
      const apacheBefore = apache.cpuMs();
      const overDav = await outAndIn(dav, '/', join(where, 'dav'), count, WEBDAV_PEER_REFRESH_MS);
      result.apacheCpu.push(apache.cpuMs() - apacheBefore);
      result.webdavOutIn.push(overDav.ms);
      result.webdavCpu.push(overDav.cpu);
      result.outInRequests = overDav.requests;
      for (let k = 0; k < 3; k++) {
        let t = performance.now();
        await onDisk.idle();
        result.folderIdle.push(performance.now() - t);
        const before = { ...dav.requests };
        t = performance.now();
        const idle = await overDav.idle();
        result.webdavIdle.push(performance.now() - t);
        if (!idle.status.connected) throw new Error(`idle WebDAV sync: ${idle.status.detail ?? ''}`);
        result.idleRequests = requestsSince(before, dav.requests);
      }
    }
    return result;
  } finally {
    await apache.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

const median = (ms: number[]) => [...ms].sort((a, b) => a - b)[ms.length >> 1]!;

if (process.argv[1]?.endsWith('webdav-sync.ts')) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--rounds');
  const rounds = at >= 0 ? Number(args[at + 1]) : 3;
  const count = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--rounds') ?? 10_000);
  const load = loadavg()[0]!.toFixed(1);
  const r = await webdavFigures(count, rounds);
  const f = (v: number) => `${v.toFixed(0)} ms`;
  console.log(
    `load average ${load} at the start, ${loadavg()[0]!.toFixed(1)} at the end; ${rounds} rounds, medians`,
  );
  console.log(
    `${count} changes out and in: folder ${f(median(r.folderOutIn))} (CPU ${f(median(r.folderCpu))}), ` +
      `WebDAV ${f(median(r.webdavOutIn))} (CPU ${f(median(r.webdavCpu))} + Apache ${f(median(r.apacheCpu))}) ` +
      `(ratio ${(median(r.webdavOutIn) / median(r.folderOutIn)).toFixed(2)}); ` +
      `WebDAV rounds ${r.webdavOutIn.map(f).join(', ')}`,
  );
  console.log(`requests of one WebDAV out-and-in: ${JSON.stringify(r.outInRequests)}`);
  console.log(
    `idle sync: folder ${f(median(r.folderIdle))}, WebDAV ${f(median(r.webdavIdle))}; ` +
      `requests of one idle WebDAV sync: ${JSON.stringify(r.idleRequests)}`,
  );
}

type Measured = (
  figure: string,
  ms: number[],
  extra?: { budget?: number; baseline?: number; note?: string; unit?: string },
) => unknown;

/** `npm run bench`: the WebDAV figures, with the folder sync of the same run as baseline. */
export async function benchWebDav(io: {
  measured: Measured;
  failed: (figure: string, budget: number | null, err: unknown) => void;
  quick: boolean;
}): Promise<void> {
  try {
    const r = await webdavFigures(10_000, io.quick ? 2 : 3);
    io.measured('10,000 sync changes out and in, folder (same run as WebDAV)', r.folderOutIn);
    io.measured('10,000 sync changes out and in over WebDAV', r.webdavOutIn, {
      budget: 10_000,
      baseline: median(r.folderOutIn),
      note:
        'local Apache mod_dav_fs, loopback; ratio = WebDAV / folder of the same changes; ' +
        `CPU ${median(r.webdavCpu).toFixed(0)} ms here + ${median(r.apacheCpu).toFixed(0)} ms Apache ` +
        `(folder ${median(r.folderCpu).toFixed(0)} ms)`,
    });
    const requests = Object.entries(r.idleRequests)
      .map(([m, n]) => `${n} ${m}`)
      .join(', ');
    io.measured('idle sync over WebDAV (nothing new)', r.webdavIdle, {
      budget: 300,
      baseline: median(r.folderIdle),
      note: `requests: ${requests}`,
    });
  } catch (err) {
    io.failed('10,000 sync changes out and in over WebDAV', 10_000, err);
  }
}
