// The ServiceHost the services run on inside Electron: the real save dialog, the system PDF
// viewer and the user's browser.
import { app, BrowserWindow, dialog, safeStorage, shell } from 'electron';
import { join } from 'node:path';
import type { ServiceHost } from '../services/types';
import { openWebLink } from './external';

export function createElectronHost(opts: { dataDir: string; log: (message: string) => void }): ServiceHost {
  return {
    mode: 'electron',
    appName: 'NetDesk',
    appVersion: app.getVersion(),
    platform: process.platform,
    dataDir: opts.dataDir,
    documentsDir: app.getPath('documents'),
    now: () => new Date(),
    log: opts.log,
    // The WebDAV password, encrypted for this Windows user (DPAPI); never in settings.json.
    safeStorage,
    async showSaveDialog(defaultFileName) {
      const parent = BrowserWindow.getFocusedWindow();
      const options = {
        defaultPath: join(app.getPath('documents'), defaultFileName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
      };
      const r = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? undefined : r.filePath;
    },
    // The main process's own dialog: the page asks to choose, never sends a path.
    async chooseFolder(purpose) {
      const parent = BrowserWindow.getFocusedWindow();
      const options = {
        title: purpose === 'reports' ? '选择报表文件夹 Reports folder' : '选择共享文件夹 Shared folder',
        properties: ['openDirectory' as const, 'createDirectory' as const, 'dontAddToRecent' as const],
      };
      const r = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return r.canceled ? undefined : r.filePaths[0];
    },
    async openPath(absolutePath) {
      // shell.openPath answers with an error text, empty on success.
      const error = await shell.openPath(absolutePath);
      if (error) throw new Error(`无法打开文件：${error}`);
      return { opened: true };
    },
    async openExternal(url) {
      if (!(await openWebLink(url))) throw new Error('只能打开 http 或 https 链接');
    },
  };
}
