import { describe, expect, it } from 'vitest';
import { ipcRequestSchemas } from './ipc';
import { appSettingsPatchSchema, appSettingsSchema, type AppSettings } from './settings';

const full: AppSettings = {
  language: 'en',
  operatorName: '王工',
  pcCode: 'B',
  reportsDir: 'D:\\reports',
  syncFolder: '\\\\server\\netdesk',
  syncVia: 'folder',
  webdavUrl: '',
  webdavUser: '',
  webdavPin: '',
};

describe('settings patch', () => {
  it('carries only the fields it names: no default fills the others', () => {
    expect(appSettingsPatchSchema.parse({ language: 'zh-CN' })).toEqual({ language: 'zh-CN' });
    expect(appSettingsPatchSchema.parse({})).toEqual({});
  });

  const fromPage = (key: keyof AppSettings) => key !== 'reportsDir' && key !== 'syncFolder';

  it.each(Object.keys(full) as (keyof AppSettings)[])(
    'changing only %s leaves every other field as it was',
    (key) => {
      const changed = appSettingsSchema.parse({ ...full, [key]: appSettingsSchema.parse({})[key] });
      // The page's channel carries every setting but the folders (they are chosen in a dialog).
      const schema = fromPage(key) ? ipcRequestSchemas['settings:write'] : appSettingsPatchSchema;
      const patch = schema.parse({ [key]: changed[key] });
      const saved = { ...full, ...patch };
      for (const other of Object.keys(full) as (keyof AppSettings)[]) {
        expect(saved[other]).toBe(other === key ? changed[key] : full[other]);
      }
    },
  );

  it('the page cannot set a folder', () => {
    expect(() => ipcRequestSchemas['settings:write'].parse({ reportsDir: 'C:\\elsewhere' })).toThrow();
    expect(() => ipcRequestSchemas['settings:write'].parse({ syncFolder: '../../x' })).toThrow();
  });

  it('still refuses unknown keys and bad values', () => {
    expect(() => appSettingsPatchSchema.parse({ pcCode: 'ab' })).toThrow();
    expect(() => appSettingsPatchSchema.parse({ futureOption: 1 })).toThrow();
  });
});
