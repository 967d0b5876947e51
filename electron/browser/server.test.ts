import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcChannel, IpcResult } from '../../shared/ipc';
import { encodeWire } from '../../shared/wire';
import { createReportIndex } from '../services/report-index';
import {
  CONTENT_SECURITY_POLICY,
  PDF_CONTENT_SECURITY_POLICY,
  startBrowserServer,
  type BrowserServer,
} from './server';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let root: string;
let server: BrowserServer;
let cookie: string;
const calls: { channel: string; raw: unknown }[] = [];

/** A raw HTTP request: unlike fetch, it sends paths and Host headers exactly as written. */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', fail);
    req.end(options.body);
  });
}

function api(channel: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(`/api/${channel}`, {
    method: 'POST',
    headers: {
      cookie,
      'content-type': 'application/json',
      'x-netdesk-token': server.token,
      origin: server.origin,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(encodeWire(body)),
  });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'netdesk-server-'));
  const rendererDir = join(root, 'renderer');
  const reportsDir = join(root, 'reports');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await mkdir(reportsDir);
  await writeFile(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="./assets/app.js"></script></head><body><div id="root"></div></body></html>',
  );
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("NetDesk renderer");');
  await writeFile(join(rendererDir, 'assets', 'app.css'), 'body{}');
  await writeFile(join(rendererDir, 'assets', 'index-Ds9i5ajX.js'), 'console.log("hashed");');
  await writeFile(join(root, 'secret.txt'), 'TOP-SECRET-OUTSIDE');
  // One PDF NetDesk issued (in its index), and files that merely lie in the same folder.
  const monthly = new TextEncoder().encode('%PDF-1.7 monthly report');
  await writeFile(join(reportsDir, '2026-10 月度考核.pdf'), monthly);
  await createReportIndex({ dataDir: root }).record({
    fileName: '2026-10 月度考核.pdf',
    path: join(reportsDir, '2026-10 月度考核.pdf'),
    bytes: monthly,
  });
  await writeFile(join(reportsDir, 'planted.pdf'), '%PDF-1.7 not written by NetDesk');
  await writeFile(join(reportsDir, 'swapped.pdf'), '%PDF-1.7 issued');
  await createReportIndex({ dataDir: root }).record({
    fileName: 'swapped.pdf',
    path: join(reportsDir, 'swapped.pdf'),
    bytes: new TextEncoder().encode('%PDF-1.7 issued'),
  });
  await writeFile(join(reportsDir, 'swapped.pdf'), '%PDF-1.7 replaced afterwards');
  await symlink(join(root, 'secret.txt'), join(rendererDir, 'assets', 'link.txt'));

  server = await startBrowserServer({
    port: 0,
    rendererDir,
    findReport: (name) => createReportIndex({ dataDir: root }).find(name),
    dispatch: (channel, raw): Promise<IpcResult<IpcChannel>> => {
      calls.push({ channel, raw });
      if (channel === 'pdf:save') {
        return Promise.resolve({ ok: true, value: { saved: true, fileName: 'a.pdf', url: '/files/a.pdf' } });
      }
      return Promise.resolve({
        ok: false,
        error: { code: 'bad-request', message: 'invalid request for ' + channel },
      });
    },
  });
  const launch = await send(pathOf(server.launchUrl()));
  const setCookie = launch.headers['set-cookie']?.[0] ?? '';
  cookie = setCookie.split(';')[0]!;
});

/** The path and query of a URL, as a browser sends it. */
function pathOf(url: string): string {
  const u = new URL(url);
  return u.pathname + u.search;
}

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe('signing in with the launch URL', () => {
  it('exchanges a one-time code for an HttpOnly SameSite=Strict cookie and redirects to the app', async () => {
    const url = server.launchUrl();
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?c=[A-Za-z0-9_-]{32}$`));
    // What another user can read off the browser's command line is not the token.
    expect(url).not.toContain(server.token);
    const launch = await send(pathOf(url));
    expect(launch.status).toBe(303);
    expect(launch.headers.location).toBe('/');
    const setCookie = launch.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toContain(`=${server.token}`);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    expect(server.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('takes each code once: a second request with it gets no cookie and is told what to do', async () => {
    const path = pathOf(server.launchUrl());
    expect((await send(path)).status).toBe(303);
    const again = await send(path);
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toMatch(/Press Enter in the terminal/);
  });

  it('refuses a code after its few seconds', async () => {
    const path = pathOf(server.launchUrl(30));
    await new Promise((r) => setTimeout(r, 80));
    const late = await send(path);
    expect(late.status).toBe(403);
    expect(late.headers['set-cookie']).toBeUndefined();
  });

  it('never signs in with the token itself in the URL, nor with a made-up code', async () => {
    for (const path of [`/?t=${server.token}`, `/?c=${server.token}`, `/?c=${'A'.repeat(32)}`, '/?c=']) {
      const reply = await send(path);
      expect(reply.status, path).toBe(403);
      expect(reply.headers['set-cookie'], path).toBeUndefined();
    }
  });

  it('lets a browser that already has its cookie reload a used launch URL', async () => {
    const path = pathOf(server.launchUrl());
    await send(path);
    const reload = await send(path, { headers: { cookie } });
    expect(reload.status).toBe(303);
    expect(reload.headers['set-cookie']).toBeUndefined();
  });

  it('keeps only the last few codes waiting', async () => {
    const first = pathOf(server.launchUrl());
    for (let i = 0; i < 8; i++) server.launchUrl();
    expect((await send(first)).status).toBe(403);
  });

  it('refuses every page without the cookie, and with a wrong one', async () => {
    expect((await send('/')).status).toBe(403);
    expect((await send('/assets/app.js')).status).toBe(403);
    const wrong = cookie.replace(/=.*/, `=${'f'.repeat(64)}`);
    const reply = await send('/', { headers: { cookie: wrong } });
    expect(reply.status).toBe(403);
    expect(reply.body).toContain('npm start');
  });
});

describe('requests from other pages and names', () => {
  it('rejects a Host other than 127.0.0.1 or localhost on its port (DNS rebinding)', async () => {
    for (const host of ['evil.example:' + server.port, '127.0.0.1', `127.0.0.1:${server.port + 1}`]) {
      const reply = await send('/', { headers: { cookie, host } });
      expect(reply.status, host).toBe(421);
      expect(reply.body).not.toContain('<div id="root">');
    }
    expect((await send('/', { headers: { cookie, host: `localhost:${server.port}` } })).status).toBe(200);
  });

  it('rejects a foreign Origin, even with the right cookie and token', async () => {
    const reply = await api('app:info', {}, { origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
    expect(calls.some((c) => c.channel === 'app:info')).toBe(false);
  });

  it('rejects an API call without the token header, or with the wrong one', async () => {
    expect((await api('app:info', {}, { 'x-netdesk-token': '' })).status).toBe(403);
    expect((await api('app:info', {}, { 'x-netdesk-token': 'x'.repeat(64) })).status).toBe(403);
    expect(calls.filter((c) => c.channel === 'app:info')).toHaveLength(0);
  });

  it('rejects an API call that is not JSON (a cross-site form post)', async () => {
    const reply = await api('app:info', 'a=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(reply.status).toBe(415);
  });
});

describe('the API', () => {
  it('hands the request to the services with PDF bytes as a Uint8Array', async () => {
    const bytes = new Uint8Array([37, 80, 68, 70, 45, 0, 255]);
    const reply = await api('pdf:save', { fileName: '维修申请卡.pdf', bytes, target: 'reports' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({
      ok: true,
      value: { saved: true, fileName: 'a.pdf', url: '/files/a.pdf' },
    });
    const call = calls.at(-1)!;
    expect(call.channel).toBe('pdf:save');
    const raw = call.raw as { fileName: string; bytes: Uint8Array };
    expect(raw.fileName).toBe('维修申请卡.pdf');
    expect(raw.bytes).toBeInstanceOf(Uint8Array);
    expect(Array.from(raw.bytes)).toEqual(Array.from(bytes));
  });

  it('passes a service error through as data', async () => {
    const reply = await api('settings:write', { language: 'fr' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('answers bad JSON with 400 and a message', async () => {
    const before = calls.length;
    const reply = await api('app:info', '{"oops":');
    expect(reply.status).toBe(400);
    const body = JSON.parse(reply.body) as { ok: boolean; error: { code: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('bad-request');
    expect(body.error.message).toMatch(/not valid JSON/);
    expect(calls.length).toBe(before);
  });

  it('answers damaged base64 bytes with 400', async () => {
    const reply = await api('pdf:save', '{"fileName":"a.pdf","bytes":{"$bytes":"@@@@"},"target":"reports"}');
    expect(reply.status).toBe(400);
    expect(reply.body).toMatch(/base64/);
  });

  it('answers an unknown channel with 404 and GET with 405', async () => {
    expect((await api('fs:readAnything', {})).status).toBe(404);
    const get = await send('/api/app:info', { headers: { cookie, 'x-netdesk-token': server.token } });
    expect(get.status).toBe(405);
  });

  it('refuses a body over the size limit with 413', async () => {
    const small = await startBrowserServer({
      port: 0,
      rendererDir: join(root, 'renderer'),
      findReport: () => Promise.resolve(undefined),
      dispatch: () => Promise.reject(new Error('must not be called')),
      token: server.token,
      maxBodyBytes: 100,
    });
    try {
      const reply = await new Promise<number>((done, fail) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: small.port,
            path: '/api/app:info',
            method: 'POST',
            headers: {
              host: `127.0.0.1:${small.port}`,
              cookie: `netdesk_token_${small.port}=${small.token}`,
              'content-type': 'application/json',
              'x-netdesk-token': small.token,
            },
          },
          (res) => {
            res.resume();
            done(res.statusCode ?? 0);
          },
        );
        req.on('error', fail);
        req.end(JSON.stringify({ filler: 'x'.repeat(1000) }));
      });
      expect(reply).toBe(413);
    } finally {
      await small.close();
    }
  });
});

describe('serving the renderer', () => {
  it('serves index.html with the token meta tag, root asset URLs and no caching', async () => {
    const reply = await send('/', { headers: { cookie } });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.body).toContain(`<meta name="netdesk-token" content="${server.token}">`);
    expect(reply.body).toContain('src="/assets/app.js"');
  });

  it('puts the strict CSP and the other security headers on every response, refusals too', async () => {
    for (const reply of [await send('/', { headers: { cookie } }), await send('/')]) {
      expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['referrer-policy']).toBe('no-referrer');
      expect(reply.headers['cross-origin-opener-policy']).toBe('same-origin');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
  });

  it('serves assets with their MIME types', async () => {
    const js = await send('/assets/app.js', { headers: { cookie } });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.body).toContain('NetDesk renderer');
    const css = await send('/assets/app.css', { headers: { cookie } });
    expect(css.headers['content-type']).toMatch(/^text\/css/);
  });

  it('lets content-hashed assets be kept across starts, never the page or an unhashed file', async () => {
    const hashed = await send('/assets/index-Ds9i5ajX.js', { headers: { cookie } });
    expect(hashed.status).toBe(200);
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await send('/assets/app.js', { headers: { cookie } })).headers['cache-control']).toBe('no-cache');
    expect((await send('/', { headers: { cookie } })).headers['cache-control']).toBe('no-store');
  });

  it('answers an app screen with index.html and a missing file with 404', async () => {
    const screen = await send('/repairs/WX-2026-A-0001', { headers: { cookie } });
    expect(screen.status).toBe(200);
    expect(screen.body).toContain('<div id="root">');
    expect((await send('/assets/missing.js', { headers: { cookie } })).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/assets\\..\\..\\secret.txt',
      '/secret.txt%00.js',
      '/%252e%252e/secret.txt',
      '/assets/link.txt',
      `/${join(root, 'secret.txt')}`,
      '/%E0%A4%A',
    ];
    for (const path of attempts) {
      const reply = await send(path, { headers: { cookie } });
      expect(reply.body, path).not.toContain('TOP-SECRET');
      expect([400, 403, 404], path).toContain(reply.status);
    }
    // A doubled slash stays inside the folder: it is just an app route, answered with the app.
    const doubled = await send('//etc/passwd', { headers: { cookie } });
    expect(doubled.body).not.toContain('root:');
    expect(doubled.body).toContain('<div id="root">');
  });
});

describe('opening saved PDFs', () => {
  it('serves a PDF from the reports folder inline', async () => {
    const reply = await send(`/files/${encodeURIComponent('2026-10 月度考核.pdf')}`, { headers: { cookie } });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/pdf');
    expect(reply.headers['content-disposition']).toMatch(/^inline; filename\*=UTF-8''/);
    expect(reply.body).toBe('%PDF-1.7 monthly report');
    // No scripts at all, but the same-origin embed Chromium's PDF viewer needs.
    expect(reply.headers['content-security-policy']).toBe(PDF_CONTENT_SECURITY_POLICY);
    expect(PDF_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves only PDFs NetDesk issued, not another file in the folder, nor one changed since', async () => {
    for (const name of ['planted.pdf', 'swapped.pdf']) {
      const reply = await send(`/files/${name}`, { headers: { cookie } });
      expect(reply.status, name).toBe(404);
      expect(reply.body, name).not.toContain('%PDF');
    }
  });

  it('needs the cookie and serves nothing but plain PDF names inside the reports folder', async () => {
    expect((await send('/files/a.pdf')).status).toBe(403);
    for (const path of [
      '/files/missing.pdf',
      '/files/..%2fsecret.txt',
      '/files/%2e%2e/renderer/index.html',
      '/files/x.txt',
    ]) {
      const reply = await send(path, { headers: { cookie } });
      expect([403, 404], path).toContain(reply.status);
      expect(reply.body, path).not.toContain('TOP-SECRET');
    }
  });
});
