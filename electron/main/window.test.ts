import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../test/doubles/fake-electron'));

const { BrowserWindow, resetFakeElectron, shell } = await import('../../test/doubles/fake-electron');
const { createMainWindow, isNetdeskWindow } = await import('./window');
const { openWebLink } = await import('./external');
const { createAppUrlCheck } = await import('./security');

let dataDir: string;
beforeEach(async () => {
  resetFakeElectron();
  dataDir = await mkdtemp(join(tmpdir(), 'netdesk-window-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

function openWindow(devServerUrl?: string) {
  return createMainWindow({
    preloadPath: '/app/out/preload/index.cjs',
    dataDir,
    startUrl: devServerUrl ?? 'app://netdesk/index.html',
    title: 'NetDesk',
    isAppUrl: createAppUrlCheck(devServerUrl),
    openWebLink,
  }) as unknown as InstanceType<typeof BrowserWindow>;
}

describe('the main window', () => {
  it('runs the page sandboxed, isolated and without Node', () => {
    const prefs = openWindow().options.webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('loads the UI from app://netdesk', () => {
    expect(openWindow().loadedUrl).toBe('app://netdesk/index.html');
  });

  it('is recognised as a NetDesk window; other windows are not', () => {
    const win = openWindow();
    expect(isNetdeskWindow(win as never)).toBe(true);
    expect(isNetdeskWindow(new BrowserWindow({}) as never)).toBe(false);
    win.destroyed = true;
    expect(isNetdeskWindow(win as never)).toBe(false);
  });
});

describe('pop-ups', () => {
  it('never opens a new window; web links go to the browser', () => {
    const win = openWindow();
    expect(win.webContents.windowOpenHandler?.({ url: 'https://www.example.com/' })).toEqual({
      action: 'deny',
    });
    expect(shell.opened).toEqual(['https://www.example.com/']);
  });

  it('denies other schemes without opening anything', () => {
    const win = openWindow();
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'app://netdesk/index.html',
      'javascript:alert(1)',
    ]) {
      expect(win.webContents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(shell.opened).toEqual([]);
  });
});

describe('navigation', () => {
  it('stays on app://netdesk', () => {
    const win = openWindow();
    expect(win.webContents.navigate('will-navigate', 'app://netdesk/index.html#/cards')).toBe(false);
    expect(win.webContents.navigate('will-navigate', 'app://evil/index.html')).toBe(true);
    expect(win.webContents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(win.webContents.navigate('will-redirect', 'https://www.example.com/')).toBe(true);
    expect(win.webContents.navigate('will-attach-webview', 'https://www.example.com/')).toBe(true);
  });

  it('cancels a click on a web link and opens it in the browser instead', () => {
    const win = openWindow();
    expect(win.webContents.navigate('will-navigate', 'https://www.gov.cn/')).toBe(true);
    expect(shell.opened).toEqual(['https://www.gov.cn/']);
  });

  it('while developing, allows the dev server and nothing else', () => {
    const win = openWindow('http://localhost:5173/');
    expect(win.loadedUrl).toBe('http://localhost:5173/');
    expect(win.webContents.navigate('will-navigate', 'http://localhost:5173/#/kpi')).toBe(false);
    expect(win.webContents.navigate('will-navigate', 'http://localhost:5174/')).toBe(true);
  });
});

describe('what a page inside NetDesk may not do', () => {
  it('never navigates to a file:// path outside the app, by link, redirect or frame', () => {
    const win = openWindow();
    for (const url of ['file:///C:/Users/', 'file:///etc/passwd', 'file://server/share/hostile.html']) {
      expect(win.webContents.navigate('will-navigate', url)).toBe(true);
      expect(win.webContents.navigate('will-redirect', url)).toBe(true);
      expect(win.webContents.navigateFrame(url, false)).toBe(true);
    }
    expect(shell.opened).toEqual([]);
  });

  it('refuses an <iframe> of another origin, keeps the app’s own', () => {
    const win = openWindow();
    expect(win.webContents.navigateFrame('https://www.example.com/', false)).toBe(true);
    expect(win.webContents.navigateFrame('http://127.0.0.1:8080/', false)).toBe(true);
    expect(win.webContents.navigateFrame('app://netdesk/index.html', false)).toBe(false);
  });

  it('refuses to attach a <webview>, even one asking for Node', () => {
    const win = openWindow();
    expect(
      win.webContents.attachWebview(
        { nodeIntegration: true, sandbox: false },
        { src: 'https://www.example.com/' },
      ),
    ).toBe(true);
    expect(win.webContents.attachWebview({}, { src: 'app://netdesk/index.html' })).toBe(true);
  });
});

describe('window position', () => {
  it('remembers size and position across restarts', async () => {
    const first = openWindow();
    first.bounds = { x: 200, y: 120, width: 1200, height: 800 };
    first.emit('close');
    expect(await readFile(join(dataDir, 'window-state.json'), 'utf8')).toContain('1200');
    expect(openWindow().options).toMatchObject({ x: 200, y: 120, width: 1200, height: 800 });
  });

  it('brings a window saved on a monitor that is gone back onto the screen', async () => {
    await writeFile(
      join(dataDir, 'window-state.json'),
      JSON.stringify({ x: 2500, y: 100, width: 1200, height: 800 }),
    );
    const opts = openWindow().options;
    expect(opts.x).toBeUndefined();
    expect(opts.y).toBeUndefined();
    expect(opts.width).toBe(1200);
  });

  it('uses the default size when window-state.json is damaged', async () => {
    await writeFile(join(dataDir, 'window-state.json'), '{"width": "huge"}');
    expect(openWindow().options).toMatchObject({ width: 1360, height: 860 });
  });

  it('reopens maximised when it was closed maximised', () => {
    const first = openWindow();
    first.maximized = true;
    first.emit('close');
    expect(openWindow().maximized).toBe(true);
  });
});
