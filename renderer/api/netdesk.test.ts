import { describe, expect, it } from 'vitest';
import { NetdeskCallError, type AppInfo, type SettingsReadResult } from '../../shared/ipc';
import { defaultAppSettings } from '../../shared/settings';
import { decodeWire, encodeWire } from '../../shared/wire';
import { BLOB_BODY_CHARS, createHttpNetdesk, wrapPreloadNetdesk, type FetchLike } from './netdesk';
import type { PreloadNetdesk } from './types';

interface Sent {
  url: string;
  init: RequestInit;
}

/** A fetch that records each request and answers with the given status and JSON body. */
function fakeFetch(answer: (sent: Sent) => { status: number; body: unknown }): {
  fetch: FetchLike;
  sent: Sent[];
} {
  const sent: Sent[] = [];
  const fetch: FetchLike = (url, init) => {
    const request = { url, init };
    sent.push(request);
    const { status, body } = answer(request);
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return Promise.resolve(new Response(text, { status, headers: { 'content-type': 'application/json' } }));
  };
  return { fetch, sent };
}

const info: AppInfo = {
  name: 'NetDesk',
  version: '0.1.0',
  mode: 'browser',
  platform: 'linux',
  dataDir: '/d',
  dataDirWritable: true,
  reportsDir: '/d/reports',
};

describe('the HTTP client (browser mode)', () => {
  it('posts to /api/<channel> with the token and JSON, and returns the plain value', async () => {
    const { fetch, sent } = fakeFetch(() => ({ status: 200, body: { ok: true, value: info } }));
    const api = createHttpNetdesk({ token: 'tok123', fetch });
    await expect(api.appInfo()).resolves.toEqual(info);
    expect(sent[0]!.url).toBe('/api/app:info');
    expect(sent[0]!.init.method).toBe('POST');
    expect(sent[0]!.init.headers).toMatchObject({
      'Content-Type': 'application/json',
      'X-NetDesk-Token': 'tok123',
    });
    expect(sent[0]!.init.body).toBe('{}');
  });

  it('sends PDF bytes as base64 that the server turns back into the same bytes', async () => {
    const { fetch, sent } = fakeFetch(() => ({
      status: 200,
      body: { ok: true, value: { saved: true, url: '/files/a.pdf' } },
    }));
    const api = createHttpNetdesk({ token: 't', fetch });
    const bytes = new Uint8Array([37, 80, 68, 70, 0, 200]);
    const result = await api.savePdf({ fileName: '维修申请卡.pdf', bytes, target: 'reports', open: true });
    expect(result).toEqual({ saved: true, url: '/files/a.pdf' });
    expect(sent[0]!.url).toBe('/api/pdf:save');
    const received = decodeWire(JSON.parse(sent[0]!.init.body as string)) as {
      bytes: Uint8Array;
      fileName: string;
    };
    expect(received.fileName).toBe('维修申请卡.pdf');
    expect(Array.from(received.bytes)).toEqual([37, 80, 68, 70, 0, 200]);
  });

  it('sends a large body as a Blob, so the page is not held while it is copied', async () => {
    const { fetch, sent } = fakeFetch(() => ({ status: 200, body: { ok: true, value: { done: false } } }));
    const api = createHttpNetdesk({ token: 't', fetch });
    const text = '维修记录'.repeat(BLOB_BODY_CHARS / 4);
    await api.saveBackup({ fileName: 'netdesk-backup-20260302-0800.json', part: 0, text, last: false });
    const body = sent[0]!.init.body;
    expect(body).toBeInstanceOf(Blob);
    expect((JSON.parse(await (body as Blob).text()) as { text: string }).text).toBe(text);
    await api.saveBackup({ fileName: 'netdesk-backup-20260302-0800.json', part: 1, text: 'x', last: false });
    expect(typeof sent[1]!.init.body).toBe('string');
  });

  it('decodes bytes in an answer', async () => {
    const { fetch } = fakeFetch(() => ({
      status: 200,
      body: encodeWire({ ok: true, value: { saved: true, blob: new Uint8Array([1, 2]) } }),
    }));
    const result = (await createHttpNetdesk({ token: 't', fetch }).savePdf({
      fileName: 'a.pdf',
      bytes: new Uint8Array([1]),
      target: 'reports',
    })) as unknown as { blob: Uint8Array };
    expect(result.blob).toBeInstanceOf(Uint8Array);
  });

  it('throws NetdeskCallError with the service’s code, message and issues', async () => {
    const { fetch } = fakeFetch(() => ({
      status: 200,
      body: {
        ok: false,
        error: { code: 'bad-request', message: 'invalid request', issues: ['pcCode: one letter'] },
      },
    }));
    const error = await createHttpNetdesk({ token: 't', fetch })
      .writeSettings({ pcCode: 'ab' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetdeskCallError);
    expect(error).toMatchObject({
      code: 'bad-request',
      message: 'invalid request',
      issues: ['pcCode: one letter'],
    });
  });

  it('turns a refusal by the server (403, not JSON) into a forbidden error', async () => {
    const { fetch } = fakeFetch(() => ({
      status: 403,
      body: 'This page must be opened from the NetDesk launcher',
    }));
    await expect(createHttpNetdesk({ token: 't', fetch }).appInfo()).rejects.toMatchObject({
      name: 'NetdeskCallError',
      code: 'forbidden',
    });
  });

  it('reports a stopped server as a failed call, not an unhandled TypeError', async () => {
    const fetch: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(createHttpNetdesk({ token: 't', fetch }).appInfo()).rejects.toMatchObject({
      code: 'failed',
      message: expect.stringMatching(/not reachable/) as unknown as string,
    });
  });

  it('returns a corrupt-settings answer as data, since it is the service’s result and not an error', async () => {
    const corrupt: SettingsReadResult = {
      ok: false,
      settings: defaultAppSettings,
      error: 'corrupt',
      path: '/d/settings.json',
      detail: 'Unexpected token',
    };
    const { fetch } = fakeFetch(() => ({ status: 200, body: { ok: true, value: corrupt } }));
    await expect(createHttpNetdesk({ token: 't', fetch }).readSettings()).resolves.toEqual(corrupt);
  });
});

describe('the preload wrapper (Electron)', () => {
  function preloadAnswering(answer: unknown): PreloadNetdesk {
    const method = () => Promise.resolve(answer);
    return {
      appInfo: method,
      readSettings: method,
      writeSettings: method,
      savePdf: method,
      openFile: method,
      openExternal: method,
    } as unknown as PreloadNetdesk;
  }

  it('unwraps IpcResult envelopes and passes plain values through', async () => {
    await expect(wrapPreloadNetdesk(preloadAnswering({ ok: true, value: info })).appInfo()).resolves.toEqual(
      info,
    );
    await expect(wrapPreloadNetdesk(preloadAnswering(info)).appInfo()).resolves.toEqual(info);
  });

  it('throws NetdeskCallError for an error envelope', async () => {
    const api = wrapPreloadNetdesk(
      preloadAnswering({ ok: false, error: { code: 'forbidden', message: 'no' } }),
    );
    await expect(api.openFile({ fileName: 'a.pdf' })).rejects.toMatchObject({
      code: 'forbidden',
      message: 'no',
    });
  });

  it('does not mistake settings:read’s own {ok, settings} answers for an envelope', async () => {
    const fine: SettingsReadResult = { ok: true, settings: defaultAppSettings };
    await expect(wrapPreloadNetdesk(preloadAnswering(fine)).readSettings()).resolves.toEqual(fine);
    const corrupt: SettingsReadResult = {
      ok: false,
      settings: defaultAppSettings,
      error: 'corrupt',
      path: '/d/settings.json',
      detail: 'bad',
    };
    await expect(wrapPreloadNetdesk(preloadAnswering(corrupt)).readSettings()).resolves.toEqual(corrupt);
  });

  it('passes the request to the preload method', async () => {
    let seen: unknown;
    const preload = {
      ...preloadAnswering({ ok: true, value: { opened: true } }),
      openExternal: (req: unknown) => {
        seen = req;
        return Promise.resolve({ ok: true, value: { opened: true } });
      },
    } as unknown as PreloadNetdesk;
    await wrapPreloadNetdesk(preload).openExternal({ url: 'https://example.com' });
    expect(seen).toEqual({ url: 'https://example.com' });
  });
});
