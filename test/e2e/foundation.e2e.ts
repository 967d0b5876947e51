// The foundation scenario of NetDesk in a real Chromium: the app opens in Chinese, switches to
// English and back, a department and a person added survive a reload and a full restart of the
// server and the browser (whose dashboard counts them at once), and the demo data loads into an
// empty ledger.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoLedger, newHome, numberIn, outputDir, startApp, type AppUnderTest } from './harness';

let app: AppUnderTest | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('foundation', () => {
  it('opens in Chinese, switches language, and keeps a department and a person across reload and restart', async () => {
    const home = newHome('foundation');
    app = await startApp({ home });
    let { page } = app;

    // Chinese by default.
    await expect.poll(() => page.getByTestId('nav-people').textContent()).toBe('人员');
    expect(await page.getAttribute('html', 'lang')).toMatch(/^zh/);

    // Switch to English and back.
    await page.getByTestId('language-en').click();
    await expect.poll(() => page.getByTestId('nav-people').textContent()).toBe('People');
    await page.getByTestId('language-zh-CN').click();
    await expect.poll(() => page.getByTestId('nav-people').textContent()).toBe('人员');

    // Add a department.
    await page.getByTestId('nav-people').click();
    await page.getByTestId('tab-departments').click();
    await page.getByTestId('add-department').click();
    await page.getByTestId('department-name').fill('网络中心');
    await page.getByTestId('department-name').press('Enter');
    await expect
      .poll(() => page.locator('[data-testid="department-row"][data-name="网络中心"]').count())
      .toBe(1);

    // Add a person in it, keyboard first: the form opens with the cursor in the first field.
    await page.getByTestId('tab-people').click();
    await page.getByTestId('add-person').click();
    await page.getByTestId('person-employee-no').fill('NT-0001');
    await page.getByTestId('person-name').fill('王小明');
    await page.getByTestId('person-department').click();
    await page.locator('.ant-select-item-option', { hasText: '网络中心' }).click();
    await page.getByTestId('person-phone').fill('138 0000 1234');
    await page.getByTestId('person-phone').press('Enter');
    const row = page.locator('[data-testid="person-row"][data-employee-no="NT-0001"]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('王小明');
    expect(await row.textContent()).toContain('网络中心');

    // A duplicate employee number is refused, on its field, and nothing is written.
    await page.getByTestId('add-person').click();
    await page.getByTestId('person-employee-no').fill('NT-0001');
    await page.getByTestId('person-name').fill('重复工号');
    await page.getByTestId('person-name').press('Enter');
    await expect.poll(() => page.getByTestId('error-employeeNo').textContent()).toMatch(/工号|已/);
    await page.getByTestId('person-form-cancel').click();
    await expect.poll(() => page.locator('[data-testid="person-row"]').count()).toBe(1);

    // Reload: both still there.
    await page.reload();
    await page.getByTestId('nav-people').click();
    await expect.poll(() => row.count()).toBe(1);

    // Restart the server and the browser on the same data folder and port.
    const port = app.port;
    await app.close();
    app = await startApp({ home, port });
    page = app.page;
    // The dashboard's counts at a start: read by the page's first script (public/warm-ledger.js)
    // from the real IndexedDB while the app's code loaded, then kept current by the live query.
    await expect.poll(() => numberIn(page, 'dashboard-count-people')).toBe(1);
    expect(await numberIn(page, 'dashboard-count-departments')).toBe(1);
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
    expect(marks).toEqual(
      expect.arrayContaining(['netdesk:warm-open', 'netdesk:warm-counts', 'netdesk:frame']),
    );
    await page.getByTestId('nav-people').click();
    await expect
      .poll(() => page.locator('[data-testid="person-row"][data-employee-no="NT-0001"]').count())
      .toBe(1);
    await page.getByTestId('tab-departments').click();
    await expect
      .poll(() => page.locator('[data-testid="department-row"][data-name="网络中心"]').count())
      .toBe(1);
    await page.getByTestId('tab-people').click();
    await page.screenshot({ path: join(outputDir, 'foundation-people.png'), fullPage: false });
  });

  it('loads the demo data into an empty ledger and no longer offers it once loaded', async () => {
    app = await startApp({ home: newHome('demo') });
    const { page } = app;
    await loadDemoLedger(page);
    // The counts fill in table by table as the load goes on: devices come after people.
    await expect
      .poll(() => numberIn(page, 'dashboard-count-devices'), { timeout: 30_000 })
      .toBeGreaterThan(10);
    await page.screenshot({ path: join(outputDir, 'foundation-dashboard-demo.png') });
    // A second load would mix demo records into real ones: once the load is done, the loader
    // is gone from a ledger that holds records (it was offered, then refused).
    await expect.poll(() => page.getByTestId('load-demo').count(), { timeout: 30_000 }).toBe(0);
    await page.getByTestId('nav-people').click();
    await expect.poll(() => page.locator('[data-testid="person-row"]').count()).toBeGreaterThan(10);
  });
});
