// NetDesk's Electron entry. Order matters: the single-instance lock and the app:// scheme
// registration happen before "ready"; the protocol, session guards, IPC and the window after.
import { app, BrowserWindow, dialog, ipcMain, protocol, screen, session, shell } from 'electron';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language } from '../../shared/settings';
import { createServices, type ServiceTable } from '../services/index';
import { createFileLogger, logUnhandled } from '../services/log';
import { openWebLink } from './external';
import { createElectronHost } from './host';
import { createSenderCheck, registerIpc } from './ipc';
import { applyAppMenu, followLanguageChanges, type MenuActions } from './menu';
import { APP_ENTRY_URL, APP_SCHEME, serveAppRequest } from './protocol';
import { createAppUrlCheck, guardWebContents, lockDownSession } from './security';
import { logChildProcessGone, watchRendererCrashes, type CrashLog } from './crash';
import { closeShowroomWindow, openShowroomWindow } from './showroom';
import { createMainWindow, isNetdeskWindow } from './window';

// One data folder name in development and in the installed app (%APPDATA%\NetDesk);
// NETDESK_HOME points a run at another data folder (the same variable browser mode reads).
// (Electron derives userData from package.json's productName before this file runs, so the
// folder is set explicitly rather than through app.setName.)
app.setName('NetDesk');
app.setPath('userData', process.env.NETDESK_HOME || join(app.getPath('appData'), 'NetDesk'));
app.setAppUserModelId('com.netdesk.app');

// One log for the main process and the page (through log:write): <data folder>/logs/netdesk.log.
const logger = createFileLogger({ dataDir: app.getPath('userData') });
const log = (message: string) => logger.write({ level: 'warn', message }, 'main');
logUnhandled(logger);
logger.info(`NetDesk ${app.getVersion()} starting (Electron ${process.versions.electron ?? '?'})`);

// Every renderer sandboxed, whatever a window's own options say.
app.enableSandbox();

protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);

const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
// electron-vite sets this while developing; a packaged app never loads anything but app://.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const isAppUrl = createAppUrlCheck(devServerUrl);
const guards = { isAppUrl, openWebLink, log };

let mainWindow: BrowserWindow | null = null;
let ready = false;
// The settings' language, for the main process's own dialogs (kept by setMenu below).
let language: Language = 'zh-CN';
const crashLog: CrashLog = (level, message) => logger.write({ level, message }, 'main');

/** Bring NetDesk's window to the front, creating it when there is none. */
function showMainWindow(): void {
  if (!ready) return;
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
    return;
  }
  mainWindow = createMainWindow({
    ...guards,
    preloadPath,
    dataDir: app.getPath('userData'),
    startUrl: devServerUrl ?? APP_ENTRY_URL,
    title: 'NetDesk 网管工作台',
  });
  mainWindow.on('closed', () => (mainWindow = null));
  const win = mainWindow;
  watchRendererCrashes(win, {
    log: crashLog,
    language: () => language,
    quit: () => app.quit(),
    ask: async (q) =>
      (
        await dialog.showMessageBox(win, {
          type: q.kind === 'crashed' ? 'error' : 'warning',
          title: q.title,
          message: q.message,
          detail: q.detail,
          buttons: q.buttons,
          defaultId: 0,
          cancelId: q.kind === 'crashed' ? 1 : 0,
          noLink: true,
        })
      ).response,
  });
}

function menuActions(services: ServiceTable, dataDir: string): MenuActions {
  const openFolder = async (folder: string) => {
    await mkdir(folder, { recursive: true });
    const error = await shell.openPath(folder);
    if (error) log(`could not open ${folder}: ${error}`);
  };
  const report = (err: unknown) => log(String(err));
  return {
    openReportsFolder: () => {
      services['app:info']({})
        .then((info) => openFolder(info.reportsDir))
        .catch(report);
    },
    openDataFolder: () => {
      openFolder(dataDir).catch(report);
    },
    openShowroom: (displayId) => {
      try {
        openShowroomWindow(
          { ...guards, preloadPath, dataDir, startUrl: devServerUrl ?? APP_ENTRY_URL },
          displayId,
        );
      } catch (err) {
        report(err);
      }
    },
    closeShowroom: closeShowroomWindow,
    showAbout: () => {
      dialog
        .showMessageBox({
          type: 'info',
          title: 'NetDesk',
          message: `NetDesk 网管工作台 ${app.getVersion()}`,
          detail: `Electron ${process.versions.electron ?? ''}\n${dataDir}`,
        })
        .catch(report);
    },
  };
}

async function start(): Promise<void> {
  await app.whenReady();
  const dataDir = app.getPath('userData');
  const baseServices = createServices({ ...createElectronHost({ dataDir, log }), logger });

  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));
  lockDownSession(session.defaultSession);

  const actions = menuActions(baseServices, dataDir);
  // The showroom submenu lists the monitors there are now: rebuilt when one is plugged or unplugged.
  // `language` (module scope) is also what the crash watch's questions are asked in.
  const setMenu = (next: Language) => {
    language = next;
    const primaryId = screen.getPrimaryDisplay().id;
    const displays = screen.getAllDisplays().map((d) => ({
      id: d.id,
      width: d.bounds.width,
      height: d.bounds.height,
      primary: d.id === primaryId,
    }));
    applyAppMenu(language, actions, { developer: !app.isPackaged, displays });
  };
  setMenu((await baseServices['settings:read']({})).settings.language);
  screen.on('display-added', () => setMenu(language));
  screen.on('display-removed', () => setMenu(language));

  registerIpc(
    ipcMain,
    followLanguageChanges(baseServices, setMenu),
    createSenderCheck({ isAppUrl, windowOf: (c) => BrowserWindow.fromWebContents(c), isNetdeskWindow }),
  );

  ready = true;
  showMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another NetDesk is already running; it brings its own window to the front (second-instance).
  app.quit();
} else {
  app.on('second-instance', showMainWindow);
  app.on('activate', showMainWindow);
  // Guard every page that appears, not only the main window's.
  app.on('child-process-gone', (_event, details) => logChildProcessGone(crashLog, details));
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, guards));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start().catch((err: unknown) => {
    logger.error('NetDesk could not start', err);
    dialog.showErrorBox('NetDesk', `NetDesk 无法启动：${err instanceof Error ? err.message : String(err)}`);
    app.exit(1);
  });
}
