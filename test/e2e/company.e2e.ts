// The company section of Settings in a real Chromium: the company's name saved and still there
// after a reload, and the company's rest days listed beside the official holidays and adjusted
// working days — a day added shows as the company's, a day already off is refused with a message
// and nothing written, a day removed (after a confirmation) leaves the list.
import { afterEach, describe, expect, it } from 'vitest';
import { newHome, pick, startApp, type AppUnderTest } from './harness';

let app: AppUnderTest | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('company settings', () => {
  it('saves the company name and edits the company rest days beside the official calendar', async () => {
    app = await startApp({ home: newHome('company') });
    const { page } = app;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-company').click();
    await expect.poll(() => page.url()).toContain('#/settings/company');

    // The name: typed and saved with Ctrl+Enter (Enter alone moves on, as in every form).
    await page.getByTestId('company-name').fill('华东示范控股集团');
    await page.getByTestId('company-name').press('Control+Enter');
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('公司名称已保存');

    // Add a working day as a company rest day.
    const rows = page.locator('[data-testid="company-day-row"]');
    const row = (date: string) => page.locator(`[data-testid="company-day-row"][data-date="${date}"]`);
    await page.getByTestId('company-rest-date').fill('2026-12-24');
    await page.getByTestId('company-rest-date').press('Enter');
    await page.getByTestId('company-rest-add').click();
    await expect.poll(() => row('2026-12-24').getAttribute('data-kind')).toBe('company-rest-day');
    expect(await row('2026-12-24').textContent()).toContain('公司休息日');
    expect(await row('2026-12-24').textContent()).toContain('周四');

    // The official calendar of the year shows beside it: 国庆节 and a 调休 Sunday.
    expect(await row('2026-10-01').getAttribute('data-kind')).toBe('holiday');
    expect(await row('2026-10-01').textContent()).toContain('国庆节');
    expect(await row('2026-09-20').getAttribute('data-kind')).toBe('adjusted-working-day');
    expect(await row('2026-09-20').textContent()).toContain('调休上班');
    const listed = await rows.count();

    // A Saturday is already a rest day: refused in words, nothing added.
    await page.getByTestId('company-rest-date').fill('2026-12-26');
    await page.getByTestId('company-rest-date').press('Enter');
    await page.getByTestId('company-rest-add').click();
    await expect.poll(() => page.getByTestId('company-rest-error').textContent()).toContain('本来就是休息日');
    expect(await rows.count()).toBe(listed);
    expect(await row('2026-12-26').count()).toBe(0);

    // A second day, then a reload: the name and both days are the ledger's.
    await page.getByTestId('company-rest-date').fill('2026-12-31');
    await page.getByTestId('company-rest-date').press('Enter');
    await page.getByTestId('company-rest-add').click();
    await expect.poll(() => row('2026-12-31').getAttribute('data-kind')).toBe('company-rest-day');
    await page.reload();
    await page.getByTestId('settings-tab-company').click();
    await expect.poll(() => page.getByTestId('company-name').inputValue()).toBe('华东示范控股集团');
    // The list opens on this year; go to 2026 whatever year the test runs in.
    await pick(page, 'company-year', '2026');
    await expect.poll(() => row('2026-12-24').count()).toBe(1);
    expect(await row('2026-12-31').count()).toBe(1);

    // Removing asks first; cancelling keeps the day, confirming removes it.
    await page.getByTestId('company-rest-remove-2026-12-24').click();
    await page.locator('.ant-popconfirm .ant-btn:not(.ant-btn-primary)').click();
    expect(await row('2026-12-24').count()).toBe(1);
    await page.getByTestId('company-rest-remove-2026-12-24').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => row('2026-12-24').count()).toBe(0);
    expect(await row('2026-12-31').getAttribute('data-kind')).toBe('company-rest-day');
  });
});
