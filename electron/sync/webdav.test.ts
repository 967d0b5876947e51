// Sync over WebDAV against a real Apache httpd (mod_dav_fs) on a loopback port, with a proxy in
// front of it for what the internet does: a PUT cut mid-stream, a full disk (507), a lock held
// (423), a captive portal's HTML, a redirect to another host, a listing with `../`, a server
// that never answers. The folder's guarantees must hold: nothing lost, nothing half-read,
// nothing written locally or outside the sync folder, and a clear status each time.
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { syncOnce, type SyncOptions } from './engine';
import { FileLedger } from './file-ledger';
import { SyncFolder } from './folder';
import { nodeFs, withTimeout, type SyncFs } from './fs';
import { readSnapshotChunk, readSnapshotHead, SnapshotStream, verifySnapshotFile } from './snapshot-stream';
import { verifyFolder } from './verify-folder';
import { WebDavFs, isPlainName } from './webdav-fs';
import { DAV_PASSWORD, DAV_USER, useDavServer } from '../../test/servers/apache';

const server = useDavServer('run');
let t: number;

beforeEach(() => {
  t = Date.parse('2026-12-07T08:00:00.000Z');
});

/** The sync folder of this test on the server, through the proxy (or straight to Apache). */
function dav(
  options: { direct?: boolean; password?: string; path?: string; idleTimeoutMs?: number } = {},
): WebDavFs {
  const path = options.path ?? server.area;
  return new WebDavFs({
    url: options.direct ? `${server.apache.origin}${path}` : server.proxy.url(path),
    username: DAV_USER,
    password: options.password ?? DAV_PASSWORD,
    spoolDir: server.dir,
    retryWaitsMs: [5, 10],
    ...(options.idleTimeoutMs !== undefined && { idleTimeoutMs: options.idleTimeoutMs }),
  });
}

async function pc(name: string, fs: SyncFs = dav(), skewMs = 0) {
  const now = () => new Date(t + skewMs);
  const file = join(server.dir, `${name}.json`);
  const ledger = await FileLedger.create(nodeFs, file, name, now);
  const folder = new SyncFolder('/', withTimeout(fs, 3000), {
    backoffMs: [10, 20],
    sleep: () => Promise.resolve(),
  });
  const sync = (extra: Partial<SyncOptions> = {}) => syncOnce(ledger, folder, { name, now, ...extra });
  return { ledger, folder, file, sync };
}

/** Every file under this test's area on the server's disk (temp files included). */
async function serverFiles(): Promise<string[]> {
  const base = join(server.apache.root, server.area.replace('/dav/', ''));
  const out: string[] = [];
  async function walk(d: string, rel: string) {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      if (e.isDirectory()) await walk(join(d, e.name), `${rel}${e.name}/`);
      else out.push(`${rel}${e.name}`);
    }
  }
  await walk(base, '');
  return out.sort();
}

async function twoPcs() {
  const a = await pc('A');
  const b = await pc('B');
  const first = await a.sync({ initFolder: true });
  expect(first.status.detail ?? '').toBe('');
  expect(first.status.connected).toBe(true);
  return { a, b };
}

describe('sync over WebDAV (Apache mod_dav_fs)', () => {
  it('carries changes from one PC to another through the server, and verify finds the folder clean', async () => {
    const { a, b } = await twoPcs();
    const { id } = await a.ledger.put('people', { employeeNo: '1001', name: '张伟' });
    await a.ledger.put('departments', { name: '财务部' });
    expect((await a.sync()).published).toBe(2);
    const got = await b.sync();
    expect(got.status.connected).toBe(true);
    expect(got.applied).toBe(2);
    expect(b.ledger.records('people').find((r) => r.id === id)?.name).toBe('张伟');
    expect(b.ledger.dump()).toBe(a.ledger.dump());
    expect((await a.sync()).status.peers.map((p) => p.name).sort()).toEqual(['A', 'B']);
    // The layout on the server is the folder's, with no temp file left behind.
    const files = await serverFiles();
    expect(files).toContain('netdesk-sync.json');
    expect(files.filter((f) => f.startsWith('journal/'))).toHaveLength(1);
    expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
    const report = await verifyFolder(dav(), '/');
    expect(report.problems).toEqual([]);
  });

  it('loses nothing when the line drops mid-PUT: the cut upload is never read, the next sync sends it whole', async () => {
    const { a, b } = await twoPcs();
    for (let i = 0; i < 30; i++) await a.ledger.put('people', { employeeNo: `E${i}`, name: `员工${i}` });
    server.proxy.rule = (req) =>
      req.method === 'PUT' && req.url?.includes('/journal/') ? { cut: 700 } : 'pass';
    const cut = await a.sync();
    expect(cut.status.connected).toBe(false);
    expect(cut.status.reason).toBe('unreachable');
    expect(cut.status.waiting).toBe(30);
    // B finds no journal of A that it could take for whole.
    const early = await b.sync();
    expect(early.status.connected).toBe(true);
    expect(b.ledger.records('people')).toHaveLength(0);
    server.proxy.rule = () => 'pass';
    expect((await a.sync()).published).toBe(30);
    expect((await b.sync()).applied).toBe(30);
    expect(b.ledger.dump()).toBe(a.ledger.dump());
  });

  it('says the server is full on a 507, keeps the changes waiting, and sends them once there is room', async () => {
    const { a, b } = await twoPcs();
    await a.ledger.put('people', { employeeNo: '1', name: '李娜' });
    server.proxy.rule = (req) =>
      req.method === 'PUT' ? { status: 507, body: 'Insufficient Storage' } : 'pass';
    const full = await a.sync();
    expect(full.status).toMatchObject({ connected: false, reason: 'server-full', waiting: 1 });
    server.proxy.rule = () => 'pass';
    expect((await a.sync()).published).toBe(1);
    expect((await b.sync()).applied).toBe(1);
  });

  it('retries a MOVE refused with 423 Locked, and reports "locked" when the lock stays', async () => {
    const { a } = await twoPcs();
    await a.ledger.put('people', { employeeNo: '1', name: '王芳' });
    let refusals = 1;
    server.proxy.rule = (req) => (req.method === 'MOVE' && refusals-- > 0 ? { status: 423 } : 'pass');
    expect((await a.sync()).published).toBe(1);
    await a.ledger.put('people', { employeeNo: '2', name: '赵强' });
    server.proxy.rule = (req) => (req.method === 'MOVE' ? { status: 423 } : 'pass');
    expect((await a.sync()).status).toMatchObject({ connected: false, reason: 'locked', waiting: 1 });
    expect((await serverFiles()).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('tells a wrong password (401) and a user without rights (403) apart, and writes nothing locally', async () => {
    const a = await pc('A', dav({ password: 'wrong' }));
    await a.ledger.put('people', { employeeNo: '1', name: '张伟' });
    const before = await readFile(a.file, 'utf8');
    const refused = await a.sync({ initFolder: true });
    expect(refused.status).toMatchObject({ connected: false, reason: 'auth-failed' });
    expect(refused.status.detail).toMatch(/401/);
    expect(await readFile(a.file, 'utf8')).toBe(before);
    server.proxy.rule = () => ({ status: 403, body: 'Forbidden' });
    const b = await pc('B');
    expect((await b.sync()).status).toMatchObject({ connected: false, reason: 'forbidden' });
  });

  it('calls a missing server folder unreachable, an empty one "no root", never "everything deleted"', async () => {
    const gone = await pc('X', dav({ path: '/dav/no-such-folder/' }));
    expect((await gone.sync()).status).toMatchObject({ connected: false, reason: 'unreachable' });
    const { a, b } = await twoPcs();
    await a.ledger.put('people', { employeeNo: '1', name: '张伟' });
    await a.sync();
    await b.sync();
    // An admin empties the server folder while both PCs are away.
    await rm(join(server.apache.root, server.area.replace('/dav/', '')), { recursive: true, force: true });
    await dav({ path: '/dav/' }).mkdir(server.area.replace('/dav/', ''));
    for (const p of [a, b]) {
      const report = await p.sync();
      expect(report.status).toMatchObject({ connected: false, reason: 'no-root' });
      expect(p.ledger.records('people')).toHaveLength(1);
    }
    expect(await serverFiles()).toEqual([]);
  });

  it('refuses a captive portal that answers HTML, without writing anything', async () => {
    const a = await pc('A');
    await a.ledger.put('people', { employeeNo: '1', name: '张伟' });
    const before = await readFile(a.file, 'utf8');
    server.proxy.rule = () => ({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: '<html><body>请登录 Wi-Fi</body></html>',
    });
    const report = await a.sync({ initFolder: true });
    expect(report.status).toMatchObject({ connected: false, reason: 'not-webdav' });
    expect(await readFile(a.file, 'utf8')).toBe(before);
    expect(server.proxy.seen.some((s) => /^(PUT|MOVE|MKCOL|DELETE)/.test(s))).toBe(false);
  });

  it('does not follow a redirect to another host (the password would go with it)', async () => {
    const a = await pc('A');
    server.proxy.rule = () => ({ status: 302, headers: { location: 'https://evil.example/dav/' } });
    const report = await a.sync({ initFolder: true });
    expect(report.status).toMatchObject({ connected: false, reason: 'redirected' });
    expect(report.status.detail).toMatch(/evil\.example/);
  });

  it('refuses a listing that names ../ and touches nothing outside the sync folder', async () => {
    const { a, b } = await twoPcs();
    await b.sync();
    await a.ledger.put('people', { employeeNo: '1', name: '张伟' });
    await a.sync();
    const outside = await dav({ direct: true, path: '/dav/' }).readdir('/');
    server.proxy.rule = (req) =>
      req.method === 'PROPFIND'
        ? {
            rewrite: (xml) =>
              xml.replace(
                /(<D:href>[^<]*\/journal\/)([^<]+)(<\/D:href>)/,
                (_m, head: string, _name: string, tail: string) => `${head}../../escape/${tail}`,
              ),
          }
        : 'pass';
    const before = await readFile(b.file, 'utf8');
    const report = await b.sync();
    expect(report.status).toMatchObject({ connected: false, reason: 'bad-listing' });
    expect(await readFile(b.file, 'utf8')).toBe(before);
    expect(b.ledger.records('people')).toHaveLength(0);
    server.proxy.rule = () => 'pass';
    expect(await dav({ direct: true, path: '/dav/' }).readdir('/')).toEqual(outside);
    expect(isPlainName('..')).toBe(false);
  });

  it('gives up on a server that never answers with "timeout", and the app is not held', async () => {
    const { a } = await twoPcs();
    server.proxy.rule = () => 'hang';
    const started = Date.now();
    const report = await a.sync();
    expect(report.status).toMatchObject({ connected: false, reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(6000);
  });

  describe('each request has its own idle limit (here 400 ms; the call limit of 3 s never comes)', () => {
    /** B behind the proxy with a short idle limit; A has published two changes for it. */
    async function bWaitingForTwo() {
      const { a } = await twoPcs();
      const b = await pc('Slow', dav({ idleTimeoutMs: 400 }));
      expect((await b.sync()).status.connected).toBe(true);
      await a.ledger.put('people', { employeeNo: '1', name: '王芳' });
      await a.ledger.put('people', { employeeNo: '2', name: '刘洋' });
      expect((await a.sync()).published).toBe(2);
      return b;
    }

    async function timedOut(b: Awaited<ReturnType<typeof bWaitingForTwo>>, request: RegExp) {
      const before = await readFile(b.file, 'utf8');
      server.proxy.seen.length = 0;
      const started = Date.now();
      const report = await b.sync();
      const took = Date.now() - started;
      expect(report.status).toMatchObject({ connected: false, reason: 'timeout' });
      expect(report.status.detail).toMatch(/no answer for 0\.4 s/);
      // Three tries of 400 ms and the short waits between: well inside the call limit.
      expect(took).toBeGreaterThanOrEqual(3 * 400);
      expect(took).toBeLessThan(2500);
      expect(server.proxy.seen.filter((r) => request.test(r))).toHaveLength(3);
      expect(await readFile(b.file, 'utf8')).toBe(before);
      expect(b.ledger.records('people')).toHaveLength(0);
      server.proxy.rule = () => 'pass';
      expect((await b.sync()).applied).toBe(2);
    }

    it('a server that takes the connection and never answers: "timeout", tried again, nothing written', async () => {
      const b = await bWaitingForTwo();
      server.proxy.rule = () => 'hang';
      await timedOut(b, /^PROPFIND /);
    });

    it('an answer that stalls mid-body: "timeout", tried again, nothing of it applied', async () => {
      const b = await bWaitingForTwo();
      server.proxy.rule = (req) =>
        req.method === 'GET' && req.url?.includes('/journal/') ? { stall: 200 } : 'pass';
      await timedOut(b, /^GET .*\/journal\//);
    });
  });

  it('reads a large file over a slow line that keeps moving, however long the whole read takes', async () => {
    // As the app and the CLI use it: no limit on the whole call, only the idle limit of each
    // request (here 300 ms). The answer comes 32 KB every 40 ms, 600 KB in about 0.75 s.
    const direct = dav({ direct: true });
    await direct.mkdir('/');
    await direct.writeFile('/big.bin', new Uint8Array(600 * 1024).fill(7));
    server.proxy.rule = (req) => (req.method === 'GET' ? { trickle: 32 * 1024, everyMs: 40 } : 'pass');
    const slow = dav({ idleTimeoutMs: 300 });
    const started = Date.now();
    const bytes = await slow.readFile('/big.bin');
    expect(Date.now() - started).toBeGreaterThan(2 * 300);
    expect(bytes.byteLength).toBe(600 * 1024);
    expect(bytes.every((b) => b === 7)).toBe(true);
    // A limit on the whole call would have cut the read while bytes were still arriving.
    await expect(withTimeout(dav({ idleTimeoutMs: 300 }), 300).readFile('/big.bin')).rejects.toThrow(
      /took longer than 300 ms/,
    );
  });

  it('two PCs syncing at the same moment end with the same ledger', async () => {
    const { a, b } = await twoPcs();
    const c = await pc('C');
    for (let i = 0; i < 5; i++) {
      await a.ledger.put('people', { employeeNo: `A${i}`, name: `甲${i}` });
      await b.ledger.put('people', { employeeNo: `B${i}`, name: `乙${i}` });
      await c.ledger.put('departments', { name: `部门${i}` });
    }
    await Promise.all([a.sync(), b.sync(), c.sync()]);
    await Promise.all([a.sync(), b.sync(), c.sync()]);
    expect(b.ledger.dump()).toBe(a.ledger.dump());
    expect(c.ledger.dump()).toBe(a.ledger.dump());
    expect(a.ledger.records('people')).toHaveLength(10);
  });

  it('sets aside changes from a PC whose clock is hours ahead of the others', async () => {
    const { a } = await twoPcs();
    const ahead = await pc('Ahead', dav(), 3 * 3600_000);
    await ahead.sync();
    await ahead.ledger.put('people', { employeeNo: '9', name: '未来' });
    await ahead.sync();
    const report = await a.sync();
    expect(report.setAside).toBe(1);
    expect(a.ledger.records('people')).toHaveLength(0);
  });

  it('joins a new PC from a snapshot on the server', async () => {
    const { a } = await twoPcs();
    for (let i = 0; i < 12; i++) await a.ledger.put('people', { employeeNo: `S${i}`, name: `快照${i}` });
    await a.sync({ forceSnapshot: true });
    const snapshots = (await serverFiles()).filter((f) => f.startsWith('snapshots/'));
    expect(snapshots).toHaveLength(1);
    expect(
      (await stat(join(server.apache.root, server.area.replace('/dav/', ''), snapshots[0]!))).size,
    ).toBeGreaterThan(0);
    const late = await pc('Late');
    const joined = await late.sync();
    expect(joined.status.connected).toBe(true);
    expect(late.ledger.dump()).toBe(a.ledger.dump());
  });

  it('writes a snapshot in parts (spooled here, one PUT, then MOVE) and reads it back in ranges', async () => {
    const { a } = await twoPcs();
    const rootId = (await a.ledger.readCursors()).rootId!;
    const at = '2026-12-07T08:00:00.000Z';
    const stamp = `${String(Date.parse(at)).padStart(15, '0')}-0000-${a.ledger.nodeId}`;
    const people = Array.from({ length: 300 }, (_, i) => ({
      id: `p${i}`,
      name: `员工${i}`,
      createdAt: at,
      hlc: { name: stamp },
    }));
    const stream = await SnapshotStream.start(a.folder, {
      rootId,
      nodeId: a.ledger.nodeId,
      stamp,
      takenAt: new Date(at),
      covers: { [a.ledger.nodeId]: 0 },
    });
    await stream.addRecords('people', people.slice(0, 100));
    // Mid-way, the server holds only the head under a temp name: no snapshot a reader would list.
    expect((await serverFiles()).filter((f) => f.startsWith('snapshots/') && !f.endsWith('.tmp'))).toEqual(
      [],
    );
    await stream.addRecords('people', people.slice(100));
    await stream.addSetAside([]);
    const name = await stream.finish();
    expect((await serverFiles()).filter((f) => f.startsWith('snapshots/'))).toEqual([`snapshots/${name}`]);
    const head = await readSnapshotHead(a.folder, rootId, name);
    if (!head.ok) throw new Error(head.detail);
    expect(await verifySnapshotFile(a.folder, head.head, name)).toEqual({ ok: true });
    const whole = await readSnapshotChunk(
      a.folder,
      name,
      { offset: head.head.bodyStart, table: null, inSetAside: false },
      1000,
    );
    expect(whole.records).toBe(300);
    expect(whole.tables.people?.map((r) => (r as { name: string }).name)).toEqual(people.map((p) => p.name));
  });
});
