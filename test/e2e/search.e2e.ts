// The header search in a real Chromium, on the demo ledger: Ctrl+Shift+F focuses it from any screen; an
// asset tag typed as a label scanner types it (the whole tag and Enter, at once) opens that device;
// a card number and Enter opens the card; a person found by name opens their repair history.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newHome, outputDir, startApp, type AppUnderTest } from './harness';

let app: AppUnderTest | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('global search', () => {
  it('finds and opens devices, repair cards and people from the header', async () => {
    app = await startApp({ home: newHome('search') });
    const { page } = app;
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('load-demo').click();
    await page.getByTestId('load-demo-confirm').click();
    // Once loaded, the loader leaves the dashboard of a ledger that holds records.
    await expect.poll(() => page.getByTestId('load-demo').count(), { timeout: 60_000 }).toBe(0);

    const box = page.getByTestId('global-search');
    const hits = (kind: string) => page.locator(`[data-testid="global-search-hit"][data-kind="${kind}"]`);

    // Ctrl+Shift+F from the page focuses the box; a partial tag lists devices.
    // The people screen's own search has the cursor: the shortcut still reaches the header box.
    await page.getByTestId('nav-people').click();
    await expect.poll(() => page.locator('[data-testid="person-row"]').count()).toBeGreaterThan(10);
    await page.getByTestId('people-search').focus();
    await page.keyboard.press('Control+Shift+F');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('PC-');
    await expect.poll(() => hits('device').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // Read the hit in one go: the list may still be re-rendering as the search settles.
    const tag = await hits('device')
      .first()
      .evaluate((el) => el.querySelector('strong')?.textContent?.trim() ?? '');
    expect(tag).toMatch(/^PC-/);

    // A scanner: the exact tag and Enter in one burst, before any result is drawn.
    await box.fill('');
    await box.pressSequentially(tag.toLowerCase(), { delay: 0 });
    await box.press('Enter');
    await expect.poll(() => page.getByTestId('device-drawer').getAttribute('data-tag')).toBe(tag);
    expect(page.url()).toContain('#/devices/device/');
    await page.screenshot({ path: join(outputDir, 'search-device.png') });
    await page.keyboard.press('Escape');

    // A card number and Enter opens the card.
    await box.click();
    await box.fill('WX-');
    await expect.poll(() => hits('card').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // The hit reads "requester · tag · fault": keep the requester for the people search below.
    // Number and summary are read from the same row at once, so they belong to the same card.
    const [cardNo, summary] = await hits('card')
      .first()
      .evaluate((el) => [
        el.querySelector('strong')?.textContent?.trim() ?? '',
        el.querySelector('.ant-typography-ellipsis')?.textContent ?? '',
      ]);
    const name = summary.split(' · ')[0]!.trim();
    expect(name.length).toBeGreaterThan(1);
    await box.fill(cardNo);
    await box.press('Enter');
    await expect.poll(() => page.getByTestId('card-detail').getAttribute('data-card-no')).toBe(cardNo);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('card-detail').count()).toBe(0);

    // A person by name: choosing them opens their repair history.
    await page.keyboard.press('Control+Shift+F');
    await box.fill(name);
    // The person whose name was typed, not whichever hit is drawn first.
    const person = hits('person').filter({ hasText: name }).first();
    await expect.poll(() => person.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await person.click();
    await expect.poll(() => page.getByTestId('person-repairs-drawer').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('person-repairs-drawer').count()).toBe(0);

    // Nothing found says so.
    await page.keyboard.press('Control+Shift+F');
    await box.fill('没有这样的东西-XYZ');
    await expect.poll(() => page.getByTestId('global-search-empty').count()).toBe(1);
  });
});
