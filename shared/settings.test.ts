import { describe, expect, it } from 'vitest';
import { ipcRequestSchemas } from './ipc';
import { appSettingsPatchSchema, appSettingsSchema, type AppSettings } from './settings';

const full: AppSettings = {
  language: 'en',
  operatorName: '王工',
  pcCode: 'B',
  reportsDir: 'D:\\reports',
  syncFolder: '\\\\server\\netdesk',
  syncVia: 'webdav',
  webdavUrl: 'https://nas.example.cn:5006/netdesk/',
  webdavUser: 'netdesk',
  webdavPin: 'AB:CD',
};

describe('settings patch', () => {
  it('carries only the fields it names: no default fills the others', () => {
    expect(appSettingsPatchSchema.parse({ language: 'zh-CN' })).toEqual({ language: 'zh-CN' });
    expect(appSettingsPatchSchema.parse({})).toEqual({});
  });

  // Folders are chosen in a dialog, WebDAV is set through 'sync:webdav' (password, certificate).
  const fromPage = (key: keyof AppSettings) =>
    !['reportsDir', 'syncFolder', 'syncVia', 'webdavUrl', 'webdavUser', 'webdavPin'].includes(key);

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

  it('the page cannot set the WebDAV server around its checks', () => {
    const write = ipcRequestSchemas['settings:write'];
    expect(() => write.parse({ webdavUrl: 'http://evil.example/' })).toThrow();
    expect(() => write.parse({ webdavPin: 'AB:CD' })).toThrow();
    expect(() => write.parse({ syncVia: 'webdav' })).toThrow();
  });

  it('still refuses unknown keys and bad values', () => {
    expect(() => appSettingsPatchSchema.parse({ pcCode: 'ab' })).toThrow();
    expect(() => appSettingsPatchSchema.parse({ futureOption: 1 })).toThrow();
  });
});
