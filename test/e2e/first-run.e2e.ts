// The first run from an empty profile, in a real Chromium: the guided setup asks for the company,
// the supervisor and this PC's letter (refusing an empty name in words), offers the shared folder
// as optional, loads the demo data, and is not shown again. Its pictures go to docs/images/ for
// the user guide, so the guide shows the setup as it is.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newHome, numberIn, repoRoot, startApp, type AppUnderTest } from './harness';

const images = join(repoRoot, 'docs', 'images');

let app: AppUnderTest | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function companyNameInLedger(app: AppUnderTest): Promise<unknown> {
  return app.page.evaluate(
    () =>
      new Promise<unknown>((resolve) => {
        const request = indexedDB.open('netdesk');
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction('ledgerSettings').objectStore('ledgerSettings').getAll();
          all.onsuccess = () => {
            const rows = (all.result as { key: string; value: unknown; updatedAt: string }[])
              .filter((r) => r.key === 'companyName')
              .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
            db.close();
            resolve(rows[0]?.value);
          };
        };
      }),
  );
}

describe('first run', () => {
  it('guides an empty profile through company, supervisor, PC letter, shared folder and the demo data', async () => {
    mkdirSync(images, { recursive: true });
    const home = newHome('first-run');
    app = await startApp({ home, firstRun: true });
    const { page } = app;

    const setup = page.getByTestId('first-run');
    await setup.waitFor({ timeout: 60_000 });
    expect(await page.locator('.ant-modal-title').textContent()).toBe('欢迎使用网管工作台');

    // Nothing typed: the names are refused in words, nothing is saved.
    await page.getByTestId('first-run-next').click();
    await page.getByTestId('error-companyName').waitFor();
    await page.getByTestId('error-operatorName').waitFor();

    await page.getByTestId('first-run-company').fill('华东精密集团');
    await page.getByTestId('first-run-operator').fill('李明');
    await page.getByTestId('first-run-pc').fill('b');
    expect(await page.getByTestId('first-run-pc').inputValue()).toBe('B');
    await page.screenshot({ path: join(images, 'first-run-1-names.png') });
    await page.getByTestId('first-run-operator').press('Control+Enter');

    // The shared folder is optional; browser mode says how to give it.
    await page.getByTestId('first-run-folder').waitFor();
    expect(await page.getByTestId('first-run-folder').textContent()).toBe('未设置（不同步）');
    await page.screenshot({ path: join(images, 'first-run-2-folder.png') });
    await page.getByTestId('first-run-next').click();

    await page.getByTestId('first-run-start-demo').waitFor();
    await page.screenshot({ path: join(images, 'first-run-3-start.png') });
    await page.getByTestId('first-run-finish').click();
    await setup.waitFor({ state: 'detached', timeout: 60_000 });

    await expect
      .poll(() => numberIn(page, 'dashboard-count-people'), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(30);
    expect(await page.getByTestId('header-operator').textContent()).toContain('李明');
    expect(await page.getByTestId('header-pc').textContent()).toContain('B');
    expect(await companyNameInLedger(app)).toBe('华东精密集团');

    // Done once: a restart goes straight to the dashboard.
    await page.reload();
    await page.getByTestId('dashboard-count-people').waitFor();
    await page.waitForTimeout(1500);
    expect(await page.getByTestId('first-run').count()).toBe(0);
  });

  it('can be put off, and then stays away', async () => {
    const home = newHome('first-run-later');
    app = await startApp({ home, firstRun: true });
    const { page } = app;
    await page.getByTestId('first-run').waitFor({ timeout: 60_000 });
    await page.keyboard.press('Escape');
    await page.getByTestId('first-run').waitFor({ state: 'detached' });
    await page.reload();
    await page.getByTestId('dashboard-count-people').waitFor();
    await page.waitForTimeout(1500);
    expect(await page.getByTestId('first-run').count()).toBe(0);
    // The empty ledger still says what to do first.
    await page.getByTestId('dashboard-empty').waitFor();
  });
});
