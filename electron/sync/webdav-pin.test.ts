// A NAS with its own self-signed certificate: refused until the user confirms its fingerprint,
// then that certificate and only it is accepted — and a refused server never receives the
// password. An HTTPS front (the test's, with a fixed self-signed certificate whose CN is
// "synology", as a DSM's own is) forwards to the real Apache behind it.
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAV_PASSWORD, DAV_USER, startApache, type ApacheServer } from '../../test/servers/apache';
import { SyncFolder } from './folder';
import { withTimeout } from './fs';
import { normalizeFingerprint, peekCertificate, WebDavFs } from './webdav-fs';

const CERT = new URL('../../test/servers/nas-selfsigned.crt', import.meta.url);
const KEY = new URL('../../test/servers/nas-selfsigned.key', import.meta.url);

let apache: ApacheServer;
let front: Server;
let base: string;
const heard: string[] = [];

beforeAll(async () => {
  apache = await startApache();
  const target = new URL(apache.origin);
  front = createServer({ cert: await readFile(CERT), key: await readFile(KEY) }, (req, res) => {
    heard.push(`${req.method} ${req.url} ${req.headers.authorization ? 'with password' : ''}`);
    // A MOVE names its destination by full address: the front's, which Apache must see as its own.
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
  base = `https://127.0.0.1:${(front.address() as AddressInfo).port}/dav/`;
}, 20_000);
afterAll(async () => {
  await new Promise((resolve) => front?.close(resolve));
  await apache?.stop();
});

const login = { username: DAV_USER, password: DAV_PASSWORD };

describe('a self-signed NAS certificate', () => {
  it('is refused without a pin, and with another pin, before the password is sent', async () => {
    heard.length = 0;
    const plain = new SyncFolder('/', withTimeout(new WebDavFs({ url: base, ...login }), 5000));
    expect(await plain.readRoot()).toMatchObject({ ok: false, reason: 'untrusted-certificate' });
    const other = new WebDavFs({ url: base, ...login, pinnedFingerprint: 'AB'.repeat(32) });
    const pinnedWrong = new SyncFolder('/', withTimeout(other, 5000));
    expect(await pinnedWrong.readRoot()).toMatchObject({ ok: false, reason: 'untrusted-certificate' });
    expect(heard).toEqual([]);
  });

  it('is accepted once its fingerprint, shown to the user, is pinned', async () => {
    const seen = await peekCertificate(base);
    expect(seen.trusted).toBe(false);
    expect(seen.subject).toBe('synology');
    expect(seen.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    // The user may type it in any case, with or without colons.
    const typed = seen.fingerprint256.replace(/:/g, '').toLowerCase();
    expect(normalizeFingerprint(typed)).toBe(seen.fingerprint256);
    const fs = new WebDavFs({ url: base, ...login, pinnedFingerprint: typed });
    await fs.mkdir('pinned');
    const folder = new SyncFolder('/pinned', withTimeout(fs, 5000));
    const root = await folder.initRoot(new Date());
    expect(await folder.readRoot()).toEqual({ ok: true, root });
    expect(heard.some((h) => h.includes('with password'))).toBe(true);
  });
});
