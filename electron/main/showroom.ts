// The showroom display's window (展厅显示): the same page bundle at #/showroom, full screen on the
// monitor the supervisor chose from the menu (窗口 → 展厅显示), and on that monitor again next
// time (its display id is kept in showroom.json in the data folder). The window is built with the
// same secure preferences and guards as the main window, but it is not a NetDesk window for IPC:
// the page only reads the local ledger, so the main process answers it nothing.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserWindow, screen, type BrowserWindowConstructorOptions } from 'electron';
import { z } from 'zod';
import { guardWebContents, type GuardOptions } from './security';
import { secureWebPreferences } from './window';

export const SHOWROOM_FILE = 'showroom.json';
/** The page's address after the app's own entry (renderer/features/culture/showroom-page.tsx). */
export const SHOWROOM_HASH = '#/showroom';

const showroomStateSchema = z.object({ displayId: z.number().int() });

export interface ShowroomDisplay {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

/** The display id chosen last time, or undefined (never chosen, file unreadable). */
export function loadShowroomDisplayId(dataDir: string): number | undefined {
  try {
    const parsed = showroomStateSchema.safeParse(
      JSON.parse(readFileSync(join(dataDir, SHOWROOM_FILE), 'utf8')),
    );
    return parsed.success ? parsed.data.displayId : undefined;
  } catch {
    return undefined;
  }
}

/** Remember the chosen display; written to a temporary file and renamed, never half a file. */
export function saveShowroomDisplayId(dataDir: string, displayId: number): void {
  const target = join(dataDir, SHOWROOM_FILE);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify({ displayId })}\n`);
    renameSync(temp, target);
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * The monitor the display goes on: the one asked for, else the one remembered while it is still
 * connected, else the first that is not the supervisor's own (primary) screen, else the primary.
 */
export function pickShowroomDisplay(
  displays: readonly ShowroomDisplay[],
  primaryId: number,
  wanted: number | undefined,
): ShowroomDisplay | undefined {
  return (
    displays.find((d) => d.id === wanted) ??
    displays.find((d) => d.id !== primaryId) ??
    displays.find((d) => d.id === primaryId) ??
    displays[0]
  );
}

export function showroomWindowOptions(
  preloadPath: string,
  display: ShowroomDisplay,
): BrowserWindowConstructorOptions {
  return {
    title: '展厅显示 · NetDesk',
    ...display.bounds,
    fullscreen: true,
    // No frame, no menu bar: a visitor sees the quote and nothing to click.
    frame: false,
    autoHideMenuBar: true,
    show: false,
    backgroundColor: '#a8201a',
    webPreferences: secureWebPreferences(preloadPath),
  };
}

export interface ShowroomOptions extends GuardOptions {
  preloadPath: string;
  dataDir: string;
  /** The app's entry URL (app://netdesk/index.html, or the dev server's); the hash is added here. */
  startUrl: string;
}

let showroom: BrowserWindow | null = null;

/** The open showroom window, if any (tests, and the menu's "close" item). */
export function showroomWindow(): BrowserWindow | null {
  return showroom && !showroom.isDestroyed() ? showroom : null;
}

/**
 * Open the showroom window on `displayId` (a menu choice, which is remembered) or on the
 * remembered monitor; an open one moves there instead of opening a second.
 */
export function openShowroomWindow(opts: ShowroomOptions, displayId?: number): BrowserWindow {
  const displays = screen.getAllDisplays();
  const target = pickShowroomDisplay(
    displays,
    screen.getPrimaryDisplay().id,
    displayId ?? loadShowroomDisplayId(opts.dataDir),
  );
  if (!target) throw new Error('no display to show the showroom on');
  if (displayId !== undefined && target.id === displayId) {
    try {
      saveShowroomDisplayId(opts.dataDir, displayId);
    } catch (err) {
      opts.log?.(`could not remember the showroom monitor: ${String(err)}`);
    }
  }

  const open = showroomWindow();
  if (open) {
    // Leave full screen first: a full-screen window does not move to another monitor.
    open.setFullScreen(false);
    open.setBounds(target.bounds);
    open.setFullScreen(true);
    open.show();
    return open;
  }
  // eng-disable SANDBOX_JS_CHECK CONTEXT_ISOLATION_JS_CHECK AUXCLICK_JS_CHECK -- the options are secureWebPreferences() (sandbox and context isolation on, tested in showroom.test.ts); a middle-click's new window is denied by guardWebContents' window-open handler
  const win = new BrowserWindow(showroomWindowOptions(opts.preloadPath, target));
  showroom = win;
  guardWebContents(win.webContents, opts);
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (showroom === win) showroom = null;
  });
  const url = `${opts.startUrl.split('#')[0]}${SHOWROOM_HASH}`;
  win.loadURL(url).catch((err: unknown) => opts.log?.(`could not load ${url}: ${String(err)}`));
  return win;
}

/** Close the showroom window if it is open (Esc is not offered on the page: visitors see it). */
export function closeShowroomWindow(): void {
  showroomWindow()?.close();
}
