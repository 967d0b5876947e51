// The requests an attacker or a careless page might send browser mode, against the real server
// and the real services on a temporary data folder. Every one must be refused with a clear
// message (a 4xx status and a readable answer, no stack trace), the server must keep answering
// (no crash), and nothing may be left half-written in the data folder. The count of this corpus
// is the figure docs/security.md reports.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, dispatch } from '../services/index';
import { createReportIndex } from '../services/report-index';
import { makeTestHost, type TestHost } from '../../test/doubles/test-host';
import { startBrowserServer, type BrowserServer } from './server';

let host: TestHost;
let server: BrowserServer;
let cookie = '';
let root: string;

interface Answer {
  status: number;
  body: string;
}

function send(
  path: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    contentLength?: number;
  } = {},
): Promise<Answer> {
  const agent = new Agent({ keepAlive: true });
  return new Promise((done, fail) => {
    const headers: Record<string, string | number> = { host: `127.0.0.1:${server.port}`, ...options.headers };
    if (options.contentLength !== undefined) headers['content-length'] = options.contentLength;
    let answered = false;
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers, agent },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
          req.destroy();
          agent.destroy();
        });
      },
    );
    req.on('error', (err) => !answered && fail(err));
    if (options.contentLength !== undefined) {
      // Declares a large body and starts sending it; the answer should come before the end.
      const piece = Buffer.alloc(1024 * 1024, 0x5b);
      const pump = (): void => {
        while (!answered && !req.destroyed) if (!req.write(piece)) return void req.once('drain', pump);
      };
      pump();
    } else req.end(options.body);
  });
}

const api = (channel: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> =>
  send(`/api/${channel}`, {
    method: 'POST',
    headers: { cookie, 'x-netdesk-token': server.token, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const page = (path: string, headers: Record<string, string> = {}): Promise<Answer> =>
  send(path, { headers: { cookie, ...headers } });
const pdfBytes = { $bytes: Buffer.from('%PDF-1.7 x').toString('base64') };

/** What a hostile or careless caller tries; every one must be refused. */
const corpus: [string, () => Promise<Answer>][] = [
  // Signing in
  ['page without the cookie', () => send('/')],
  [
    'page with a wrong cookie',
    () => send('/', { headers: { cookie: `netdesk_token_${server.port}=${'0'.repeat(64)}` } }),
  ],
  ['the token itself in the launch URL', () => send(`/?t=${server.token}`)],
  ['a made-up launch code', () => send('/?c=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')],
  [
    'a launch code used twice',
    async () => {
      const u = new URL(server.launchUrl());
      await send(u.pathname + u.search);
      return send(u.pathname + u.search);
    },
  ],
  [
    'a launch code after its seconds',
    async () => {
      const u = new URL(server.launchUrl(1));
      await new Promise((r) => setTimeout(r, 20));
      return send(u.pathname + u.search);
    },
  ],
  // Other pages and names
  ['a DNS-rebinding Host', () => page('/', { host: `evil.example:${server.port}` })],
  ['Host without the port', () => page('/', { host: '127.0.0.1' })],
  ['Host on another port', () => page('/', { host: `127.0.0.1:${server.port + 1}` })],
  ['a foreign Origin on the API', () => api('app:info', {}, { origin: 'http://evil.example' })],
  [
    'API call without the token header',
    () =>
      send('/api/app:info', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: '{}',
      }),
  ],
  ['API call with a wrong token header', () => api('app:info', {}, { 'x-netdesk-token': 'f'.repeat(64) })],
  ['a cross-site form post (text/plain)', () => api('app:info', '{}', { 'content-type': 'text/plain' })],
  ['GET on the API', () => page('/api/app:info', { 'x-netdesk-token': server.token })],
  ['an unknown channel', () => api('fs:readAnything', {})],
  ['a channel named __proto__', () => api('__proto__', {})],
  // Paths out of the served folders
  ['static path with ..', () => page('/assets/../../secret.txt')],
  ['static path with %2e%2e', () => page('/assets/%2e%2e/%2e%2e/secret.txt')],
  ['static path with an encoded backslash', () => page('/assets/..%5c..%5csecret.txt')],
  ['static path with NUL', () => page('/index.html%00.png')],
  ['report path with ..%2f', () => page('/files/..%2fsecret.pdf')],
  ['a PDF placed in the reports folder by someone else', () => page('/files/planted.pdf')],
  ['a report that does not exist', () => page('/files/missing.pdf')],
  ['a report name that is not a PDF', () => page('/files/x.txt')],
  // Settings and folders from the page
  ['reportsDir as a relative path', () => api('settings:write', { reportsDir: '../../elsewhere' })],
  ['reportsDir as an absolute folder', () => api('settings:write', { reportsDir: '/etc' })],
  ['syncFolder from the page', () => api('settings:write', { syncFolder: '\\\\\\\\evil\\\\share' })],
  ['a folder with a NUL from the page', () => api('settings:write', { syncFolder: '/mnt/a\u0000b' })],
  [
    'a path in a folder choice',
    () => api('settings:chooseFolder', { which: 'reports', choice: 'dialog', path: '/etc' }),
  ],
  [
    'the folder dialog in browser mode',
    () => api('settings:chooseFolder', { which: 'sync', choice: 'dialog' }),
  ],
  ['an unknown setting', () => api('settings:write', { evil: true })],
  ['a settings patch that is not JSON', () => api('settings:write', '{"language":')],
  // File names
  [
    'pdf:save with ../ in the name',
    () => api('pdf:save', { fileName: '../../evil.pdf', bytes: pdfBytes, target: 'reports' }),
  ],
  [
    'pdf:save with a drive path',
    () => api('pdf:save', { fileName: 'C:\\\\Windows\\\\x.pdf', bytes: pdfBytes, target: 'reports' }),
  ],
  [
    'pdf:save with NUL in the name',
    () => api('pdf:save', { fileName: 'card\u0000.pdf', bytes: pdfBytes, target: 'reports' }),
  ],
  [
    'pdf:save with a newline in the name',
    () => api('pdf:save', { fileName: 'card\n.pdf', bytes: pdfBytes, target: 'reports' }),
  ],
  [
    'pdf:save of an .exe',
    () => api('pdf:save', { fileName: 'card.exe', bytes: pdfBytes, target: 'reports' }),
  ],
  [
    'pdf:save with damaged base64',
    () => api('pdf:save', { fileName: 'card.pdf', bytes: { $bytes: '@@@@' }, target: 'reports' }),
  ],
  [
    'pdf:save with no bytes',
    () => api('pdf:save', { fileName: 'card.pdf', bytes: { $bytes: '' }, target: 'reports' }),
  ],
  ['file:open of a placed PDF', () => api('file:open', { fileName: 'planted.pdf' })],
  ['file:open with an absolute path', () => api('file:open', { fileName: '/etc/passwd.pdf' })],
  [
    'backup:save with ../ in the name',
    () =>
      api('backup:save', {
        fileName: '../netdesk-backup-20261207-0900.json',
        part: 0,
        text: '{}',
        last: false,
      }),
  ],
  ['sync:exchange of garbage', () => api('sync:exchange', { nodeId: '../../x', outbox: 'no' })],
  ['a file:// link to open', () => api('shell:openExternal', { url: 'file:///C:/Windows/notepad.exe' })],
  ['a javascript: link to open', () => api('shell:openExternal', { url: 'javascript:alert(1)' })],
  // Bodies that would exhaust the server
  [
    '72 MB declared on sync:exchange',
    () =>
      send('/api/sync:exchange', {
        method: 'POST',
        headers: { cookie, 'x-netdesk-token': server.token, 'content-type': 'application/json' },
        contentLength: 72_000_000,
      }),
  ],
  [
    '72 MB declared on pdf:save',
    () =>
      send('/api/pdf:save', {
        method: 'POST',
        headers: { cookie, 'x-netdesk-token': server.token, 'content-type': 'application/json' },
        contentLength: 72_000_000,
      }),
  ],
  ['millions of tiny arrays', () => api('sync:exchange', `{"outbox":[${'[],'.repeat(2_100_000)}[]]}`)],
  ['JSON nested 100,000 deep', () => api('sync:status', '['.repeat(100_000) + ']'.repeat(100_000))],
  ['a large settings patch', () => api('settings:write', { operatorName: 'x'.repeat(200_000) })],
];

beforeAll(async () => {
  host = await makeTestHost({ mode: 'browser' });
  root = await mkdtemp(join(tmpdir(), 'netdesk-hostile-'));
  await mkdir(join(root, 'renderer', 'assets'), { recursive: true });
  await writeFile(
    join(root, 'renderer', 'index.html'),
    '<!doctype html><html><head></head><body></body></html>',
  );
  await writeFile(join(root, 'secret.txt'), 'TOP-SECRET');
  await mkdir(join(host.dataDir, 'reports'));
  await writeFile(join(host.dataDir, 'reports', 'planted.pdf'), '%PDF-1.7 not NetDesk’s');
  const services = createServices(host);
  const issued = createReportIndex({ dataDir: host.dataDir });
  server = await startBrowserServer({
    port: 0,
    rendererDir: join(root, 'renderer'),
    dispatch: (channel, raw) => dispatch(services, channel, raw),
    findReport: (name) => issued.find(name),
  });
  const u = new URL(server.launchUrl());
  const launch = await new Promise<string>((done) => {
    request(
      { host: '127.0.0.1', port: server.port, path: u.pathname + u.search, headers: { host: u.host } },
      (res) => {
        res.resume();
        done(String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!);
      },
    ).end();
  });
  cookie = launch;
});

afterAll(async () => {
  await server.close();
  await host.cleanup();
  await rm(root, { recursive: true, force: true });
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

describe('hostile and careless requests against browser mode', () => {
  it('are each refused clearly, crash nothing and write nothing', async () => {
    const before = await filesUnder(host.dataDir);
    const outcomes: { what: string; status: number; clear: boolean; ok: boolean }[] = [];
    for (const [what, attempt] of corpus) {
      const answer = await attempt();
      let refused = answer.status >= 400;
      let message = answer.body;
      if (answer.status === 200) {
        // Refused by the services: the IPC envelope with an error.
        const parsed = JSON.parse(answer.body) as { ok: boolean; error?: { message: string } };
        refused = parsed.ok === false;
        message = parsed.error?.message ?? '';
      } else if (answer.body.startsWith('{')) {
        message = (JSON.parse(answer.body) as { error?: { message?: string } }).error?.message ?? '';
      }
      const clear = message.trim().length > 0 && !/\n\s+at /.test(answer.body);
      outcomes.push({ what, status: answer.status, clear, ok: refused });
      // The server still answers after each one.
      expect((await api('app:info', {})).status, `after: ${what}`).toBe(200);
    }
    const notRefused = outcomes.filter((o) => !o.ok).map((o) => o.what);
    const unclear = outcomes.filter((o) => !o.clear).map((o) => `${o.what} (${o.status})`);
    expect(notRefused).toEqual([]);
    expect(unclear).toEqual([]);
    // No partial writes: the data folder holds exactly what it held before.
    expect((await filesUnder(host.dataDir)).sort()).toEqual(before.sort());
    console.log(
      `browser mode: ${outcomes.length} hostile requests, ${outcomes.length} clear refusals, 0 crashes, 0 partial writes`,
    );
  }, 120_000);

  it('is the corpus docs/security.md reports', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'security.md'), 'utf8');
    expect(doc).toContain(`${corpus.length} requests`);
  });
});
