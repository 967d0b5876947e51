// Browser mode's request bodies: every channel capped by what it carries, refused early and
// cheaply past the cap, parsed off the event loop when large, and the app's own largest
// requests still accepted.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../shared/hlc';
import {
  IPC_CHANNELS,
  ipcRequestLimits,
  parseIpcRequest,
  type IpcChannel,
  type IpcResult,
} from '../../shared/ipc';
import { BACKUP_PART_CHARS, EXCHANGE_MAX_BLOB_BYTES } from '../../shared/sync-ipc';
import { encodeWire } from '../../shared/wire';
import { JsonShapeMeter } from './body';
import { startBrowserServer, type BrowserServer } from './server';

let root: string;
let server: BrowserServer;
let cookie: string;
/** What reached the services, by channel: the request as the schema parsed it. */
const received: { channel: string; request: unknown }[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'netdesk-body-'));
  await mkdir(join(root, 'renderer'));
  await writeFile(
    join(root, 'renderer', 'index.html'),
    '<!doctype html><html><head></head><body></body></html>',
  );
  server = await startBrowserServer({
    port: 0,
    rendererDir: join(root, 'renderer'),
    findReport: () => Promise.resolve(undefined),
    // The services' own first step: the channel's schema.
    dispatch: (channel, raw): Promise<IpcResult<IpcChannel>> => {
      const parsed = parseIpcRequest(channel as IpcChannel, raw);
      if (!parsed.ok) return Promise.resolve(parsed);
      received.push({ channel, request: parsed.value });
      return Promise.resolve({ ok: true, value: { accepted: true } } as unknown as IpcResult<IpcChannel>);
    },
  });
  const u = new URL(server.launchUrl());
  const launch = await post(u.pathname + u.search, undefined, { method: 'GET' });
  cookie = launch.setCookie.split(';')[0]!;
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

interface Answer {
  status: number;
  body: string;
  ms: number;
  setCookie: string;
}

/**
 * Send a request whose body is written piece by piece (so a refusal can arrive before the end);
 * resolves on the answer, whatever happens to the rest of the upload.
 */
function post(
  path: string,
  body: Buffer | (() => Generator<Buffer>) | undefined,
  options: { method?: string; contentLength?: number; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const started = performance.now();
  // A connection of its own, kept alive as a browser's is: the server then drains a refused
  // upload instead of closing on it, and the answer arrives while the upload goes on.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return new Promise<Answer>((done, fail) => {
    const headers: Record<string, string | number> = {
      host: `127.0.0.1:${server.port}`,
      'content-type': 'application/json',
      ...(cookie ? { cookie, 'x-netdesk-token': server.token } : {}),
      ...options.headers,
    };
    if (Buffer.isBuffer(body)) headers['content-length'] = body.length;
    else if (options.contentLength !== undefined) headers['content-length'] = options.contentLength;
    let answered = false;
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'POST', headers, agent },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          done({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
            setCookie: String(res.headers['set-cookie']?.[0] ?? ''),
          });
          // The rest of a refused upload is not sent: the page's fetch stops there too.
          req.destroy();
          agent.destroy();
        });
      },
    );
    req.on('error', (err) => {
      if (!answered) fail(err);
    });
    if (body === undefined) req.end();
    else if (Buffer.isBuffer(body)) req.end(body);
    else {
      const pieces = body();
      const pump = (): void => {
        for (;;) {
          if (answered || req.destroyed) return;
          const next = pieces.next();
          if (next.done) {
            req.end();
            return;
          }
          if (!req.write(next.value)) {
            req.once('drain', pump);
            return;
          }
        }
      };
      pump();
    }
  });
}

/** JSON as shared/wire sends it, with byte arrays turned to base64 by Node (faster for 50 MB). */
function wireJson(value: unknown): Buffer {
  return Buffer.from(
    JSON.stringify(value, (_key, item: unknown) =>
      item instanceof Uint8Array ? { $bytes: Buffer.from(item).toString('base64') } : item,
    ),
  );
}

const api = (channel: string, value: unknown): Promise<Answer> => post(`/api/${channel}`, wireJson(value));

/** The most this process's heap and buffers grew while `work` ran, sampled every few ms. */
async function peakGrowth<T>(work: () => Promise<T>): Promise<{ result: T; grewBy: number }> {
  const use = (): number => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const base = use();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, use())), 5);
  try {
    const result = await work();
    peak = Math.max(peak, use());
    return { result, grewBy: peak - base };
  } finally {
    clearInterval(timer);
  }
}

/** The longest the event loop went without running a 5 ms timer while `work` ran. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 5);
  try {
    return { result: await work(), stallMs };
  } finally {
    clearInterval(timer);
  }
}

const MB = 1024 * 1024;
/** A body of 72 MB of small arrays once held the server for 21 s and took 2.8 GB. */
const HOSTILE_BYTES = 72_000_000;
function* smallArrays(total: number): Generator<Buffer> {
  const piece = Buffer.from('[],'.repeat(MB / 3));
  yield Buffer.from('{"outbox":[');
  for (let sent = 0; sent < total; sent += piece.length) yield piece;
  yield Buffer.from('[]]}');
}

describe('the caps of each channel', () => {
  it('refuses 72 MB on every channel, and gives each channel room for what it carries', () => {
    for (const channel of IPC_CHANNELS) expect(ipcRequestLimits[channel].bytes, channel).toBeLessThan(72e6);
    const base64 = (n: number): number => Math.ceil(n / 3) * 4;
    expect(ipcRequestLimits['pdf:save'].bytes).toBeGreaterThan(base64(50 * MB));
    expect(ipcRequestLimits['sync:exchange'].bytes).toBeGreaterThan(base64(EXCHANGE_MAX_BLOB_BYTES) + 4 * MB);
    expect(ipcRequestLimits['backup:save'].bytes).toBeGreaterThan(BACKUP_PART_CHARS * 3);
  });
});

describe('a body over its cap', () => {
  it('is refused on its declared size before a byte is read, quickly and without memory', async () => {
    for (const channel of ['sync:exchange', 'pdf:save', 'backup:save', 'settings:write']) {
      const { result, grewBy } = await peakGrowth(() =>
        post(`/api/${channel}`, () => smallArrays(HOSTILE_BYTES), { contentLength: HOSTILE_BYTES + 15 }),
      );
      expect(result.status, channel).toBe(413);
      expect(JSON.parse(result.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      expect(result.body).toMatch(/more than the/);
      expect(result.ms, channel).toBeLessThan(1000);
      expect(grewBy, channel).toBeLessThan(24 * MB);
    }
  });

  it('is refused while it arrives when no size is declared, after its cap and not the whole body', async () => {
    const big = Buffer.alloc(MB, 'A');
    const { result, grewBy } = await peakGrowth(() =>
      post('/api/settings:write', function* () {
        for (let i = 0; i < 72; i++) yield big;
      }),
    );
    expect(result.status).toBe(413);
    expect(result.body).toMatch(/larger than the 0\.06 MB this channel carries/);
    expect(grewBy).toBeLessThan(24 * MB);
  });

  it('of millions of tiny arrays stops after a few megabytes, not after parsing them all', async () => {
    const { result, grewBy } = await peakGrowth(() =>
      post('/api/sync:exchange', () => smallArrays(HOSTILE_BYTES)),
    );
    expect(result.status).toBe(413);
    expect(result.body).toMatch(/more than 2,000,000 values/);
    expect(result.ms).toBeLessThan(10_000);
    // The cap on values is hit after ~6 MB; the body itself is never parsed.
    expect(grewBy).toBeLessThan(48 * MB);
  });

  it('nested thousands deep is refused without parsing it', async () => {
    const reply = await post('/api/sync:status', Buffer.from('['.repeat(100_000) + ']'.repeat(100_000)));
    expect(reply.status).toBe(413);
    expect(reply.body).toMatch(/nests deeper than 64 levels/);
  });

  it('leaves the server answering afterwards', async () => {
    const reply = await api('app:info', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true });
  });
});

describe("the app's own largest requests", () => {
  // Sizable work on a loaded two-core machine: room to finish.
  const BIG = 180_000;

  it('are sent here as the page sends them', () => {
    const sample = { fileName: 'a.pdf', bytes: Uint8Array.of(0, 1, 2, 250, 251), target: 'reports' };
    expect(wireJson(sample).toString()).toBe(JSON.stringify(encodeWire(sample)));
  });

  it(
    'takes a 50 MB PDF, parsed off the event loop',
    async () => {
      const pdf = new Uint8Array(50 * MB);
      for (let i = 0; i < pdf.length; i += 4096) pdf[i] = i % 251;
      const body = wireJson({ fileName: '2026-10 月度考核.pdf', bytes: pdf, target: 'reports' });
      received.length = 0;
      const { result, stallMs } = await longestStall(() => post('/api/pdf:save', body));
      expect(result.status).toBe(200);
      expect(JSON.parse(result.body)).toMatchObject({ ok: true });
      const request = received[0]!.request as { bytes: Uint8Array };
      expect(request.bytes.byteLength).toBe(50 * MB);
      expect(request.bytes[4096]).toBe(4096 % 251);
      // Parsing ~67 MB of JSON and base64 on the event loop took seconds.
      expect(stallMs).toBeLessThan(500);
    },
    BIG,
  );

  it(
    'takes a whole backup part of Chinese text (8 M characters)',
    async () => {
      const text = '{"name":"张伟","dept":"信息中心"}'
        .repeat(BACKUP_PART_CHARS / 28)
        .slice(0, BACKUP_PART_CHARS);
      received.length = 0;
      const reply = await api('backup:save', {
        fileName: 'netdesk-backup-20261207-0900.json',
        part: 0,
        text,
        last: false,
      });
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: true });
      expect((received[0]!.request as { text: string }).text).toBe(text);
    },
    BIG,
  );

  it(
    'takes a sync round with 40 MB of attachments and 2,000 changes',
    async () => {
      const blob = new Uint8Array(EXCHANGE_MAX_BLOB_BYTES);
      const stamp = formatHlc({ wallMs: Date.parse('2026-12-07T01:00:00Z'), counter: 0, nodeId: 'pc-a' });
      const outbox = Array.from({ length: 2000 }, (_, i) => ({
        seq: i + 1,
        table: 'repairCards',
        id: `card-${i}`,
        fields: { faultDescription: '打印机卡纸，换了搓纸轮'.repeat(20), requester: '王芳' },
        stamps: { faultDescription: stamp, requester: stamp },
        at: '2026-12-07T09:00:00.000+08:00',
      }));
      received.length = 0;
      const reply = await api('sync:exchange', {
        nodeId: 'pc-a',
        name: 'A · 张伟',
        cursors: {
          rootId: null,
          written: 0,
          read: {},
          lastSyncAt: null,
          missingBlobs: [],
          snapshotTotal: 0,
          snapshotCovers: {},
        },
        lastSeq: 2000,
        counts: { conflicts: 0, setAside: 0 },
        outbox,
        blobs: [{ sha256: 'a'.repeat(64), bytes: blob }],
      });
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body), reply.body.slice(0, 600)).toMatchObject({ ok: true });
      expect(received).toHaveLength(1);
    },
    BIG,
  );

  it('answers a large request the schema refuses with the same error the services give', async () => {
    const reply = await api('backup:save', {
      fileName: '../../etc/passwd',
      part: 0,
      text: 'x'.repeat(MB),
      last: false,
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('answers damaged JSON in a large body with 400', async () => {
    const reply = await post('/api/backup:save', Buffer.from(`{"text":"${'x'.repeat(MB)}`));
    expect(reply.status).toBe(400);
    expect(reply.body).toMatch(/not valid JSON/);
  });
});

describe('counting the values of a JSON text as it arrives', () => {
  const sample = JSON.stringify({
    a: [1, 2, [3, { b: 'x,y[z]{' }]],
    quoted: 'he said "hi", \\\\ and \\"',
    backslashes: '\\\\\\\\',
    empty: {},
    list: ['', ',', '"', '\\'],
  });
  const whole = (text: string): number => {
    const meter = new JsonShapeMeter({ values: 1e9, depth: 64 });
    meter.feed(Buffer.from(text));
    return meter.values;
  };

  it('counts brackets and commas outside strings only', () => {
    expect(whole('[]')).toBe(1);
    expect(whole('[1,2,3]')).toBe(3);
    expect(whole('{"a":"[,]"}')).toBe(1);
    expect(whole('["\\"[,"]')).toBe(1);
    expect(whole('["\\\\",[]]')).toBe(3);
  });

  it('gives the same count however the text is cut into chunks', () => {
    const bytes = Buffer.from(sample);
    const expected = whole(sample);
    for (let cut = 0; cut <= bytes.length; cut++) {
      for (const second of [cut, Math.min(bytes.length, cut + 1), Math.min(bytes.length, cut + 3)]) {
        const meter = new JsonShapeMeter({ values: 1e9, depth: 64 });
        meter.feed(bytes.subarray(0, cut));
        meter.feed(bytes.subarray(cut, second));
        meter.feed(bytes.subarray(second));
        expect(meter.values, `cut at ${cut}/${second}`).toBe(expected);
      }
    }
  });
});
