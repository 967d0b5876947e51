// A damaged settings file, in a real Chromium against the browser-mode server: NetDesk still
// starts, on its defaults, says which file is damaged and that it was left alone, and the first
// save keeps the damaged file aside (never overwritten) before writing the new settings. The
// services' own tests cover the rest of the bad input (electron/services/settings.test.ts,
// electron/services/full-disk.test.ts: a full disk while saving a PDF or a backup, a read-only
// data folder).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { zhCN } from '../../renderer/i18n/zh-CN';
import { newHome, startApp, type AppUnderTest } from './harness';

let app: AppUnderTest | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const DAMAGED = '{"language": "en", "operatorName": "王';

describe('bad input', () => {
  it('starts on defaults with a damaged settings file, says so, and keeps the file aside on the first save', async () => {
    const home = newHome('bad-settings');
    writeFileSync(join(home, 'settings.json'), DAMAGED);
    app = await startApp({ home });
    const { page } = app;

    // The app is up, in Chinese (the default: the damaged file asked for English), with the banner.
    const banner = page.getByTestId('settings-problem');
    await banner.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('nav-people').textContent()).toBe('人员');
    const text = (await banner.textContent()) ?? '';
    expect(text).toContain(zhCN.app.settingsCorrupt);
    expect(text).toContain(join(home, 'settings.json'));
    expect(readFileSync(join(home, 'settings.json'), 'utf8')).toBe(DAMAGED);

    // A screen works as usual.
    await page.getByTestId('nav-people').click();
    await page.getByTestId('add-person').waitFor();

    // Saving a setting (the language) moves the damaged file aside and writes a good one.
    await page.getByTestId('language-en').click();
    await expect.poll(() => page.getByTestId('settings-problem').count()).toBe(0);
    const aside = readdirSync(home).filter((f) => /^settings\.corrupt-.*\.json$/.test(f));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(home, aside[0]!), 'utf8')).toBe(DAMAGED);
    expect(JSON.parse(readFileSync(join(home, 'settings.json'), 'utf8'))).toMatchObject({ language: 'en' });

    // After a restart the settings read cleanly: no banner, English kept.
    const port = app.port;
    await app.close();
    app = await startApp({ home, port });
    await expect
      .poll(() => app!.page.getByTestId('nav-people').textContent(), { timeout: 60_000 })
      .toBe('People');
    expect(await app.page.getByTestId('settings-problem').count()).toBe(0);
  });
});
