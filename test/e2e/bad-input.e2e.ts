// Bad input around the ledger, in a real Chromium against the browser-mode server. A damaged
// settings file: NetDesk still starts, on its defaults, says which file is damaged and that it was
// left alone, and the first save keeps the damaged file aside (never overwritten) before writing
// the new settings. A data folder on a read-only drive (a read-only tmpfs; mounting one needs root
// with CAP_SYS_ADMIN, so where that is refused the case is skipped and says why): NetDesk starts,
// names the folder in a banner, and the ledger still takes new records. The services' own tests
// cover the same at their level and a full disk while saving a PDF or a backup
// (electron/services/settings.test.ts, electron/services/full-disk.test.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { zhCN } from '../../renderer/i18n/zh-CN';
import { newHome, startApp, type AppUnderTest } from './harness';

let app: AppUnderTest | undefined;
let mounted: string | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  if (mounted) {
    execFileSync('umount', [mounted]);
    rmdirSync(mounted);
    mounted = undefined;
  }
});

/** A fresh read-only folder (an empty tmpfs mounted ro), or undefined where mounting is refused. */
function readOnlyFolder(): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'netdesk-ro-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmdirSync(dir);
    return undefined;
  }
}
const readOnly = process.getuid?.() === 0 ? readOnlyFolder() : undefined;
if (readOnly) {
  execFileSync('umount', [readOnly]);
  rmdirSync(readOnly);
}

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

  it.skipIf(!readOnly)(
    'starts with its data folder on a read-only drive, names it, and the ledger still takes records',
    async () => {
      mounted = readOnlyFolder()!;
      app = await startApp({ home: newHome('read-only'), dataDir: mounted });
      const { page } = app;
      const banner = page.getByTestId('data-folder-read-only');
      await banner.waitFor({ timeout: 60_000 });
      const text = (await banner.textContent()) ?? '';
      expect(text).toContain(zhCN.app.dataDirReadOnly);
      expect(text).toContain(mounted);

      await page.getByTestId('nav-people').click();
      await page.getByTestId('tab-departments').click();
      await page.getByTestId('add-department').click();
      await page.getByTestId('department-name').fill('信息中心');
      await page.getByTestId('department-name').press('Control+Enter');
      await expect.poll(() => page.getByTestId('department-row').count()).toBe(1);
      expect(readdirSync(mounted)).toEqual([]);
    },
  );
});
