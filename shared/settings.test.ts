import { describe, expect, it } from 'vitest';
import { ipcRequestSchemas } from './ipc';
import { appSettingsPatchSchema, appSettingsSchema, type AppSettings } from './settings';

const full: AppSettings = {
  language: 'en',
  operatorName: '王工',
  pcCode: 'B',
  reportsDir: 'D:\\reports',
  syncFolder: '\\\\server\\netdesk',
};

describe('settings patch', () => {
  it('carries only the fields it names: no default fills the others', () => {
    expect(appSettingsPatchSchema.parse({ language: 'zh-CN' })).toEqual({ language: 'zh-CN' });
    expect(appSettingsPatchSchema.parse({})).toEqual({});
  });

  it.each(Object.keys(full) as (keyof AppSettings)[])(
    'changing only %s through the IPC channel leaves every other field as it was',
    (key) => {
      const changed = appSettingsSchema.parse({ ...full, [key]: appSettingsSchema.parse({})[key] });
      const patch = ipcRequestSchemas['settings:write'].parse({ [key]: changed[key] });
      const saved = { ...full, ...patch };
      for (const other of Object.keys(full) as (keyof AppSettings)[]) {
        expect(saved[other]).toBe(other === key ? changed[key] : full[other]);
      }
    },
  );

  it('still refuses unknown keys and bad values', () => {
    expect(() => appSettingsPatchSchema.parse({ pcCode: 'ab' })).toThrow();
    expect(() => appSettingsPatchSchema.parse({ futureOption: 1 })).toThrow();
  });
});
