// This PC's settings as the UI sees them: read once at start through window.netdesk, written back
// on change. A damaged settings file is not an error that stops the app: defaults stay in force
// and the shell shows a warning naming the file (the main process leaves the file untouched).
import { create } from 'zustand';
import { defaultAppSettings, type AppSettings, type AppSettingsPatch } from '../../shared/settings';
import type { AppInfo, IpcRequest, NetdeskApi } from '../../shared/ipc';

export type SettingsProblem =
  { kind: 'corrupt'; path: string; detail: string } | { kind: 'unreadable'; detail: string };

interface SettingsState {
  settings: AppSettings;
  /** False until the first read finished (successfully or not). */
  loaded: boolean;
  problem: SettingsProblem | null;
  appInfo: AppInfo | null;
  appInfoError: string | null;
  load: (api: NetdeskApi) => Promise<AppSettings>;
  save: (api: NetdeskApi, patch: AppSettingsPatch) => Promise<AppSettings>;
  /** Change a folder the only way there is: the main process's dialog or a fixed choice. */
  chooseFolder: (api: NetdeskApi, req: IpcRequest<'settings:chooseFolder'>) => Promise<boolean>;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: defaultAppSettings,
  loaded: false,
  problem: null,
  appInfo: null,
  appInfoError: null,

  async load(api) {
    const [settingsResult, infoResult] = await Promise.allSettled([api.readSettings(), api.appInfo()]);
    if (infoResult.status === 'fulfilled') set({ appInfo: infoResult.value });
    else set({ appInfoError: errorText(infoResult.reason) });
    if (settingsResult.status === 'rejected') {
      set({ loaded: true, problem: { kind: 'unreadable', detail: errorText(settingsResult.reason) } });
      return defaultAppSettings;
    }
    const r = settingsResult.value;
    set({
      settings: r.settings,
      loaded: true,
      problem: r.ok ? null : { kind: 'corrupt', path: r.path, detail: r.detail },
    });
    return r.settings;
  },

  async save(api, patch) {
    const settings = await api.writeSettings(patch);
    // A successful write replaced a damaged file, so its warning no longer applies.
    set({ settings, problem: null });
    return settings;
  },

  async chooseFolder(api, req) {
    const { chosen, settings } = await api.chooseFolder(req);
    if (!chosen) return false;
    set({ settings, problem: null });
    // app:info reports the reports folder in force.
    set({ appInfo: await api.appInfo() });
    return true;
  },
}));

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
