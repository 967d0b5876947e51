// A stand-in for the 'electron' module in unit tests (the Electron binary is not needed to test
// the main process): windows, web contents, sessions and menus that record what NetDesk did.
// Tests load it with vi.mock('electron', () => import('./fake-electron')).
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';

type OpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  windowOpenHandler?: OpenHandler;
  reloads = 0;
  reload(): void {
    this.reloads++;
  }
  setWindowOpenHandler(handler: OpenHandler): void {
    this.windowOpenHandler = handler;
  }
  /** Fire a navigation event the way Chromium would; returns true when NetDesk cancelled it. */
  navigate(eventName: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url: string): boolean {
    let prevented = false;
    this.emit(eventName, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
  /** Fire will-frame-navigate for a frame (Electron passes one details object that can be cancelled). */
  navigateFrame(url: string, isMainFrame: boolean): boolean {
    let prevented = false;
    this.emit('will-frame-navigate', { url, isMainFrame, preventDefault: () => (prevented = true) });
    return prevented;
  }
  /** Fire will-attach-webview with what the page asked the <webview> for; true when refused. */
  attachWebview(webPreferences: Record<string, unknown>, params: { src: string }): boolean {
    let prevented = false;
    this.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, webPreferences, params);
    return prevented;
  }
}

export class BrowserWindow extends EventEmitter {
  static created: BrowserWindow[] = [];
  static fromWebContents(contents: unknown): BrowserWindow | null {
    return BrowserWindow.created.find((w) => w.webContents === contents) ?? null;
  }
  static getFocusedWindow(): BrowserWindow | null {
    return null;
  }

  readonly webContents = new FakeWebContents();
  loadedUrl?: string;
  bounds: { x: number; y: number; width: number; height: number };
  maximized = false;
  destroyed = false;

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    this.bounds = {
      x: options.x ?? 100,
      y: options.y ?? 100,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    BrowserWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  getNormalBounds() {
    return this.bounds;
  }
  isMaximized() {
    return this.maximized;
  }
  maximize() {
    this.maximized = true;
  }
  isDestroyed() {
    return this.destroyed;
  }
  show() {}
  fullScreen = false;
  setFullScreen(on: boolean) {
    this.fullScreen = on;
  }
  setBounds(bounds: { x: number; y: number; width: number; height: number }) {
    this.bounds = { ...bounds };
  }
  close() {
    this.destroyed = true;
    this.emit('closed');
  }
}

export interface FakeDisplay {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
  workArea: { x: number; y: number; width: number; height: number };
}

const PRIMARY_DISPLAY: FakeDisplay = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
};

export const screen = {
  displays: [PRIMARY_DISPLAY] as FakeDisplay[],
  getPrimaryDisplay() {
    return screen.displays[0]!;
  },
  getAllDisplays() {
    return screen.displays;
  },
};

export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    shell.opened.push(url);
    return Promise.resolve();
  },
  openPath(): Promise<string> {
    return Promise.resolve('');
  },
};

export class FakeSession {
  requestHandler?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
  checkHandler?: (...args: unknown[]) => boolean;
  deviceHandler?: (...args: unknown[]) => boolean;
  setPermissionRequestHandler(h: FakeSession['requestHandler']) {
    this.requestHandler = h;
  }
  setPermissionCheckHandler(h: FakeSession['checkHandler']) {
    this.checkHandler = h;
  }
  setDevicePermissionHandler(h: FakeSession['deviceHandler']) {
    this.deviceHandler = h;
  }
}

export const Menu = {
  current: undefined as unknown,
  buildFromTemplate(template: unknown) {
    return { template };
  },
  setApplicationMenu(menu: unknown) {
    Menu.current = menu;
  },
};

/** Forget every window and recorded call between tests. */
export function resetFakeElectron(): void {
  BrowserWindow.created = [];
  shell.opened = [];
  screen.displays = [PRIMARY_DISPLAY];
  Menu.current = undefined;
}

/**
 * Electron's safeStorage, as the WebDAV password store uses it: a reversible scrambling that
 * keeps the password out of the bytes written (as DPAPI does), and a switch for a machine where
 * encryption is not available.
 */
export const safeStorage = {
  available: true,
  isEncryptionAvailable(): boolean {
    return this.available;
  },
  encryptString(plain: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available.');
    const bytes = Buffer.from(`netdesk-fake-dpapi:${plain}`, 'utf8');
    return Buffer.from(bytes.map((b) => b ^ 0x5a));
  },
  decryptString(encrypted: Buffer): string {
    const text = Buffer.from(encrypted.map((b) => b ^ 0x5a)).toString('utf8');
    if (!text.startsWith('netdesk-fake-dpapi:'))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return text.slice('netdesk-fake-dpapi:'.length);
  },
};
