// The monthly KPI screen in a real Chromium, Chinese UI, on the demo ledger: last month's tiles
// (a red one opens its exceptions), a card exception of this month opens the card; a month not begun
// is refused; last month's report is issued, its PDF holds the charts and, in the footer, the
// figures' SHA-256 the screen shows; reopening gives the very same bytes; a re-issue becomes
// version 2 and says what changed.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDemoLedger } from '../../shared/demo';
import { computeKpiMonth } from '../../shared/kpi/engine';
import { kpiLedgerFromTables } from '../../shared/kpi/ledger';
import { exceptionText } from '../../shared/kpi/text';
import type { KpiException } from '../../shared/kpi/types';
import { addMonths, chinaMonth, chinaTime } from '../../shared/time/china';
import { loadDemoLedger, newHome, outputDir, startApp, type AppUnderTest } from './harness';

let app: AppUnderTest | undefined;
afterEach(async (ctx) => {
  // A failure says what the page and the service said (page errors included) and how it looked.
  if (ctx.task.result?.state === 'fail' && app) {
    await app.page.screenshot({ path: join(outputDir, 'kpi-failed-after.png') }).catch(() => undefined);
    console.error(`kpi e2e failed; service log:\n${app.serverLog()}`);
  }
  await app?.close();
  app = undefined;
});

async function waitForFiles(dir: string, match: (name: string) => boolean, count: number): Promise<string[]> {
  const until = Date.now() + 60_000;
  for (;;) {
    const found = existsSync(dir) ? readdirSync(dir).filter(match).sort() : [];
    if (found.length >= count) return found;
    if (Date.now() > until)
      throw new Error(`fewer than ${count} matching files in ${dir}: ${found.join(', ')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const pdfText = (path: string) =>
  execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(
    /[ \t]+/g,
    '',
  );

/**
 * A repaired card of last month in the demo ledger (built the same way the app builds it, so the
 * ids and days match the one just loaded): preferably one without a head's signature time, which
 * an earlier receipt would otherwise have to precede.
 */
function lastMonthCard(): { id: string; cardNo: string } {
  const now = new Date();
  const lastMonth = addMonths(chinaMonth(now), -1);
  const cards = buildDemoLedger({ seed: 1, now }).tables.repairCards ?? [];
  const ofLastMonth = cards.filter(
    (c) => chinaMonth(new Date(c.receivedAt)) === lastMonth && c.status !== 'received',
  );
  const card = ofLastMonth.find((c) => !c.deptHeadSignedAt) ?? ofLastMonth[0];
  if (!card) throw new Error(`the demo ledger has no card of ${lastMonth}`);
  return { id: card.id, cardNo: card.cardNo };
}

/** 'YYYY-MM-DD HH:mm' three days earlier (the picker's local time, kept local). */
function threeDaysEarlier(shown: string): string {
  const [day, time] = shown.split(' ');
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 3);
  return `${d.toISOString().slice(0, 10)} ${time}`;
}

describe('monthly KPI', () => {
  it('shows the tiles, follows exceptions, issues, reopens unchanged and re-issues', async () => {
    const home = newHome('kpi');
    app = await startApp({ home });
    const { page } = app;
    await loadDemoLedger(page);
    // The people show before the import has finished; a reload now would cut it short.
    await expect
      .poll(() => page.locator('.ant-message').textContent(), { timeout: 60_000 })
      .toContain('演示数据已加载');
    const open = (hash: string) =>
      page.evaluate((h) => {
        window.location.hash = h;
      }, hash);
    const thisMonth = chinaMonth(new Date());
    const lastMonth = addMonths(thisMonth, -1);

    // A month not begun yet is refused with a clear message.
    await open(`#/reports/${addMonths(thisMonth, 1)}`);
    await expect.poll(() => page.getByTestId('kpi-month-error').textContent()).toContain('尚未开始');

    // This month: a card exception opens the card.
    await page.getByTestId('kpi-month').fill(thisMonth);
    await page.getByTestId('kpi-month').press('Enter');
    await page.getByTestId('kpi-tile-K3').click();
    // Whichever card exception is listed first: the card opened must be the one that row names.
    const cardRow = page
      .getByTestId('kpi-exception')
      .filter({ has: page.getByTestId('kpi-open-card') })
      .first();
    try {
      await expect.poll(() => cardRow.isVisible(), { timeout: 30_000 }).toBe(true);
    } catch (err) {
      await page.screenshot({ path: join(outputDir, 'kpi-failed.png'), fullPage: true });
      throw err;
    }
    const listedCardNo = (await cardRow.textContent())?.match(/WX-\d{4}-[A-Z]-\d{4}/)?.[0];
    expect(listedCardNo).toBeDefined();
    await cardRow.getByTestId('kpi-open-card').click();
    await expect.poll(() => page.getByTestId('card-detail').isVisible(), { timeout: 30_000 }).toBe(true);
    expect(page.url()).toContain('#/repairs/');
    await expect.poll(() => page.getByTestId('card-detail').getAttribute('data-card-no')).toBe(listedCardNo);

    // The year so far: nine tiles; one that missed opens its latest missed month at its exceptions.
    await open(`#/reports/${thisMonth}`);
    await expect.poll(() => page.locator('[data-testid^="kpi-year-K"]').count(), { timeout: 60_000 }).toBe(9);
    // Any missed indicator will do: what follows is checked against the one picked (its id).
    const missedYear = page.locator('[data-testid^="kpi-year-K"][data-pass="false"]:not([disabled])').first();
    if ((await missedYear.count()) > 0) {
      const id = ((await missedYear.getAttribute('data-testid')) ?? '').replace('kpi-year-', '');
      await missedYear.click();
      await expect.poll(() => page.url()).toMatch(new RegExp(`#/reports/\\d{4}-\\d{2}/${id}$`));
      await expect.poll(() => page.getByTestId('kpi-exceptions').textContent()).toContain(id);
    }

    // Last month: a red tile lists its exceptions.
    await open(`#/reports/${lastMonth}`);
    await expect.poll(() => page.getByTestId('kpi-tile-K1').isVisible(), { timeout: 30_000 }).toBe(true);
    // Any red tile will do: what follows holds for every one (it lists exceptions).
    const red = page.locator('[data-testid^="kpi-tile-"][data-pass="false"]').first();
    await expect.poll(() => red.count()).toBe(1);
    await red.click();
    await expect.poll(() => page.getByTestId('kpi-exception').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(outputDir, 'kpi-screen.png'), fullPage: true });

    // Issue it, with a remark.
    await page.getByTestId('kpi-remark').fill('本月网络运行平稳。');
    await page.getByTestId('kpi-issue').click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('kpi-version-1').isVisible(), { timeout: 60_000 }).toBe(true);
    const shownSha = ((await page.getByTestId('kpi-changes-1').textContent()) ?? '').match(
      /[0-9a-f]{64}/,
    )?.[0];
    expect(shownSha).toBeDefined();

    // Reopen it twice: the same bytes each time, the charts and the SHA-256 in the footer.
    const reports = join(home, 'reports');
    const isReport = (f: string) => f.startsWith(`月度考核报告-${lastMonth}-第1版`) && f.endsWith('.pdf');
    await page.getByTestId('kpi-reopen-1').click();
    const [first] = await waitForFiles(reports, isReport, 1);
    const firstBytes = readFileSync(join(reports, first!));
    const text = pdfText(join(reports, first!));
    for (const expected of [
      '月度考核报告',
      '每周维修卡数',
      '各部门维修卡数',
      '故障类别',
      '维修用时分布',
      '本月网络运行平稳。',
    ])
      expect(text).toContain(expected);
    expect(text).toContain(`SHA-256：${shownSha}（第1版）`);

    // A card of last month is corrected: received three days earlier, so K3 of last month changes.
    const edited = lastMonthCard();
    await open(`#/repairs/${encodeURIComponent(edited.id)}`);
    await expect.poll(() => page.getByTestId('card-detail').getAttribute('data-card-no')).toBe(edited.cardNo);
    await page.getByTestId('card-edit').click();
    // One field: the selector names its input whether the test id lands on it or on its wrapper.
    const receivedInput = page
      .locator('input[data-testid="edit-received-at"], [data-testid="edit-received-at"] input')
      .first();
    const shown = await receivedInput.inputValue();
    await receivedInput.click();
    await receivedInput.fill(threeDaysEarlier(shown));
    await receivedInput.press('Enter');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('edit-form').count(), { timeout: 30_000 }).toBe(0);

    // Reopened after the correction: still the very same document.
    await open(`#/reports/${lastMonth}`);
    await expect.poll(() => page.getByTestId('kpi-reopen-1').isVisible(), { timeout: 30_000 }).toBe(true);
    await page.getByTestId('kpi-reopen-1').click();
    const both = await waitForFiles(reports, isReport, 2);
    const again = readFileSync(
      join(
        reports,
        both.find((f) => f !== first)!,
      ),
    );
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(sha(again)).toBe(sha(firstBytes));

    // Re-issue: version 2, listed first, naming the corrected card among the changes.
    await page.getByTestId('kpi-issue').click();
    await expect.poll(() => page.getByTestId('kpi-issue-confirm').textContent()).toContain('第 1 版');
    expect(await page.getByTestId('kpi-issue-confirm').textContent()).toContain(edited.cardNo);
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('kpi-version-2').isVisible(), { timeout: 60_000 }).toBe(true);
    const changes2 = (await page.getByTestId('kpi-changes-2').textContent()) ?? '';
    expect(changes2).toContain(edited.cardNo);
    expect(changes2).not.toContain('无变化');
  });

  it("dashboard tiles open an indicator's exceptions; exceptions open the week's checks, the day's quote, the incident", async () => {
    app = await startApp({ home: newHome('kpi-links') });
    const { page } = app;
    await loadDemoLedger(page);
    await expect
      .poll(() => page.locator('.ant-message').textContent(), { timeout: 60_000 })
      .toContain('演示数据已加载');
    const open = (hash: string) =>
      page.evaluate((h) => {
        window.location.hash = h;
      }, hash);
    const thisMonth = chinaMonth(new Date());

    // The dashboard: this month's nine indicators, each coloured; one click opens its exceptions.
    await open('#/dashboard');
    await expect
      .poll(() => page.locator('[data-testid^="dashboard-kpi-K"]').count(), { timeout: 60_000 })
      .toBe(9);
    for (const id of ['K1', 'K3', 'K9'])
      expect(['true', 'false', 'null']).toContain(
        await page.getByTestId(`dashboard-kpi-${id}`).getAttribute('data-pass'),
      );
    await expect
      .poll(() => page.locator('[data-testid^="dashboard-kpi-year-K"]').count(), { timeout: 60_000 })
      .toBe(9);
    await page.getByTestId('dashboard-kpi-K3').click();
    await expect.poll(() => page.url()).toContain(`#/reports/${thisMonth}/K3`);
    await expect.poll(() => page.getByTestId('kpi-exceptions').textContent()).toContain('K3');

    // Where the demo ledger has an exception of each kind (computed as the app computes it).
    const now = new Date();
    const ledger = kpiLedgerFromTables(buildDemoLedger({ seed: 1, now }).tables);
    const find = (kinds: KpiException['kind'][]) => {
      for (let back = 0; back < 6; back++) {
        const month = addMonths(thisMonth, -back);
        for (const ind of computeKpiMonth(ledger, month, now).indicators) {
          const e = ind.exceptions.find((x) => kinds.includes(x.kind));
          if (e) return { month, id: ind.id, e };
        }
      }
      throw new Error(`the demo ledger has no ${kinds.join('/')} exception in six months`);
    };
    // The listed line of an exception, found by its words rather than by its place in the list.
    const exceptionRow = (e: KpiException) =>
      page.getByTestId('kpi-exception').filter({ hasText: exceptionText(e, 'zh') });

    // A week without its check opens the checks screen at that week.
    const week = find(['server-week-missing', 'cctv-week-missing', 'website-week-unchecked']);
    await open(`#/reports/${week.month}/${week.id}`);
    await exceptionRow(week.e).getByTestId('kpi-open-checks').click();
    await expect.poll(() => page.url()).toMatch(/#\/checks\/week\/\d{4}-\d{2}-\d{2}$/);
    const monday = 'week' in week.e ? week.e.week.monday : '';
    await expect
      .poll(() => page.getByTestId('checks-week').getAttribute('data-week'), { timeout: 30_000 })
      .toBe(monday);

    // A working day without a quote (or a repeat) opens the showroom history at that day.
    const quote = find(['quote-day-missing', 'quote-repeated']);
    await open(`#/reports/${quote.month}/${quote.id}`);
    await exceptionRow(quote.e).getByTestId('kpi-open-quote').click();
    const day = 'date' in quote.e ? quote.e.date : '';
    await expect.poll(() => page.url()).toContain(`#/culture/history/${day}`);
    await expect.poll(() => page.getByTestId('history-table').isVisible(), { timeout: 30_000 }).toBe(true);
    // The page shown holds the days around it (newest first: the first row is not older than it).
    const firstShown = await page.getByTestId('history-row').first().getAttribute('data-date');
    expect((firstShown ?? '') >= day).toBe(true);

    // An incident opens its entry in the network log.
    const incident = find(['major-incident', 'excluded-incident', 'power-cut-late', 'power-cut-open']);
    await open(`#/reports/${incident.month}/${incident.id}`);
    // Its line is found by its start time: the hours of an ongoing outage move with the clock.
    const startAt = 'startAt' in incident.e ? incident.e.startAt : '';
    const incidentId = 'incidentId' in incident.e ? incident.e.incidentId : '';
    await page
      .getByTestId('kpi-exception')
      .filter({ hasText: `${chinaTime(startAt)} 起` })
      .getByTestId('kpi-open-incident')
      .click();
    await expect.poll(() => page.url()).toContain(`#/network/incident/${encodeURIComponent(incidentId)}`);
    await expect
      .poll(() => page.locator('.ant-modal, .ant-drawer').first().isVisible(), { timeout: 30_000 })
      .toBe(true);
  });
});
