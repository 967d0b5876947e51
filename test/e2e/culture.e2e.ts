// The daily quote in a real Chromium: a list of 30 quotes with two repeats is imported (the preview
// names both refusals and nothing is written before confirming), a month of working days is
// scheduled from it, and the schedule holds exactly the calendar's working days, each with a
// different quote; the showroom display then shows today's.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { workingDaysIn } from '../../shared/calendar/workdays';
import { chineseDate } from '../../shared/culture/showroom';
import { addDays, chinaDay, weekOf } from '../../shared/time/china';
import { newHome, outputDir, startApp, type AppUnderTest } from './harness';

let app: AppUnderTest | undefined;
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && app) {
    await app.page.screenshot({ path: join(outputDir, 'culture-failed.png') }).catch(() => undefined);
    console.error(app.serverLog());
  }
  await app?.close();
  app = undefined;
});

const QUOTES = Array.from(
  { length: 28 },
  (_, i) =>
    `第${i + 1}条：学习是进步的阶梯，行动${'一二三四五六七八九十'[i % 10]}是成功之${['门', '路', '桥'][i % 3]}。`,
);

describe('daily quotes', () => {
  it(
    'imports 30 lines refusing two repeats, then schedules a month of working days',
    { timeout: 240_000 },
    async () => {
      const home = newHome('culture');
      app = await startApp({ home });
      const { page } = app;
      app.context.setDefaultTimeout(30_000);

      // Line 10 repeats line 3 with other punctuation; line 20 is line 5 in traditional characters.
      const lines = [...QUOTES];
      lines.splice(9, 0, QUOTES[2]!.replace('：', ':').replace('。', '.'));
      lines.splice(19, 0, QUOTES[4]!.replace('学习', '學習').replace('进步', '進步').replace('阶梯', '階梯'));
      expect(lines).toHaveLength(30);
      const file = join(home, '每日一言.txt');
      writeFileSync(file, lines.join('\r\n'), 'utf8');

      await page.getByTestId('nav-culture').click();
      await page.getByTestId('import-quotes').click();
      await page.getByTestId('quote-import-file').setInputFiles(file);
      await expect
        .poll(() => page.getByTestId('quote-import-counts').textContent())
        .toContain('共 30 行：可导入 28 条，拒绝 2 条');
      const refused = page.locator('[data-testid="quote-import-row"][data-status="repeat-in-file"]');
      expect(await refused.count()).toBe(2);
      expect(await refused.nth(0).getAttribute('data-line')).toBe('10');
      expect(await refused.nth(0).textContent()).toContain('和第 3 行重复');
      expect(await refused.nth(1).getAttribute('data-line')).toBe('20');
      // Nothing is saved before the user confirms.
      expect(await page.getByTestId('quote-row').count()).toBe(0);
      await page.getByTestId('quote-import-confirm').click();
      await expect
        .poll(() => page.getByTestId('quote-import-done').textContent())
        .toContain('已导入 28 条语录');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('quote-row').count()).toBe(28);
      await expect
        .poll(() => page.getByTestId('quote-coverage').textContent())
        .toContain('未使用的语录 28 条');

      // Adding a repeat by hand is refused under the field, in Chinese.
      await page.getByTestId('add-quote').click();
      await page.getByTestId('quote-text').fill(` ${QUOTES[0]!.replace('学习', '學習')} `);
      await page.getByTestId('quote-submit').click();
      await expect.poll(() => page.getByTestId('error-text').textContent()).toContain('这条语录已经在库里了');
      await page.keyboard.press('Escape');

      // A month from today: exactly the calendar's working days, each a different quote.
      const today = chinaDay(Date.now());
      const to = addDays(today, 30);
      await page.getByTestId('tab-schedule').click();
      await page.getByTestId('schedule-to').click();
      await page.getByTestId('schedule-to').fill(to);
      await page.keyboard.press('Enter');
      await page.getByTestId('schedule-fill').click();
      const expected = workingDaysIn(today, to);
      await expect
        .poll(() => page.getByTestId('schedule-result').textContent())
        .toContain(`已排 ${expected.length} 个工作日`);
      const rows = page.getByTestId('schedule-row');
      await expect.poll(() => rows.count()).toBe(expected.length);
      const dates = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-date')));
      expect(dates).toEqual(expected);
      const texts = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-text')));
      expect(new Set(texts).size).toBe(expected.length);

      // Filling the same range again schedules nothing more.
      await page.getByTestId('schedule-fill').click();
      await expect.poll(() => page.getByTestId('schedule-result').textContent()).toContain('都已排好');

      // The showroom display, opened from the library as a page of its own: today's quote (on a
      // rest day the schedule starting today has none yet), the company name and the date, and
      // nothing to edit. It shares the ledger and the sign-in of the window that opened it.
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('settings-tab-company').click();
      await page.getByTestId('company-name').fill('华东示范控股集团');
      await page.getByTestId('company-name').press('Control+Enter');
      await page.getByTestId('nav-culture').click();
      const [showroom] = await Promise.all([
        app.context.waitForEvent('page'),
        page.getByTestId('open-showroom').click(),
      ]);
      const todays = expected[0] === today ? texts[0]! : '今天还没有排好的语录';
      await expect.poll(() => showroom.getByTestId('showroom-quote').textContent()).toBe(todays);
      await expect
        .poll(() => showroom.getByTestId('showroom-company').textContent())
        .toBe('华东示范控股集团');
      expect(await showroom.getByTestId('showroom-date').textContent()).toBe(chineseDate(today));
      expect(await showroom.locator('button, input, textarea, select, a, [contenteditable]').count()).toBe(0);
      expect(showroom.url()).toMatch(/\/#\/showroom$/);
      // Reloaded, with the same address and no new sign-in code, it shows the same quote.
      await showroom.reload();
      await expect.poll(() => showroom.getByTestId('showroom-quote').textContent()).toBe(todays);
      await showroom.close();

      // Website updates: two logged this week meet the week's two, on the tracker and the dashboard.
      await page.getByTestId('tab-website').click();
      const thisWeek = page.locator('[data-testid="website-week"][data-status="running"]');
      await expect.poll(() => thisWeek.getAttribute('data-count')).toBe('0');
      for (const title of ['集团召开年终工作会议', '诚聘：物业客服主管']) {
        await page.getByTestId('add-website-update').click();
        await page.getByTestId('website-title').fill(title);
        await page.locator('#field-site').fill('集团官网');
        await page.getByTestId('website-title').press('Control+Enter');
        await expect
          .poll(() => page.locator(`[data-testid="website-row"][data-title="${title}"]`).count())
          .toBe(1);
      }
      const met = page.locator(`[data-testid="website-week"][data-monday="${weekOf(today).monday}"]`);
      await expect.poll(() => met.getAttribute('data-status')).toBe('met');
      expect(await met.getAttribute('data-count')).toBe('2');
      // A link that is not a web address is refused under its field, and nothing is saved.
      await page.getByTestId('add-website-update').click();
      await page.getByTestId('website-title').fill('不完整的更新');
      await page.getByTestId('website-url').fill('www.example.com');
      await page.getByTestId('website-title').press('Control+Enter');
      await expect.poll(() => page.getByTestId('error-url').count()).toBeGreaterThan(0);
      await page.keyboard.press('Escape');
      expect(await page.getByTestId('website-row').count()).toBe(2);
      await page.getByTestId('nav-dashboard').click();
      await expect.poll(() => page.getByTestId('dashboard-website').getAttribute('data-count')).toBe('2');
      expect(await page.getByTestId('dashboard-website').textContent()).toContain('2 / 2 条');

      // An Excel workbook: the 内容 column is read; a repeat of the library is refused, the rest
      // imported only after confirming.
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('语录');
      sheet.addRow(['序号', '内容', '出处']);
      sheet.addRow([1, '千里之行，始于足下。', '老子']);
      sheet.addRow([2, QUOTES[7]!.replace('。', '！'), '']);
      sheet.addRow([3, '细节决定成败。', '']);
      const xlsx = join(home, '每日一言.xlsx');
      await workbook.xlsx.writeFile(xlsx);
      await page.getByTestId('nav-culture').click();
      await page.getByTestId('tab-quotes').click();
      await page.getByTestId('import-quotes').click();
      await page.getByTestId('quote-import-file').setInputFiles(xlsx);
      await expect
        .poll(() => page.getByTestId('quote-import-counts').textContent())
        .toContain('共 3 行：可导入 2 条，拒绝 1 条');
      const xlsxRefused = page.locator('[data-testid="quote-import-row"][data-status="repeat-of-library"]');
      expect(await xlsxRefused.getAttribute('data-line')).toBe('3');
      expect(await page.getByTestId('quote-row').count()).toBe(28);
      await page.getByTestId('quote-import-confirm').click();
      await expect
        .poll(() => page.getByTestId('quote-import-done').textContent())
        .toContain('已导入 2 条语录');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('quote-row').count()).toBe(30);
    },
  );
});
