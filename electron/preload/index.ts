// NetDesk's preload: the only bridge between the sandboxed page and the main process.
// It exposes window.netdesk, one method per NetdeskApi call, and nothing else (never ipcRenderer).
//
// Each method answers with the IpcResult itself instead of throwing: an error thrown across
// contextBridge reaches the page as a plain Error without its code, so the renderer's small API
// wrapper unwraps the result and throws NetdeskCallError (code, message, issues) there.
//
// A sandboxed preload can load only 'electron', so this file imports nothing at run time from
// shared/ (shared/ipc.ts pulls in zod). The channel map is written out here and checked against
// shared/ipc.ts's apiChannels by the type checker: it cannot drift.
import { contextBridge, ipcRenderer } from 'electron';
import type { apiChannels, IpcChannel, IpcResult, NetdeskApi, PreloadNetdesk } from '../../shared/ipc';

const channels = {
  appInfo: 'app:info',
  readSettings: 'settings:read',
  writeSettings: 'settings:write',
  chooseFolder: 'settings:chooseFolder',
  savePdf: 'pdf:save',
  pdfFont: 'pdf:font',
  openFile: 'file:open',
  openExternal: 'shell:openExternal',
  syncExchange: 'sync:exchange',
  syncStatus: 'sync:status',
  saveBackup: 'backup:save',
  listBackups: 'backup:list',
  writeLog: 'log:write',
  readDiagnostics: 'diagnostics:read',
  setupWebDav: 'sync:webdav',
} as const satisfies typeof apiChannels;

type Channels = typeof apiChannels;

/** What window.netdesk holds: NetdeskApi's methods, answering with IpcResult data. */
export type NetdeskBridge = {
  [M in keyof NetdeskApi]: (...args: Parameters<NetdeskApi[M]>) => Promise<IpcResult<Channels[M]>>;
};

/** What kind of host the page runs in; browser mode sets mode 'browser'. */
export interface NetdeskHostInfo {
  mode: 'electron';
}

function invoke<C extends IpcChannel>(channel: C, arg: unknown = {}): Promise<IpcResult<C>> {
  return ipcRenderer.invoke(channel, arg) as Promise<IpcResult<C>>;
}

const bridge = {
  appInfo: () => invoke(channels.appInfo),
  readSettings: () => invoke(channels.readSettings),
  writeSettings: (patch) => invoke(channels.writeSettings, patch),
  chooseFolder: (req) => invoke(channels.chooseFolder, req),
  savePdf: (req) => invoke(channels.savePdf, req),
  pdfFont: (req) => invoke(channels.pdfFont, req),
  openFile: (req) => invoke(channels.openFile, req),
  openExternal: (req) => invoke(channels.openExternal, req),
  syncExchange: (req) => invoke(channels.syncExchange, req),
  syncStatus: (req) => invoke(channels.syncStatus, req),
  saveBackup: (req) => invoke(channels.saveBackup, req),
  listBackups: (req?: unknown) => invoke(channels.listBackups, req),
  writeLog: (req) => invoke(channels.writeLog, req),
  readDiagnostics: (req?: unknown) => invoke(channels.readDiagnostics, req),
  setupWebDav: (req) => invoke(channels.setupWebDav, req),
} satisfies NetdeskBridge;

// Also checked against the type the page declares window.netdesk with (shared/ipc.ts).
contextBridge.exposeInMainWorld('netdesk', bridge satisfies PreloadNetdesk);
contextBridge.exposeInMainWorld('netdeskHost', { mode: 'electron' } satisfies NetdeskHostInfo);
