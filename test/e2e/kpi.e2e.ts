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
import { addMonths, chinaMonth } from '../../shared/time/china';
import { loadDemoLedger, newHome, outputDir, startApp, type AppUnderTest } from './harness';

let app: AppUnderTest | undefined;
afterEach(async () => {
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
    const openCard = page.getByTestId('kpi-open-card').first();
    try {
      await expect.poll(() => openCard.isVisible(), { timeout: 30_000 }).toBe(true);
    } catch (err) {
      await page.screenshot({ path: join(outputDir, 'kpi-failed.png'), fullPage: true });
      throw err;
    }
    await openCard.click();
    await expect.poll(() => page.getByTestId('card-detail').isVisible(), { timeout: 30_000 }).toBe(true);
    expect(page.url()).toContain('#/repairs/');

    // The year so far: nine tiles; one that missed opens its latest missed month at its exceptions.
    await open(`#/reports/${thisMonth}`);
    await expect.poll(() => page.locator('[data-testid^="kpi-year-K"]').count(), { timeout: 60_000 }).toBe(9);
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
});
