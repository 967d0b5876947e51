// Invitations to write for the website in a real Chromium: a person of the demo directory is
// invited (the form opens on the person picker, asked now), their article is logged in the
// website form, which offers the open invitation, and the invitation shows published and linked.
// Then the schedule tab: a range reaching past the last year of official holidays NetDesk's
// calendar knows is planned Monday–Friday, and the tab says so.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { officialCalendarYears } from '../../shared/calendar/workdays';
import { chinaDay } from '../../shared/time/china';
import { loadDemoLedger, newHome, outputDir, pick, startApp, type AppUnderTest } from './harness';

let app: AppUnderTest | undefined;
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && app) {
    await app.page.screenshot({ path: join(outputDir, 'invitations-failed.png') }).catch(() => undefined);
    console.error(app.serverLog());
  }
  await app?.close();
  app = undefined;
});

describe('invitations to write for the website', () => {
  it(
    'invites a person, logs their article and sees the invitation published with it',
    { timeout: 240_000 },
    async () => {
      const home = newHome('invitations');
      app = await startApp({ home });
      const { page } = app;
      app.context.setDefaultTimeout(30_000);
      await loadDemoLedger(page);

      // Someone of the directory with no invitation waiting yet.
      await page.getByTestId('nav-people').click();
      await page.getByTestId('person-row').first().waitFor();
      const names = await page
        .getByTestId('person-row')
        .evaluateAll((els) => els.map((e) => e.querySelectorAll('td')[1]?.textContent?.trim() ?? ''));
      await page.getByTestId('nav-culture').click();
      await page.getByTestId('tab-website').click();
      const rows = page.getByTestId('invitation-row');
      await expect.poll(() => rows.count()).toBeGreaterThan(0);
      const waiting = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-person')));
      const name = names.find((n) => n && !waiting.includes(n) && !/\s/.test(n))!;
      expect(name).toBeTruthy();

      await page.getByTestId('add-invitation').click();
      await pick(page, 'invitation-person', name);
      await page.getByTestId('invitation-note').fill('年会侧记');
      await page.getByTestId('invitation-note').press('Control+Enter');
      const mine = page.locator(`[data-testid="invitation-row"][data-person="${name}"]`);
      await expect.poll(() => mine.getAttribute('data-status')).toBe('asked');

      // Marking it published without an article is refused under the article field, in Chinese.
      await mine.getByTestId('invitation-publish').click();
      await page.getByTestId('invitation-submit').click();
      await expect
        .poll(() => page.getByTestId('error-websiteUpdateId').textContent())
        .toContain('已发表的邀请要选出它成为的那篇网站更新');
      await page.keyboard.press('Escape');
      expect(await mine.getAttribute('data-status')).toBe('asked');

      // Their article is logged: the form offers the invitation, ticked.
      await page.getByTestId('add-website-update').click();
      await page.getByTestId('website-title').fill('年会侧记：我们的 2026');
      await page.locator('#field-site').fill('集团官网');
      await page.getByTestId('website-author').fill(name);
      const offer = page.getByTestId('website-link-invitation');
      await expect.poll(() => offer.textContent()).toContain(`这是 ${name} 应邀写的稿件`);
      expect(await offer.locator('input').isChecked()).toBe(true);
      await page.getByTestId('website-title').press('Control+Enter');
      await page.locator('[data-testid="website-row"][data-title="年会侧记：我们的 2026"]').waitFor();

      // Published, linked to the article, and no longer among those waiting.
      await page.getByTestId('invitation-filter-published').click();
      await expect.poll(() => mine.getAttribute('data-status')).toBe('published');
      expect(await mine.getAttribute('data-article')).toBe('年会侧记：我们的 2026');
      await page.getByTestId('invitation-filter-open').click();
      await expect.poll(() => mine.count()).toBe(0);

      // The schedule: within the calendar's years no warning; into the first year it lacks, one.
      const unknown = Math.max(...officialCalendarYears()) + 1;
      const today = chinaDay(Date.now());
      await page.getByTestId('tab-schedule').click();
      const setTo = async (day: string) => {
        await page.getByTestId('schedule-to').click();
        await page.getByTestId('schedule-to').fill(day);
        await page.keyboard.press('Enter');
      };
      const warning = page.getByTestId('schedule-unofficial');
      if (today < `${unknown}-01-01`) {
        await setTo(today);
        await expect.poll(() => warning.count()).toBe(0);
      }
      await setTo(`${unknown}-01-15`);
      await expect.poll(() => warning.getAttribute('data-years')).toBe(String(unknown));
      expect(await warning.textContent()).toContain(`${unknown} 年的法定节假日和调休还不在 NetDesk 的日历里`);
      expect(await warning.textContent()).toContain('暂按周一至周五上班排期');
    },
  );
});
