import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultAppSettings } from '../../shared/settings';
import { createSettingsStore, SETTINGS_FILE } from './settings';
import { makeTestHost, type TestHost } from '../../test/doubles/test-host';

let host: TestHost;
const store = () => createSettingsStore({ dataDir: host.dataDir, now: host.now, log: host.log });
const settingsPath = () => join(host.dataDir, SETTINGS_FILE);

beforeEach(async () => {
  host = await makeTestHost();
});
afterEach(() => host.cleanup());

describe('settings on a fresh PC', () => {
  it('reads the defaults when there is no settings file yet, without creating one', async () => {
    expect(await store().read()).toEqual({ ok: true, settings: defaultAppSettings });
    expect(await readdir(host.dataDir)).toEqual([]);
  });

  it('saves a change and reads it back after a restart', async () => {
    const saved = await store().write({ language: 'en', operatorName: '王工', pcCode: 'B' });
    expect(saved).toMatchObject({ language: 'en', operatorName: '王工', pcCode: 'B' });
    expect(await store().read()).toEqual({ ok: true, settings: saved });
  });

  it('keeps earlier fields when only one field changes', async () => {
    await store().write({ operatorName: '王工' });
    const s = await store().write({ language: 'en' });
    expect(s.operatorName).toBe('王工');
    expect(s.language).toBe('en');
  });

  it('leaves no temporary files behind', async () => {
    await store().write({ pcCode: 'C' });
    expect(await readdir(host.dataDir)).toEqual([SETTINGS_FILE]);
  });

  it('applies two quick saves one after the other, so neither change is lost', async () => {
    const s = store();
    await Promise.all([s.write({ operatorName: '李工' }), s.write({ pcCode: 'D' })]);
    expect((await s.read()).settings).toMatchObject({ operatorName: '李工', pcCode: 'D' });
  });

  it('reads a file saved with a BOM by Notepad', async () => {
    await writeFile(settingsPath(), '\uFEFF{"language":"en"}');
    expect(await store().read()).toEqual({ ok: true, settings: { ...defaultAppSettings, language: 'en' } });
  });

  it('keeps keys written by a newer NetDesk when saving', async () => {
    await writeFile(settingsPath(), JSON.stringify({ language: 'en', futureOption: 7 }));
    await store().write({ operatorName: '王工' });
    const onDisk = JSON.parse(await readFile(settingsPath(), 'utf8')) as Record<string, unknown>;
    expect(onDisk).toMatchObject({ futureOption: 7, language: 'en', operatorName: '王工' });
  });
});

describe('an unreadable settings file', () => {
  it('reports bad JSON as corrupt with defaults in force and leaves the file untouched', async () => {
    await writeFile(settingsPath(), '{"language": "en",');
    const r = await store().read();
    expect(r).toMatchObject({
      ok: false,
      error: 'corrupt',
      settings: defaultAppSettings,
      path: settingsPath(),
    });
    expect(r.ok ? '' : r.detail).toMatch(/JSON/);
    expect(await readFile(settingsPath(), 'utf8')).toBe('{"language": "en",');
  });

  it('reports values the schema refuses as corrupt, naming the field', async () => {
    await writeFile(settingsPath(), JSON.stringify({ pcCode: 'ab' }));
    const r = await store().read();
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.detail).toMatch(/pcCode/);
  });

  it('on save, moves the unreadable file aside under a timestamped name and writes the new settings', async () => {
    await writeFile(settingsPath(), 'not json at all');
    const saved = await store().write({ operatorName: '王工' });
    expect(saved).toEqual({ ...defaultAppSettings, operatorName: '王工' });

    const aside = join(host.dataDir, 'settings.corrupt-20260305T083000Z.json');
    expect(await readFile(aside, 'utf8')).toBe('not json at all');
    expect(await store().read()).toEqual({ ok: true, settings: saved });
    expect(host.logged.join('\n')).toContain(aside);
  });

  it('never replaces an earlier set-aside file', async () => {
    await writeFile(settingsPath(), 'first bad');
    await store().write({});
    await writeFile(settingsPath(), 'second bad');
    await store().write({});
    const files = (await readdir(host.dataDir)).sort();
    expect(files).toEqual([
      'settings.corrupt-20260305T083000Z-2.json',
      'settings.corrupt-20260305T083000Z.json',
      SETTINGS_FILE,
    ]);
  });

  it('reports a settings path that is a folder as corrupt instead of crashing', async () => {
    await mkdir(settingsPath());
    expect((await store().read()).ok).toBe(false);
  });

  it('refuses a value the schema refuses and keeps the file as it was', async () => {
    await store().write({ pcCode: 'B' });
    await expect(store().write({ pcCode: 'bad' })).rejects.toThrow();
    expect((await store().read()).settings.pcCode).toBe('B');
  });
});
