// A K7 exception (a week under two website updates) followed in a real Chromium, Chinese UI, on the
// demo ledger: from the KPI screen's K7 exceptions to the website tab at that week — its tag in the
// tracker marked with the week's count, its updates marked in the log — for last month's week and
// for one older than the tracker's twelve weeks.
import { afterEach, describe, expect, it } from 'vitest';
import { buildDemoLedger } from '../../shared/demo';
import { computeKpiMonth } from '../../shared/kpi/engine';
import { kpiLedgerFromTables } from '../../shared/kpi/ledger';
import { addMonths, chinaMonth } from '../../shared/time/china';
import { loadDemoLedger, newHome, startApp, type AppUnderTest } from './harness';

let app: AppUnderTest | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The first short week of each month, as the engine sees the demo ledger the app loads. */
function shortWeeks(months: string[]): { month: string; monday: string; updates: number }[] {
  const now = new Date();
  const ledger = kpiLedgerFromTables(buildDemoLedger({ seed: 1, now }).tables);
  return months.map((month) => {
    const k7 = computeKpiMonth(ledger, month, now).indicators.find((i) => i.id === 'K7')!;
    const e = k7.exceptions.find((x) => x.kind === 'website-week-short');
    if (e?.kind !== 'website-week-short')
      throw new Error(`the demo ledger has no short website week in ${month}`);
    return { month, monday: e.week.monday, updates: e.updates };
  });
}

describe('KPI K7 exceptions', () => {
  it("open the website tab at the week's updates", async () => {
    app = await startApp({ home: newHome('kpi-website') });
    const { page } = app;
    await loadDemoLedger(page);
    await expect
      .poll(() => page.locator('.ant-message').textContent(), { timeout: 60_000 })
      .toContain('演示数据已加载');
    const thisMonth = chinaMonth(new Date());
    const weeks = shortWeeks([addMonths(thisMonth, -1), addMonths(thisMonth, -4)]);

    for (const w of weeks) {
      await page.evaluate((h) => {
        window.location.hash = h;
      }, `#/reports/${w.month}/K7`);
      const exception = page.getByTestId('kpi-exception').filter({ hasText: w.monday }).first();
      await expect.poll(() => exception.isVisible(), { timeout: 60_000 }).toBe(true);
      await exception.getByTestId('kpi-open-website').click();

      await expect.poll(() => page.url()).toContain(`#/culture/website/${w.monday}`);
      const tag = page.locator(`[data-testid="website-week"][data-picked="true"]`);
      await expect.poll(() => tag.getAttribute('data-monday'), { timeout: 30_000 }).toBe(w.monday);
      // The log fills after the tag is drawn: its count follows.
      await expect.poll(() => tag.getAttribute('data-count')).toBe(String(w.updates));
      expect(await tag.getAttribute('data-status')).toBe('short');
      expect(await page.locator('[data-testid="website-week"][data-picked="true"]').count()).toBe(1);
      await expect
        .poll(() => page.getByTestId('website-week-picked').textContent())
        .toContain(`${w.monday} 起一周：${w.updates} 条更新`);
      // The week's updates are marked on the page shown (none to mark in a week with none).
      await expect
        .poll(() => page.locator('[data-testid="website-row"][data-picked="true"]').count())
        .toBe(w.updates);
    }
  });
});
