// Every screen of the menu opened on an empty ledger, in a real Chromium: each list says what to do
// first (the EmptyState of renderer/components/EmptyState.tsx) instead of showing a blank table. The
// screens come from the menu itself, which the feature manifest draws, so a new screen without an
// entry here fails the test until someone says what its empty state is.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { zhCN } from '../../renderer/i18n/zh-CN';
import { newHome, startApp, type AppUnderTest } from './harness';

let app: AppUnderTest | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const e = zhCN.emptyState;

/** For each menu route: the tabs to open (by test id, none for the first tab) and the text each shows. */
const EXPECTED: Record<string, { tab?: string; text: string }[]> = {
  dashboard: [], // the dashboard's own hint, checked below
  repairs: [{ text: zhCN.repair.list.empty }],
  devices: [{ text: zhCN.devices.empty }, { tab: 'tab-evaluations', text: zhCN.evaluations.empty }],
  checks: [{ text: e.checks }],
  network: [{ text: e.network }, { tab: 'network-tab-permissions', text: e.permissions }],
  culture: [
    { text: zhCN.culture.empty },
    { tab: 'tab-schedule', text: e.schedule },
    { tab: 'tab-history', text: e.history },
    { tab: 'tab-website', text: e.website },
  ],
  training: [{ text: e.training }],
  reports: [{ text: e.kpiArchive }],
  people: [{ text: zhCN.people.empty }, { tab: 'tab-departments', text: zhCN.departments.empty }],
  settings: [
    { tab: 'settings-tab-sync', text: e.conflicts },
    { tab: 'settings-tab-backups', text: e.backups },
  ],
  help: [], // the guide itself; nothing in it depends on the ledger
};

async function menuRoutes(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid^="nav-"]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!.slice('nav-'.length)));
}

describe('empty states', () => {
  it('every screen of an empty ledger says what to do first', async () => {
    app = await startApp({ home: newHome('empty') });
    const { page } = app;
    await page.getByTestId('dashboard-empty').waitFor({ timeout: 60_000 });

    const routes = await menuRoutes(page);
    expect(routes.length).toBeGreaterThan(8);
    expect(routes.filter((r) => !(r in EXPECTED))).toEqual([]);

    const missing: string[] = [];
    for (const route of routes) {
      await page.getByTestId(`nav-${route}`).click();
      for (const { tab, text } of EXPECTED[route]!) {
        if (tab) await page.getByTestId(tab).click();
        const shown = page.getByTestId('empty-state').filter({ hasText: text });
        try {
          await shown.first().waitFor({ state: 'visible', timeout: 15_000 });
        } catch {
          missing.push(`${route}${tab ? ` › ${tab}` : ''}: ${text}`);
        }
      }
    }
    expect(missing).toEqual([]);

    // The first step is one click away where it is a single action: the people list's button opens
    // the new-person form.
    await page.getByTestId('nav-people').click();
    await page.getByTestId('tab-people').click();
    await page.getByTestId('empty-state-action').first().click();
    await expect
      .poll(() => page.locator('.ant-modal-title').first().textContent())
      .toBe(zhCN.people.addTitle);

    // A search that finds nothing says what can be searched for.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+F');
    await page.getByTestId('global-search').fill('没有这样的东西');
    await expect
      .poll(() => page.getByTestId('global-search-empty').getByTestId('empty-state').textContent())
      .toBe(e.search.replace('{{query}}', '没有这样的东西'));
  });
});
