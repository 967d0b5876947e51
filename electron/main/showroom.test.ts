import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../test/doubles/fake-electron'));

const { BrowserWindow, resetFakeElectron, screen } = await import('../../test/doubles/fake-electron');
const { closeShowroomWindow, openShowroomWindow, pickShowroomDisplay, SHOWROOM_FILE } =
  await import('./showroom');
const { createMainWindow, isNetdeskWindow } = await import('./window');
const { openWebLink } = await import('./external');
const { createAppUrlCheck } = await import('./security');

type FakeWindow = InstanceType<typeof BrowserWindow>;

const SHOWROOM_MONITOR = {
  id: 7,
  bounds: { x: 1920, y: 0, width: 1280, height: 1024 },
  workArea: { x: 1920, y: 0, width: 1280, height: 984 },
};

let dataDir: string;
beforeEach(async () => {
  resetFakeElectron();
  dataDir = await mkdtemp(join(tmpdir(), 'netdesk-showroom-'));
});
afterEach(async () => {
  closeShowroomWindow();
  await rm(dataDir, { recursive: true, force: true });
});

const options = () => ({
  preloadPath: '/app/out/preload/index.cjs',
  dataDir,
  startUrl: 'app://netdesk/index.html',
  isAppUrl: createAppUrlCheck(),
  openWebLink,
});
const open = (displayId?: number) => openShowroomWindow(options(), displayId) as unknown as FakeWindow;

describe('the showroom window', () => {
  it('loads the showroom page, full screen and without a frame', () => {
    const win = open();
    expect(win.loadedUrl).toBe('app://netdesk/index.html#/showroom');
    expect(win.options).toMatchObject({ fullscreen: true, frame: false, autoHideMenuBar: true });
  });

  it('has the main window’s security preferences, and the main process answers it nothing', () => {
    const main = createMainWindow({ ...options(), title: 'NetDesk' }) as unknown as FakeWindow;
    const win = open();
    expect(win.options.webPreferences).toEqual(main.options.webPreferences);
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(isNetdeskWindow(win as never)).toBe(false);
    // Same guards: no pop-ups, no navigating away from the page.
    expect(win.webContents.windowOpenHandler?.({ url: 'app://netdesk/index.html' })).toEqual({
      action: 'deny',
    });
    expect(win.webContents.navigate('will-navigate', 'https://example.com/')).toBe(true);
  });

  it('goes on the monitor chosen from the menu, and there again next time', async () => {
    screen.displays = [...screen.displays, SHOWROOM_MONITOR];
    // Chosen: the primary monitor.
    const first = open(1);
    expect(first.bounds).toMatchObject({ x: 0, y: 0, width: 1920, height: 1080 });
    expect(JSON.parse(await readFile(join(dataDir, SHOWROOM_FILE), 'utf8'))).toEqual({ displayId: 1 });
    closeShowroomWindow();
    // Opened again without a choice (next start): the remembered monitor, not the second one.
    expect(open().bounds).toMatchObject({ x: 0, width: 1920 });
    // Chosen: the showroom monitor. The open window moves; no second window opens.
    const before = BrowserWindow.created.length;
    const moved = open(7);
    expect(BrowserWindow.created.length).toBe(before);
    expect(moved.bounds).toEqual(SHOWROOM_MONITOR.bounds);
    expect(moved.fullScreen).toBe(true);
    expect(JSON.parse(await readFile(join(dataDir, SHOWROOM_FILE), 'utf8'))).toEqual({ displayId: 7 });
  });

  it('without a remembered monitor prefers one that is not the supervisor’s own', () => {
    screen.displays = [...screen.displays, SHOWROOM_MONITOR];
    expect(open().bounds).toEqual(SHOWROOM_MONITOR.bounds);
  });

  it('falls back to a connected monitor when the remembered one is unplugged or the file is damaged', async () => {
    await writeFile(join(dataDir, SHOWROOM_FILE), JSON.stringify({ displayId: 7 }));
    expect(open().bounds).toMatchObject({ x: 0, width: 1920 });
    closeShowroomWindow();
    await writeFile(join(dataDir, SHOWROOM_FILE), '{ not json');
    expect(open().bounds).toMatchObject({ x: 0, width: 1920 });
  });

  it('picks by the rule: wanted, else not the primary, else the primary', () => {
    const a = { id: 1, bounds: { x: 0, y: 0, width: 1, height: 1 } };
    const b = { id: 2, bounds: { x: 1, y: 0, width: 1, height: 1 } };
    expect(pickShowroomDisplay([a, b], 1, 1)?.id).toBe(1);
    expect(pickShowroomDisplay([a, b], 1, 9)?.id).toBe(2);
    expect(pickShowroomDisplay([a], 1, undefined)?.id).toBe(1);
    expect(pickShowroomDisplay([], 1, undefined)).toBeUndefined();
  });
});
