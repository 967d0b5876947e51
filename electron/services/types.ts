// What NetDesk's Node services need from their host, passed in as parameters so the same
// services run inside Electron's main process, behind browser mode's loopback server, and in tests.
import type { IpcChannel, IpcParsedRequest, IpcResponses } from '../../shared/ipc';
import type { FileLogger } from './log';
import type { SecretCipher } from './secrets';

export interface ServiceHost {
  /** 'electron' or 'browser'; reported by app:info. */
  mode: 'electron' | 'browser';
  appName: string;
  appVersion: string;
  platform: string;
  /** Folder for settings.json and window state (Electron: app.getPath('userData')). */
  dataDir: string;
  /** Clock, so tests can pin time. */
  now: () => Date;
  /**
   * Ask the user where to save a file. Electron shows a save dialog; browser mode has none and
   * passes undefined (the file then goes into the reports folder). Resolves undefined on cancel.
   */
  showSaveDialog?: (defaultFileName: string) => Promise<string | undefined>;
  /**
   * Electron's own folder dialog, for the reports or the sync folder; resolves undefined on
   * cancel. Browser mode has none: the page can then only pick from a fixed list.
   */
  chooseFolder?: (purpose: 'reports' | 'sync') => Promise<string | undefined>;
  /** The user's Documents folder, one of the reports folders offered. */
  documentsDir: string;
  /** Open a saved file in the system viewer. Browser mode returns a same-origin URL instead. */
  openPath: (absolutePath: string) => Promise<{ opened: boolean; url?: string }>;
  /** Open an http(s) link in the user's browser (already checked by the caller). */
  openExternal: (url: string) => Promise<void>;
  /** Where services report things the user should hear about later (e.g. a settings file set aside). */
  log?: (message: string) => void;
  /** The log file the page's entries go to (`log:write`); made in the data folder when absent. */
  logger?: FileLogger;
  /**
   * Electron's safeStorage, which keeps the WebDAV password encrypted in the data folder. Browser
   * mode has none: the password is then kept only in the service's memory.
   */
  safeStorage?: SecretCipher;
}

/** One plain async function per channel: the request is already parsed by the channel schema. */
export type ServiceTable = {
  [C in IpcChannel]: (req: IpcParsedRequest<C>) => Promise<IpcResponses[C]>;
};
