// The supervisor's morning in a small window, on the demo ledger, in Chinese and in English, at
// 1366 × 800 and at 1024 × 700: dashboard, the repair list, one card, devices, people, then the
// remaining screens (departments, evaluations, settings, sync, backups). Every screen is kept as
// a picture in test-output/e2e/narrow-*.png. What is asserted is what a user would notice: the
// page never needs sideways scrolling, the repair list shows each card's number, requester, status
// and time left inside the window without scrolling the table, device and people names stay on
// one line, and a device's name never runs into its responsible person. The folded navigation is
// remembered across a reload.
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoLedger, newHome, outputDir, startApp, type AppUnderTest } from './harness';

let app: AppUnderTest | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const SIZES = [
  { width: 1366, height: 800 },
  { width: 1024, height: 700 },
] as const;
const LANGUAGES = ['zh-CN', 'en'] as const;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`not drawn: ${String(locator)}`);
  return b;
}

/** The page itself never scrolls sideways: everything wider scrolls inside its own table. */
async function expectNoSidewaysPage(page: Page, where: string): Promise<void> {
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(scroll, `${where}: page width ${scroll} in a ${inner}-px window`).toBeLessThanOrEqual(inner);
}

/** A cell's text is on one line: its height is one line of its type. */
async function expectOneLine(cell: Locator, where: string): Promise<void> {
  const { height, line } = await cell.evaluate((el) => {
    const style = getComputedStyle(el);
    const lh = parseFloat(style.lineHeight);
    return {
      height: el.getBoundingClientRect().height,
      line: Number.isNaN(lh) ? parseFloat(style.fontSize) * 1.6 : lh,
    };
  });
  expect(height, `${where}: ${height}px tall for ${line}px lines`).toBeLessThan(line * 1.5);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(outputDir, `narrow-${name}.png`) });
}

async function go(page: Page, hash: string, rows?: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
  if (rows) {
    await expect
      .poll(() => page.locator(`[data-testid="${rows}"]`).count(), { timeout: 20_000 })
      .toBeGreaterThan(0)
      .catch(async (err: unknown) => {
        await shot(page, `missing-${rows}`);
        throw err;
      });
  }
  // Let the table finish measuring its columns before anything is measured or pictured.
  await page.waitForTimeout(400);
}

describe('lists in narrow windows', () => {
  it('walks the morning at 1366 × 800 and 1024 × 700, in Chinese and English, with every column a supervisor scans in view', async () => {
    app = await startApp({ home: newHome('narrow') });
    const { page } = app;
    await loadDemoLedger(page);

    for (const language of LANGUAGES) {
      await page.getByTestId(`language-${language}`).click();
      for (const size of SIZES) {
        await page.setViewportSize(size);
        const tag = `${size.width}x${size.height}-${language}`;

        // Dashboard.
        await go(page, '#/dashboard');
        await shot(page, `${tag}-dashboard`);
        await expectNoSidewaysPage(page, `${tag} dashboard`);

        // The repair list: number, requester, status and time left inside the window, the
        // table not scrolled sideways.
        await go(page, '#/repairs', 'repair-row');
        await shot(page, `${tag}-repairs`);
        await expectNoSidewaysPage(page, `${tag} repairs`);
        const rows = page.locator('[data-testid="repair-row"]');
        const count = Math.min(await rows.count(), 8);
        expect(count).toBeGreaterThan(3);
        for (let i = 0; i < count; i++) {
          const row = rows.nth(i);
          for (const col of ['cardNo', 'requester', 'status', 'clock']) {
            const cell = await box(row.locator(`[data-col="${col}"]`));
            const where = `${tag} repair row ${i + 1} ${col}`;
            expect(cell.x, where).toBeGreaterThanOrEqual(0);
            expect(cell.x + cell.width, where).toBeLessThanOrEqual(size.width);
          }
          const text = (await row.locator('[data-col="clock"]').innerText()).trim();
          // The time left is written out, not cut: no ellipsis and not empty on an open card.
          expect(text, `${tag} row ${i + 1} time left`).not.toContain('…');
        }
        const sideways = await page
          .getByTestId('repair-table')
          .locator('.ant-table-body, .ant-table-tbody-virtual-holder')
          .first()
          .evaluate((el) => el.scrollLeft);
        expect(sideways).toBe(0);

        // One card, then back to the list.
        await rows.first().click();
        await expect.poll(() => page.getByTestId('card-detail').isVisible()).toBe(true);
        await page.waitForTimeout(300);
        await shot(page, `${tag}-card`);
        const drawer = await box(page.getByTestId('card-detail'));
        expect(drawer.x).toBeGreaterThanOrEqual(0);
        expect(drawer.x + drawer.width).toBeLessThanOrEqual(size.width);
        await page.keyboard.press('Escape');
        await expect.poll(() => page.getByTestId('card-detail').isVisible()).toBe(false);

        // Devices: the name on one line, clear of the responsible person.
        await go(page, '#/devices', 'device-row');
        await shot(page, `${tag}-devices`);
        await expectNoSidewaysPage(page, `${tag} devices`);
        const devices = page.locator('[data-testid="device-row"]');
        const shown = Math.min(await devices.count(), 12);
        for (let i = 0; i < shown; i++) {
          const row = devices.nth(i);
          const where = `${tag} device row ${i + 1}`;
          await expectOneLine(row.getByTestId('device-name'), `${where} name`);
          const name = await box(row.locator('[data-col="name"]'));
          const responsible = await box(row.locator('[data-col="responsible"]'));
          expect(name.x + name.width, `${where}: name runs into the responsible person`).toBeLessThanOrEqual(
            responsible.x + 0.5,
          );
          expect(responsible.x + responsible.width, `${where} responsible`).toBeLessThanOrEqual(size.width);
        }

        // People: names on one line.
        await go(page, '#/people', 'person-row');
        await shot(page, `${tag}-people`);
        await expectNoSidewaysPage(page, `${tag} people`);
        const people = page.locator('[data-testid="person-row"]');
        for (let i = 0; i < Math.min(await people.count(), 12); i++) {
          await expectOneLine(
            people.nth(i).locator('[data-col="name"] > *').first(),
            `${tag} person row ${i + 1}`,
          );
        }

        // The other screens: pictured, and never wider than the window.
        for (const [hash, name, rowsId] of [
          ['#/people/departments', 'departments', 'department-row'],
          ['#/devices/evaluations', 'evaluations', 'evaluation-row'],
          ['#/settings', 'settings', undefined],
          ['#/settings/sync', 'sync', undefined],
          ['#/settings/backups', 'backups', undefined],
        ] as const) {
          await go(page, hash, rowsId);
          await shot(page, `${tag}-${name}`);
          await expectNoSidewaysPage(page, `${tag} ${name}`);
          if (name === 'evaluations') {
            // A work request's status is seen without scrolling the table.
            const status = await box(page.getByTestId('evaluation-status').first());
            expect(status.x + status.width, `${tag} evaluation status`).toBeLessThanOrEqual(size.width);
          }
        }
      }
    }

    // The navigation folds to its icons, and stays folded after a reload.
    await go(page, '#/repairs', 'repair-row');
    const sider = page.getByTestId('sider');
    const open = (await box(sider)).width;
    await page.getByTestId('sider-toggle').click();
    await expect.poll(async () => (await box(sider)).width, { timeout: 5_000 }).toBeLessThan(open);
    await page.reload();
    await expect
      .poll(() => page.locator('[data-testid="repair-row"]').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect((await box(sider)).width).toBeLessThan(open);
    await shot(page, '1024x700-en-folded');
  }, 600_000);
});
