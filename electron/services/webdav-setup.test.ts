// WebDAV set up from Settings → Sync, through the services as the page calls them (dispatch: the
// same checks as IPC and browser mode), against a real Apache and an HTTPS front with a NAS's
// self-signed certificate. The password is encrypted by safeStorage (the fake-electron double)
// or kept in memory only; it never appears in settings.json, the log, a backup or on the
// server (the data folder holds settings.json, the log and local backups); a certificate is pinned only once its fingerprint is confirmed, and a server that later
// shows another certificate is refused with a clear status.
import { readdir, readFile, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_CURSORS } from '../../shared/sync/types';
import { safeStorage } from '../../test/doubles/fake-electron';
import { makeTestHost, type TestHost } from '../../test/doubles/test-host';
import { DAV_PASSWORD, DAV_USER, startApache, type ApacheServer } from '../../test/servers/apache';
import { createServices, dispatch, type ServiceTable } from './index';
import { PASSWORD_FILE } from './secrets';

const CERT = new URL('../../test/servers/nas-selfsigned.crt', import.meta.url);
const KEY = new URL('../../test/servers/nas-selfsigned.key', import.meta.url);
const OTHER_CERT = new URL('../../test/servers/nas-replaced.crt', import.meta.url);
const OTHER_KEY = new URL('../../test/servers/nas-replaced.key', import.meta.url);

let apache: ApacheServer;
let front: Server;
let httpsBase: string;
let host: TestHost | undefined;
let run = 0;

beforeAll(async () => {
  apache = await startApache();
  const target = new URL(apache.origin);
  front = createServer({ cert: await readFile(CERT), key: await readFile(KEY) }, (req, res) => {
    const headers = { ...req.headers };
    if (typeof headers.destination === 'string')
      headers.destination = headers.destination.replace(/^https:\/\/[^/]+/, apache.origin);
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  httpsBase = `https://127.0.0.1:${(front.address() as AddressInfo).port}/dav/`;
}, 20_000);
afterAll(async () => {
  await new Promise((resolve) => front?.close(resolve));
  await apache?.stop();
});
afterEach(async () => {
  safeStorage.available = true;
  await host?.cleanup();
  host = undefined;
});

async function call<T = unknown>(services: ServiceTable, channel: string, req: unknown): Promise<T> {
  const result = await dispatch(services, channel, req);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message} ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** A new folder on the server for one test, and the services of a PC. */
async function setup(options: { cipher?: boolean; mode?: 'electron' | 'browser' } = {}) {
  const area = `setup-${++run}`;
  await readdir(apache.root); // the server is up
  const { WebDavFs } = await import('../sync/webdav-fs');
  await new WebDavFs({ url: apache.davUrl, username: DAV_USER, password: DAV_PASSWORD }).mkdir(area);
  host = await makeTestHost({
    mode: options.mode ?? 'electron',
    ...(options.cipher !== false && { safeStorage }),
  });
  return { area, services: createServices(host), host };
}

const statusRequest = { cursors: EMPTY_CURSORS, lastSeq: 0, counts: { conflicts: 0, setAside: 0 } };
const exchangeRequest = (init: boolean) => ({
  nodeId: 'a1b2c3d4e5f60718',
  name: 'A · 张伟',
  ...statusRequest,
  outbox: [],
  blobs: [],
  initFolder: init,
});

/** Every file under a folder, with its bytes. */
async function filesUnder(dir: string): Promise<{ path: string; bytes: Buffer }[]> {
  const out: { path: string; bytes: Buffer }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if ((await stat(path)).isFile()) out.push({ path, bytes: await readFile(path) });
  }
  return out;
}

/** The files whose bytes hold the password, as it is or as basic auth sends it. */
async function holdingPassword(dir: string): Promise<string[]> {
  const forms = [
    Buffer.from(DAV_PASSWORD, 'utf8'),
    Buffer.from(`${DAV_USER}:${DAV_PASSWORD}`, 'utf8').toString('base64'),
  ];
  return (await filesUnder(dir))
    .filter(({ bytes }) => forms.some((f) => bytes.includes(f)))
    .map(({ path }) => path);
}

describe('WebDAV in Settings → Sync', () => {
  it('saves address and user in the settings, the password encrypted apart, and syncs through the server', async () => {
    const { area, services, host } = await setup();
    const saved = await call<{ saved: boolean; passwordKept: string }>(services, 'sync:webdav', {
      action: 'save',
      url: `${apache.davUrl}${area}`,
      user: DAV_USER,
      password: DAV_PASSWORD,
    });
    expect(saved).toMatchObject({ saved: true, passwordKept: 'encrypted' });
    const settings = JSON.parse(await readFile(join(host.dataDir, 'settings.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(settings).toMatchObject({
      syncVia: 'webdav',
      webdavUrl: `${apache.davUrl}${area}/`,
      webdavUser: DAV_USER,
    });
    const encrypted = await readFile(join(host.dataDir, PASSWORD_FILE));
    expect(safeStorage.decryptString(encrypted)).toBe(DAV_PASSWORD);

    const first = await call<{ status: { connected: boolean } }>(
      services,
      'sync:exchange',
      exchangeRequest(true),
    );
    expect(first.status.connected).toBe(true);
    expect((await readdir(join(apache.root, area))).sort()).toContain('netdesk-sync.json');
    const status = await call<{ folderSet: boolean; status: { connected: boolean } }>(
      services,
      'sync:status',
      statusRequest,
    );
    expect(status).toMatchObject({ folderSet: true, status: { connected: true } });
    // A log line written while WebDAV is in use (the log file is in the data folder).
    await call(services, 'log:write', { level: 'info', message: 'sync over WebDAV' });
    const settingsRead = await call(services, 'settings:read', {});
    expect(JSON.stringify(settingsRead)).not.toContain(DAV_PASSWORD);
    expect(host.logged.join('\n')).not.toContain(DAV_PASSWORD);
    // Not in settings.json, the log, a backup or anywhere on the server.
    expect(await holdingPassword(host.dataDir)).toEqual([]);
    expect(await holdingPassword(apache.root)).toEqual([]);
  });

  it('refuses plain http to a public address and an address with a password in it, saving nothing', async () => {
    const { services, host } = await setup();
    for (const url of ['http://nas.example.com/dav/', `http://${DAV_USER}:x@127.0.0.1/dav/`]) {
      const result = await dispatch(services, 'sync:webdav', {
        action: 'save',
        url,
        user: DAV_USER,
        password: 'x',
      });
      expect(result.ok).toBe(false);
    }
    expect(await filesUnder(host.dataDir)).toEqual([]);
    // The page cannot set the WebDAV settings around the checks.
    const around = await dispatch(services, 'settings:write', {
      syncVia: 'webdav',
      webdavUrl: 'http://evil.example/',
    });
    expect(around.ok).toBe(false);
  });

  it('keeps the password only in memory where nothing can encrypt it, and asks for it again after a restart', async () => {
    const { area, services, host } = await setup({ cipher: false, mode: 'browser' });
    const saved = await call(services, 'sync:webdav', {
      action: 'save',
      url: `${apache.davUrl}${area}`,
      user: DAV_USER,
      password: DAV_PASSWORD,
    });
    expect(saved).toMatchObject({ saved: true, passwordKept: 'memory' });
    expect(
      (await call<{ status: { connected: boolean } }>(services, 'sync:exchange', exchangeRequest(true)))
        .status.connected,
    ).toBe(true);
    expect(await holdingPassword(host.dataDir)).toEqual([]);
    expect((await readdir(host.dataDir)).includes(PASSWORD_FILE)).toBe(false);
    // The service restarts: same data folder, no password.
    const restarted = createServices(host);
    const status = await call<{ status: { connected: boolean; reason: string } }>(
      restarted,
      'sync:status',
      statusRequest,
    );
    expect(status.status).toMatchObject({ connected: false, reason: 'no-password' });
  });

  it('turning WebDAV off forgets the password and goes back to the folder', async () => {
    const { area, services, host } = await setup();
    await call(services, 'sync:webdav', {
      action: 'save',
      url: `${apache.davUrl}${area}`,
      user: DAV_USER,
      password: DAV_PASSWORD,
    });
    const off = await call<{ settings: { syncVia: string } }>(services, 'sync:webdav', { action: 'off' });
    expect(off.settings.syncVia).toBe('folder');
    expect((await readdir(host.dataDir)).includes(PASSWORD_FILE)).toBe(false);
  });

  it('shows a self-signed certificate to confirm, pins it once confirmed, and refuses another one later', async () => {
    const { services, host } = await setup();
    const ask = { action: 'save', url: `${httpsBase}setup-cert`, user: DAV_USER, password: DAV_PASSWORD };
    const shown = await call<{ saved: false; certificate: { fingerprint256: string; subject: string } }>(
      services,
      'sync:webdav',
      ask,
    );
    expect(shown.saved).toBe(false);
    expect(shown.certificate.subject).toBe('synology');
    expect(shown.certificate.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    // Nothing saved before the user confirms: no settings, no password.
    expect(await filesUnder(host.dataDir)).toEqual([]);
    // Another fingerprint than the one shown is not a confirmation.
    const wrong = await call<{ saved: boolean }>(services, 'sync:webdav', { ...ask, trust: 'AB'.repeat(32) });
    expect(wrong.saved).toBe(false);

    const pinned = await call<{ saved: boolean; settings: { webdavPin: string } }>(services, 'sync:webdav', {
      ...ask,
      trust: shown.certificate.fingerprint256,
    });
    expect(pinned).toMatchObject({ saved: true, settings: { webdavPin: shown.certificate.fingerprint256 } });
    const { WebDavFs } = await import('../sync/webdav-fs');
    await new WebDavFs({ url: apache.davUrl, username: DAV_USER, password: DAV_PASSWORD }).mkdir(
      'setup-cert',
    );
    const synced = await call<{ status: { connected: boolean } }>(
      services,
      'sync:exchange',
      exchangeRequest(true),
    );
    expect(synced.status.connected).toBe(true);

    // The server now shows another certificate (replaced, or someone in between).
    front.setSecureContext({ cert: await readFile(OTHER_CERT), key: await readFile(OTHER_KEY) });
    // Connections kept open were checked when made; new ones meet the new certificate.
    front.closeAllConnections();
    try {
      const refused = await call<{ status: { connected: boolean; reason: string } }>(
        services,
        'sync:status',
        statusRequest,
      );
      expect(refused.status).toMatchObject({ connected: false, reason: 'untrusted-certificate' });
    } finally {
      front.setSecureContext({ cert: await readFile(CERT), key: await readFile(KEY) });
    }
  });
});
