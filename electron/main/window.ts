// NetDesk's one window factory. Every window is created here with the same hardened settings:
// the page runs sandboxed with no Node, talks to the main process only through the preload's
// window.netdesk, and cannot open pop-ups or navigate away (see security.ts).
import { BrowserWindow, screen, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';
import { guardWebContents, type GuardOptions } from './security';
import {
  fitToDisplays,
  loadWindowState,
  MIN_HEIGHT,
  MIN_WIDTH,
  saveWindowState,
  type WindowState,
} from './window-state';

/** The security settings of every NetDesk page; tests assert exactly these. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export function mainWindowOptions(opts: {
  preloadPath: string;
  state: WindowState;
  title: string;
  icon?: string;
}): BrowserWindowConstructorOptions {
  return {
    title: opts.title,
    ...(opts.icon ? { icon: opts.icon } : {}),
    ...(opts.state.x !== undefined && opts.state.y !== undefined ? { x: opts.state.x, y: opts.state.y } : {}),
    width: opts.state.width,
    height: opts.state.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    // Shown once the first paint is ready, so the supervisor never sees a blank white window.
    show: false,
    backgroundColor: '#f5f5f5',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(opts.preloadPath),
  };
}

const netdeskWindows = new WeakSet<BrowserWindow>();

/** True for windows made by createMainWindow; IPC answers only those. */
export function isNetdeskWindow(win: BrowserWindow | null | undefined): boolean {
  return !!win && !win.isDestroyed() && netdeskWindows.has(win);
}

export interface MainWindowOptions extends GuardOptions {
  preloadPath: string;
  dataDir: string;
  /** app://netdesk/index.html, or the dev server's URL while developing. */
  startUrl: string;
  title: string;
  icon?: string;
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea);
  const state = fitToDisplays(loadWindowState(opts.dataDir), workAreas);
  // eng-disable SANDBOX_JS_CHECK CONTEXT_ISOLATION_JS_CHECK AUXCLICK_JS_CHECK -- the options are secureWebPreferences() (sandbox and context isolation on, tested in window.test.ts); a middle-click's new window is denied by guardWebContents' window-open handler
  const win = new BrowserWindow(
    mainWindowOptions({ preloadPath: opts.preloadPath, state, title: opts.title, icon: opts.icon }),
  );
  netdeskWindows.add(win);
  guardWebContents(win.webContents, opts);

  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  win.on('close', () => {
    const b = win.getNormalBounds();
    const bounds = {
      x: Math.round(b.x),
      y: Math.round(b.y),
      width: Math.round(b.width),
      height: Math.round(b.height),
    };
    try {
      saveWindowState(opts.dataDir, { ...bounds, maximized: win.isMaximized() });
    } catch (err) {
      opts.log?.(`could not remember the window position: ${String(err)}`);
    }
  });

  win
    .loadURL(opts.startUrl)
    .catch((err: unknown) => opts.log?.(`could not load ${opts.startUrl}: ${String(err)}`));
  return win;
}
