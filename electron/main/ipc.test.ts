import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../shared/ipc';
import { createServices, type ServiceTable } from '../services/index';
import { makeTestHost, type TestHost } from '../../test/doubles/test-host';

vi.mock('electron', () => import('../../test/doubles/fake-electron'));

const { BrowserWindow, resetFakeElectron } = await import('../../test/doubles/fake-electron');
const { createSenderCheck, registerIpc } = await import('./ipc');
const { createAppUrlCheck } = await import('./security');

type Handler = (event: IpcMainInvokeEvent, raw: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, h: Handler) => void handlers.set(channel, h),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
}

let host: TestHost;
let services: ServiceTable;
let netdeskWindow: InstanceType<typeof BrowserWindow>;
const trusted = new WeakSet<object>();

const isTrusted = createSenderCheck({
  isAppUrl: createAppUrlCheck(),
  windowOf: (c) => BrowserWindow.fromWebContents(c) as never,
  isNetdeskWindow: (w) => !!w && trusted.has(w),
});

function eventFrom(win: InstanceType<typeof BrowserWindow>, url: string, opts: { subframe?: boolean } = {}) {
  return {
    sender: win.webContents,
    senderFrame: { url, parent: opts.subframe ? {} : null },
  } as unknown as IpcMainInvokeEvent;
}

beforeEach(async () => {
  resetFakeElectron();
  host = await makeTestHost();
  services = createServices(host);
  netdeskWindow = new BrowserWindow({});
  trusted.add(netdeskWindow);
});
afterEach(() => host.cleanup());

describe('registerIpc', () => {
  it('registers a handler for every channel and can remove them again', () => {
    const ipc = fakeIpcMain();
    const unregister = registerIpc(ipc, services, isTrusted);
    expect([...ipc.handlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it('answers NetDesk’s own page', async () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc, services, isTrusted);
    const r = await ipc.handlers.get('app:info')!(eventFrom(netdeskWindow, 'app://netdesk/index.html'), {});
    expect(r).toMatchObject({ ok: true, value: { name: 'NetDesk', mode: 'electron' } });
  });

  it('rejects arguments that fail the channel schema before any service runs', async () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc, services, isTrusted);
    const ok = eventFrom(netdeskWindow, 'app://netdesk/index.html');
    const r = await ipc.handlers.get('shell:openExternal')!(ok, { url: 'file:///C:/Windows/notepad.exe' });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const r2 = await ipc.handlers.get('pdf:save')!(ok, {
      fileName: '..\\..\\boot.pdf',
      bytes: 'x',
      target: 'reports',
    });
    expect(r2).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(host.external).toEqual([]);
  });

  it.each([
    ['a page that navigated away', () => eventFrom(netdeskWindow, 'https://evil.example.com/')],
    ['another app:// host', () => eventFrom(netdeskWindow, 'app://evil/index.html')],
    [
      'an iframe inside NetDesk',
      () => eventFrom(netdeskWindow, 'app://netdesk/index.html', { subframe: true }),
    ],
    ['a window NetDesk did not make', () => eventFrom(new BrowserWindow({}), 'app://netdesk/index.html')],
    [
      'a frame that is gone',
      () => ({ sender: netdeskWindow.webContents, senderFrame: null }) as unknown as IpcMainInvokeEvent,
    ],
  ])('refuses %s without running the service', async (_name, makeEvent) => {
    const ipc = fakeIpcMain();
    registerIpc(ipc, services, isTrusted);
    const r = await ipc.handlers.get('shell:openExternal')!(makeEvent(), { url: 'https://www.example.com/' });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(host.external).toEqual([]);
  });

  it('answers with data, never a throw, when the sender check itself fails', async () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc, services, () => {
      throw new Error('frame disposed');
    });
    const r = await ipc.handlers.get('app:info')!(eventFrom(netdeskWindow, 'app://netdesk/'), {});
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers a failing service with code failed instead of throwing across', async () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc, { ...services, 'settings:read': () => Promise.reject(new Error('EACCES')) }, isTrusted);
    const r = await ipc.handlers.get('settings:read')!(eventFrom(netdeskWindow, 'app://netdesk/'), {});
    expect(r).toEqual({ ok: false, error: { code: 'failed', message: 'EACCES' } });
  });
});

describe('the sender check while developing', () => {
  it('accepts the dev server only when one is configured', () => {
    const devCheck = createSenderCheck({
      isAppUrl: createAppUrlCheck('http://localhost:5173'),
      windowOf: (c) => BrowserWindow.fromWebContents(c) as never,
      isNetdeskWindow: (w) => !!w && trusted.has(w),
    });
    expect(devCheck(eventFrom(netdeskWindow, 'http://localhost:5173/index.html'))).toBe(true);
    expect(isTrusted(eventFrom(netdeskWindow, 'http://localhost:5173/index.html'))).toBe(false);
  });
});
