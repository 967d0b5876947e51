// What a sync over WebDAV costs on the wire, counted by a proxy in front of a real Apache: a sync
// with nothing new is one PROPFIND of the sync folder; a change of another PC is still seen
// (ETags); a server that refuses Depth: infinity is listed a folder at a time; requests that fail
// on the way are sent again a bounded number of times, and answers no retry can change are not.
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { syncOnce } from './engine';
import { FileLedger } from './file-ledger';
import { SyncFolder, WEBDAV_PEER_REFRESH_MS } from './folder';
import { nodeFs, withTimeout } from './fs';
import { WebDavFs } from './webdav-fs';
import { DAV_PASSWORD, DAV_USER, useDavServer } from '../../test/servers/apache';

const server = useDavServer('wire');
let t: number;

beforeEach(() => {
  t = Date.parse('2026-12-07T08:00:00.000Z');
});

async function pc(name: string, options: { password?: string; waits?: number[] } = {}) {
  const now = () => new Date(t);
  const file = join(server.dir, `${name}.json`);
  const ledger = await FileLedger.create(nodeFs, file, name, now);
  const dav = new WebDavFs({
    url: server.proxy.url(server.area),
    username: DAV_USER,
    password: options.password ?? DAV_PASSWORD,
    spoolDir: server.dir,
    retryWaitsMs: options.waits ?? [5, 10],
  });
  const folder = new SyncFolder('/', withTimeout(dav, 5000), {}, { peerRefreshMs: WEBDAV_PEER_REFRESH_MS });
  const sync = (init = false) => syncOnce(ledger, folder, { name, now, initFolder: init });
  return { ledger, dav, sync };
}

async function twoPcs() {
  const a = await pc('A');
  const b = await pc('B');
  expect((await a.sync(true)).status.connected).toBe(true);
  expect((await b.sync()).status.connected).toBe(true);
  await a.sync();
  return { a, b };
}

/** Requests the proxy saw while `run` ran. */
async function requestsOf(run: () => Promise<unknown>): Promise<string[]> {
  server.proxy.seen.length = 0;
  await run();
  return [...server.proxy.seen];
}

describe('WebDAV sync on the wire', () => {
  it('syncs with nothing new in one PROPFIND of the sync folder', async () => {
    const { a, b } = await twoPcs();
    await a.ledger.put('people', { employeeNo: '1', name: '张伟' });
    await a.sync();
    expect((await b.sync()).applied).toBe(1);
    t += 60_000;
    const idle = await requestsOf(async () => {
      const report = await b.sync();
      expect(report.status.connected).toBe(true);
      expect(report.status.peers.map((p) => p.name).sort()).toEqual(['A', 'B']);
    });
    expect(idle).toEqual([`PROPFIND ${server.area.replace(/\/$/, '')}`]);
    expect(b.dav.requestCount).toBeGreaterThan(1);
  });

  it('still sees another PC’s new changes and a peers file rewritten under the same name', async () => {
    const { a, b } = await twoPcs();
    await b.sync();
    await a.ledger.put('people', { employeeNo: '2', name: '李娜' });
    await a.sync();
    const seen = await requestsOf(async () => expect((await b.sync()).applied).toBe(1));
    // The new journal file and A's peers file (its cursors moved) are read; the root file is not.
    expect(seen.filter((s) => s.startsWith('GET'))).toHaveLength(2);
    expect(seen.some((s) => s.includes('netdesk-sync.json'))).toBe(false);
    expect(b.ledger.dump()).toBe(a.ledger.dump());
  });

  it('refreshes its time of last sync for the others after a while even with nothing new', async () => {
    const { b } = await twoPcs();
    await b.sync();
    t += WEBDAV_PEER_REFRESH_MS + 1000;
    const seen = await requestsOf(() => b.sync());
    expect(seen.filter((s) => /^(PUT|MOVE) .*\/peers\//.test(s))).toHaveLength(2);
  });

  it('lists a folder at a time where the server refuses Depth: infinity, and syncs all the same', async () => {
    const { a, b } = await twoPcs();
    server.proxy.rule = (req) =>
      req.method === 'PROPFIND' && req.headers.depth === 'infinity'
        ? { status: 403, body: '<D:error xmlns:D="DAV:"><D:propfind-finite-depth/></D:error>' }
        : 'pass';
    await a.ledger.put('people', { employeeNo: '3', name: '王芳' });
    expect((await a.sync()).published).toBe(1);
    expect((await b.sync()).applied).toBe(1);
    const idle = await requestsOf(() => b.sync());
    expect(idle.every((s) => s.startsWith('PROPFIND'))).toBe(true);
    expect(idle.filter((s) => s.startsWith('PROPFIND')).length).toBeGreaterThan(1);
  });

  it('sends again a request cut off or answered 503, and gives a clear status once tries run out', async () => {
    const { a, b } = await twoPcs();
    await a.ledger.put('people', { employeeNo: '4', name: '赵强' });
    let failures = 2;
    server.proxy.rule = (req) => {
      if (req.method === 'PUT' && req.url?.includes('/journal/') && failures > 0) {
        failures--;
        return failures === 1 ? { cut: 100 } : { status: 503, body: 'busy' };
      }
      return 'pass';
    };
    expect((await a.sync()).published).toBe(1);
    expect(failures).toBe(0);
    expect((await b.sync()).applied).toBe(1);
    await a.ledger.put('people', { employeeNo: '5', name: '孙丽' });
    server.proxy.rule = (req) => (req.method === 'PUT' ? { status: 503, body: 'busy' } : 'pass');
    const seen = await requestsOf(async () =>
      expect((await a.sync()).status).toMatchObject({ connected: false, reason: 'unreachable', waiting: 1 }),
    );
    expect(seen.filter((s) => s.startsWith('PUT'))).toHaveLength(3);
  });

  it('does not send again what the server refused: a wrong password, a full disk', async () => {
    const wrong = await pc('W', { password: 'wrong' });
    const refused = await requestsOf(async () =>
      expect((await wrong.sync()).status).toMatchObject({ connected: false, reason: 'auth-failed' }),
    );
    expect(refused.every((s) => s.startsWith('PROPFIND'))).toBe(true);
    // One for the listing, one for "is the folder there" after it: never three of the same.
    expect(refused.length).toBeLessThanOrEqual(2);
    const { a } = await twoPcs();
    await a.ledger.put('people', { employeeNo: '6', name: '周杰' });
    server.proxy.rule = (req) =>
      req.method === 'PUT' ? { status: 507, body: 'Insufficient Storage' } : 'pass';
    const full = await requestsOf(async () =>
      expect((await a.sync()).status).toMatchObject({ connected: false, reason: 'server-full' }),
    );
    expect(full.filter((s) => s.startsWith('PUT'))).toHaveLength(1);
  });
});
